package org.circgate.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.circgate.server.DatabaseRuntime;
import org.circgate.server.importer.DataImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Loads an import file into the configured database (embedded or external), all or nothing. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Load institutions, locations, policy, SIP accounts, patrons, items, loans, holds and bills",
            "from a JSON file (format: docs/import-format.md). All or nothing; importing a file twice changes",
            "nothing. With the embedded database, stop the server first."})
public final class ImportCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config = new ConfigOption();

    @Parameters(index = "0", paramLabel = "FILE", description = "The JSON file to import.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        try (DatabaseRuntime database = DatabaseRuntime.open(config.load(), null);
                InputStream in = Files.newInputStream(file)) {
            DataImporter.Summary summary = new DataImporter(database.transactions(), database.hasher())
                    .importFrom(in, file.getFileName().toString());
            spec.commandLine().getOut().println("Imported " + summary);
        }
        return 0;
    }
}
