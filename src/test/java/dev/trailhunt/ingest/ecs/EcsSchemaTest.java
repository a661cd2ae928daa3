package dev.trailhunt.ingest.ecs;

import dev.trailhunt.model.EcsColumn;
import dev.trailhunt.model.EcsSchema;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks the shape of the events table's ECS columns. */
class EcsSchemaTest {

    private static final Set<String> DUCKDB_TYPES = Set.of("VARCHAR", "BOOLEAN", "BIGINT", "DOUBLE", "TIMESTAMP",
            "VARCHAR[]");
    /** Field prefixes of the ECS and aws.cloudtrail names CloudTrail hunts use. */
    private static final Pattern FIELD = Pattern.compile(
            "(?<![\\w.@])((?:aws\\.cloudtrail|event|user|source|cloud|user_agent|related|data_stream|tls|group|host"
                    + "|service|error|file)\\.[a-z_.@]*[a-z_])(?![\\w*])");

    @Test
    void listsUniqueColumnsWithSupportedTypes() {
        List<EcsColumn> columns = EcsSchema.columns();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            EcsColumn c = columns.get(i);
            assertTrue(names.add(c.name()), "duplicate " + c.name());
            assertTrue(DUCKDB_TYPES.contains(c.duckdbType()), c.toString());
            assertEquals(c.multiValued(), c.duckdbType().endsWith("[]"), c.toString());
            assertEquals(i, EcsSchema.indexOf(c.name()));
        }
        assertEquals(0, EcsSchema.indexOf("@timestamp"));
        assertTrue(EcsSchema.indexOf("event.original") >= 0);
        assertEquals(-1, EcsSchema.indexOf("aws.cloudtrail.flattened.request_parameters"));
        assertThrows(UnsupportedOperationException.class, () -> columns.add(columns.get(0)));
    }

    @Test
    void holdsEveryFieldTheCloudTrailHuntsName() throws IOException {
        Path hunts = SharedCorpus.require("corpus/elastic-hunting/aws");
        Set<String> referenced = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(hunts)) {
            files = s.filter(p -> p.toString().endsWith(".toml")).sorted().toList();
        }
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            Matcher m = FIELD.matcher(withoutStringLiterals(queryOf(text)));
            while (m.find()) {
                referenced.add(m.group(1));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String field : referenced) {
            if (EcsSchema.indexOf(field) < 0) {
                missing.add(field);
            }
        }
        assertTrue(referenced.size() >= 20, "fields found: " + referenced);
        assertEquals(List.of(), missing, "hunt fields without a column");
    }

    /** Returns the TOML's {@code query = [...]} value: from its key up to the next top-level key. */
    private static String queryOf(String toml) {
        Matcher start = Pattern.compile("(?m)^query\\s*=").matcher(toml);
        assertTrue(start.find(), "hunt without query");
        Matcher next = Pattern.compile("(?m)^[a-z_]+\\s*=").matcher(toml);
        int end = next.find(start.end()) ? next.start() : toml.length();
        return toml.substring(start.end(), end);
    }

    /** Blanks "…" literals in ES|QL text so values such as "aws.cloudtrail" are not taken for fields. */
    private static String withoutStringLiterals(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean inString = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                inString = !inString;
                b.append(' ');
            } else {
                b.append(inString ? ' ' : c);
            }
        }
        return b.toString();
    }
}
