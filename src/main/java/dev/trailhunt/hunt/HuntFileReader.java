package dev.trailhunt.hunt;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.trailhunt.model.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads hunt definitions from TOML (Elastic's {@code [hunt]} schema), ES|QL and SQL file bytes. */
final class HuntFileReader {
    private static final TomlMapper TOML = new TomlMapper();

    private HuntFileReader() {}

    /** Reads one TOML hunt; {@code location} names the file in messages and reports. */
    static HuntDefinition readToml(String id, byte[] bytes, HuntOrigin origin, String location) {
        JsonNode root;
        try {
            root = TOML.readTree(bytes);
        } catch (JacksonException e) {
            throw new HuntFileException(location, "not valid TOML" + where(e) + ": " + firstLine(e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            throw new HuntFileException(location, "cannot read: " + e.getMessage());
        }
        JsonNode hunt = root == null ? null : root.get("hunt");
        if (hunt == null || !hunt.isObject()) {
            throw new HuntFileException(location, "no [hunt] table (expected Elastic's hunting schema)");
        }
        List<String> texts = strings(hunt, "query", location);
        if (texts.isEmpty()) {
            throw new HuntFileException(location, "[hunt] has no query");
        }
        List<HuntQuery> queries = new ArrayList<>();
        for (String text : texts) {
            queries.add(new HuntQuery(queries.size() + 1, QueryLanguage.classify(text), text));
        }
        String name = text(hunt, "name");
        return new HuntDefinition(
                id,
                name.isEmpty() ? id : name,
                text(hunt, "uuid"),
                text(hunt, "author"),
                text(hunt, "description").strip(),
                strings(hunt, "integration", location),
                queries,
                strings(hunt, "notes", location),
                strings(hunt, "mitre", location),
                strings(hunt, "references", location),
                origin,
                location,
                Sha256.hex(bytes),
                "");
    }

    /** Wraps the text of an {@code .esql} or {@code .sql} file as a one-query hunt. */
    static HuntDefinition readQueryFile(String id, byte[] bytes, QueryLanguage language, HuntOrigin origin, String location) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw new HuntFileException(location, "the file is empty");
        }
        return HuntDefinition.ofQuery(id, id, language, text, origin, location, Sha256.hex(bytes));
    }

    /**
     * Returns the {@code elastic_uuid} of a built-in hunt's {@code [hunt]} table: the uuid of the Elastic
     * hunt it corresponds to, or empty when none.
     */
    static String elasticUuid(byte[] bytes) {
        try {
            JsonNode hunt = TOML.readTree(bytes).get("hunt");
            return hunt == null ? "" : text(hunt, "elastic_uuid");
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static String text(JsonNode hunt, String field) {
        JsonNode n = hunt.get(field);
        return n == null || n.isNull() ? "" : n.asText();
    }

    private static List<String> strings(JsonNode hunt, String field, String location) {
        JsonNode n = hunt.get(field);
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isTextual()) {
            out.add(n.asText());
            return out;
        }
        if (!n.isArray()) {
            throw new HuntFileException(location, "[hunt] " + field + " must be a string or a list of strings");
        }
        for (JsonNode e : n) {
            if (!e.isValueNode()) {
                throw new HuntFileException(location, "[hunt] " + field + " must hold strings only");
            }
            out.add(e.asText());
        }
        return out;
    }

    /** Says where a TOML syntax error is, as {@code  at 2:7} (line:column, from 1), when the parser knows. */
    private static String where(JacksonException e) {
        com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
        if (at == null || at.getLineNr() < 1) {
            return "";
        }
        return " at " + at.getLineNr() + (at.getColumnNr() > 0 ? ":" + at.getColumnNr() : "");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
