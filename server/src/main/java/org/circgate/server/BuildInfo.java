package org.circgate.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.jar.Manifest;

/** Version and source revision of the running build, from the jar manifest ("dev" / "unknown" from classes). */
public final class BuildInfo {
    private static final String REVISION = readRevision();

    private BuildInfo() {
    }

    public static String version() {
        String version = BuildInfo.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** The commit the jar was built from (manifest attribute {@code Build-Revision}), or "unknown". */
    public static String revision() {
        return REVISION;
    }

    private static String readRevision() {
        URL classFile = BuildInfo.class.getResource("BuildInfo.class");
        if (classFile == null || !"jar".equals(classFile.getProtocol())) {
            return "unknown";
        }
        String jar = classFile.toString();
        String manifest = jar.substring(0, jar.indexOf("!/") + 2) + "META-INF/MANIFEST.MF";
        try (InputStream in = new URL(manifest).openStream()) {
            String revision = new Manifest(in).getMainAttributes().getValue("Build-Revision");
            return revision == null || !revision.matches("[0-9a-f]{7,40}") ? "unknown" : revision;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
