package org.circgate.server.cli;

import org.circgate.server.BuildInfo;
import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"circgate " + BuildInfo.version()};
    }
}
