package dev.trailhunt.geoip;

import java.nio.file.Path;

/**
 * Identifies one MaxMind-format database a lookup reads.
 *
 * @param kind      what the database answers: {@code city} (source.geo.*) or {@code asn} (source.as.*)
 * @param path      the file
 * @param type      the database type its metadata declares, e.g. {@code GeoLite2-City}
 * @param buildDate the build date its metadata declares, ISO-8601 ({@code 2026-11-28T00:00:00Z})
 * @param sha256    the file's SHA-256, lower-case hex
 */
public record GeoDatabase(String kind, Path path, String type, String buildDate, String sha256) {

    /** Returns the file name, the name reports show. */
    public String name() {
        return path.getFileName().toString();
    }

    /** Renders the one-line provenance text, e.g. {@code GeoLite2-City.mmdb (GeoLite2-City, built 2026-11-28, sha256 ab12…)}. */
    public String describe() {
        return name() + " (" + type + ", built " + buildDate.substring(0, Math.min(10, buildDate.length()))
                + ", sha256 " + sha256 + ")";
    }
}
