package dev.trailhunt.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports trailhunt's version from the jar manifest. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"trailhunt " + (v == null ? "dev" : v)};
    }
}
