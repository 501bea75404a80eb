package org.circgate.server.cli;

import java.nio.file.Path;
import org.circgate.server.config.ConfigLoader;
import org.circgate.server.config.ServerConfig;
import picocli.CommandLine.Option;

/** The {@code --config} option shared by every command. */
public final class ConfigOption {
    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML configuration file; environment variables (CIRCGATE_*) override it.")
    Path file;

    ServerConfig load() {
        return new ConfigLoader(System.getenv()).load(file);
    }
}
