package org.circgate.server.cli;

import picocli.CommandLine;

/** Entry point of the fat jar: {@code java -jar circgate.jar [serve|import FILE] [--config FILE]}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int exitCode = commandLine().execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new CircgateCommand());
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        return commandLine;
    }
}
