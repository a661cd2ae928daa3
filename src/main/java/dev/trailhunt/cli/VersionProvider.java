package dev.trailhunt.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reports trailhunt's version from a build-filtered resource, so jar and test runs agree. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"trailhunt " + version()};
    }

    /** Returns the Maven project version, or {@code dev} when the resource was not filtered. */
    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/trailhunt/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
