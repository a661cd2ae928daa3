package dev.trailhunt.geoip;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds the folder of MaxMind-format databases: {@code --geoip DIR}, else {@code TRAILHUNT_GEOIP}, else the
 * folders {@code geoipupdate} writes to.
 */
public final class GeoIpFolders {
    /** Names the environment variable that points at a folder of {@code .mmdb} files. */
    public static final String ENV = "TRAILHUNT_GEOIP";

    private GeoIpFolders() {
    }

    /** Lists the folders {@code geoipupdate} writes to, system-wide first, then the user's own. */
    public static List<Path> defaults(String home) {
        List<Path> out = new ArrayList<>(List.of(Path.of("/usr/share/GeoIP"), Path.of("/var/lib/GeoIP"),
                Path.of("/usr/local/share/GeoIP")));
        if (home != null && !home.isBlank()) {
            out.add(Path.of(home, ".local", "share", "GeoIP"));
            out.add(Path.of(home, "GeoIP"));
        }
        return out;
    }

    /**
     * Opens the databases of the chosen folder, or returns null when no folder was named and no default
     * folder holds a database; a folder named by option or variable that holds none is an error.
     */
    public static GeoIpLookup open(Path explicit, Map<String, String> env) {
        if (explicit != null) {
            return GeoIpLookup.open(explicit, "--geoip");
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return GeoIpLookup.open(Path.of(fromEnv), ENV);
        }
        for (Path p : defaults(env.get("HOME"))) {
            if (hasDatabase(p)) {
                return GeoIpLookup.open(p, p.toString());
            }
        }
        return null;
    }

    private static boolean hasDatabase(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".mmdb"));
        } catch (java.io.IOException | SecurityException e) {
            return false;
        }
    }
}
