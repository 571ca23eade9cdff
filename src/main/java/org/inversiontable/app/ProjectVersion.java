package org.inversiontable.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the project's version, written into the jar by the build. */
public final class ProjectVersion implements IVersionProvider {
    private static final String RESOURCE = "/inversion-table-version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"inversion-table " + version(), "Java " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor", "unknown vendor") + ")"};
    }

    /** The project's version, or "unknown" when the build did not write it (never throws). */
    public static String version() {
        try (InputStream in = ProjectVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
