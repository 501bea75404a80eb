package org.circgate.server.cli;

import java.util.concurrent.Callable;
import org.circgate.server.CircgateServer;
import org.circgate.server.config.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the server until SIGTERM / SIGINT, then stops it in order within the configured bound. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the SIP2, NCIP and admin listeners (the default command).")
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config = new ConfigOption();

    public ServeCommand() {
    }

    ServeCommand(ConfigOption config) {
        this.config = config == null ? new ConfigOption() : config;
    }

    @Override
    public Integer call() {
        ServerConfig serverConfig = config.load();
        CircgateServer server = CircgateServer.start(serverConfig);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "circgate-shutdown"));
        server.awaitTermination();
        return 0;
    }
}
