package dev.trailhunt.hunt;

import dev.trailhunt.model.Sha256;
import java.util.List;
import java.util.Objects;

/**
 * Describes one hunt in Elastic's hunting-library schema plus where it was read from.
 *
 * @param id the file-name stem (built-in name) or another short handle
 * @param name the human title
 * @param uuid the hunt's uuid, or empty
 * @param author the author, or empty
 * @param description the description, or empty
 * @param integrations the integrations the hunt targets, e.g. {@code aws.cloudtrail}
 * @param queries the queries in file order
 * @param notes the hunter's notes
 * @param mitre the MITRE ATT&amp;CK technique ids
 * @param references reference URLs
 * @param origin where the definition came from
 * @param location the file path, or {@code hunts/<id>.toml} for a built-in, or empty
 * @param sha256 the hex SHA-256 of the file bytes, or of the query text for ad-hoc queries, or empty when unreadable
 * @param loadError why the file of a folder run could not be read as a hunt (it then has no queries), else empty
 */
public record HuntDefinition(
        String id,
        String name,
        String uuid,
        String author,
        String description,
        List<String> integrations,
        List<HuntQuery> queries,
        List<String> notes,
        List<String> mitre,
        List<String> references,
        HuntOrigin origin,
        String location,
        String sha256,
        String loadError) {
    public HuntDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        uuid = Objects.requireNonNullElse(uuid, "");
        author = Objects.requireNonNullElse(author, "");
        description = Objects.requireNonNullElse(description, "");
        integrations = List.copyOf(integrations);
        queries = List.copyOf(queries);
        notes = List.copyOf(notes);
        mitre = List.copyOf(mitre);
        references = List.copyOf(references);
        Objects.requireNonNull(origin, "origin");
        location = Objects.requireNonNullElse(location, "");
        Objects.requireNonNull(sha256, "sha256");
        loadError = Objects.requireNonNullElse(loadError, "");
    }

    /**
     * Builds the stand-in for a hunt file of a folder that could not be read as a hunt, so that the
     * other hunts still run and the run reports this one as failed.
     */
    public static HuntDefinition unloadable(String id, HuntOrigin origin, String location, String sha256, String loadError) {
        String fileName = location.substring(location.lastIndexOf('/') + 1);
        return new HuntDefinition(id, fileName, "", "", "", List.of(), List.of(), List.of(), List.of(), List.of(),
                origin, location, sha256, loadError);
    }

    /** Tells whether the definition was read; an unloadable file has a load error and no queries. */
    public boolean loaded() {
        return loadError.isEmpty();
    }

    /** Says which file could not be loaded and why, in one line. */
    public String loadProblem() {
        return location + ": " + loadError;
    }

    /** Builds a one-query hunt from a bare query, as for {@code .esql} and {@code .sql} files or the query command. */
    public static HuntDefinition ofQuery(String id, String name, QueryLanguage language, String text,
            HuntOrigin origin, String location, String sha256) {
        return new HuntDefinition(id, name, "", "", "", List.of(), List.of(new HuntQuery(1, language, text)),
                List.of(), List.of(), List.of(), origin, location, sha256, "");
    }

    /** Builds the one-query hunt of the query command from ES|QL or DuckDB SQL text. */
    public static HuntDefinition adHoc(QueryLanguage language, String text) {
        return ofQuery("query", "Ad-hoc " + language.label() + " query", language, text, HuntOrigin.AD_HOC, "",
                Sha256.hex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Tells whether a technique filter such as {@code T1555} matches one of the hunt's techniques. */
    public boolean matchesTechnique(String technique) {
        String t = technique.trim().toUpperCase(java.util.Locale.ROOT);
        return mitre.stream().anyMatch(m -> {
            String u = m.toUpperCase(java.util.Locale.ROOT);
            return u.equals(t) || u.startsWith(t + ".");
        });
    }
}
