package org.circgate.server.cli;

import org.circgate.server.config.ConfigException;
import org.circgate.server.db.DatabaseStartException;
import org.circgate.server.importer.ImportException;
import org.circgate.server.lifecycle.StartupException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Expected failures print one clear message and exit non-zero; anything else keeps its stack trace. */
final class ErrorHandler implements IExecutionExceptionHandler {
    static final int CONFIG_ERROR = 2;
    static final int START_ERROR = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult)
            throws Exception {
        if (e instanceof ConfigException) {
            commandLine.getErr().println("circgate: " + e.getMessage());
            return CONFIG_ERROR;
        }
        if (e instanceof DatabaseStartException || e instanceof StartupException || e instanceof ImportException) {
            commandLine.getErr().println("circgate: " + e.getMessage());
            return START_ERROR;
        }
        throw e;
    }
}
