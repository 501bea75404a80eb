package org.circgate.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The top-level command; without a subcommand it serves. */
@Command(name = "circgate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "SIP2 and NCIP circulation gateway with a Symphony-style circulation policy.",
            "",
            "Without a subcommand circgate serves: SIP2 on port 6001, NCIP on 8080 and the admin port",
            "(/health/live, /health/ready, /metrics) on 9090. With no database configured it starts an",
            "embedded MariaDB under ./data and, on first start, loads a small demo library.",
            ""},
        subcommands = {ServeCommand.class, ImportCommand.class},
        footer = {"",
            "Configuration: --config FILE (YAML) and environment variables such as CIRCGATE_SIP2_PORT,",
            "CIRCGATE_DB_URL, CIRCGATE_DATA_DIR; see the README for every key."})
public final class CircgateCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Override
    public Integer call() {
        return new ServeCommand(config).call();
    }
}
