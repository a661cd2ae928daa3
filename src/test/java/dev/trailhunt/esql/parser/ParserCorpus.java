package dev.trailhunt.esql.parser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the ES|QL queries of the reference corpus in ../shared: Elastic's hunts and Elasticsearch's csv-spec tests.
 */
final class ParserCorpus {

    /** Identifies one query of the corpus, its text and, for a csv-spec test, its expected-results header line. */
    record CorpusQuery(String file, String name, String text, String header) {
    }

    private ParserCorpus() {
    }

    /** Locates ../shared from the {@code trailhunt.shared} system property, if present on this machine. */
    static Optional<Path> shared() {
        String property = System.getProperty("trailhunt.shared", "../shared");
        Path dir = Path.of(property);
        return Files.isDirectory(dir.resolve("corpus")) ? Optional.of(dir) : Optional.empty();
    }

    /** Reads every query string of every hunt TOML below a folder, in path order. */
    static List<CorpusQuery> huntQueries(Path huntingDir) {
        TomlMapper mapper = new TomlMapper();
        List<CorpusQuery> queries = new ArrayList<>();
        for (Path file : filesEndingWith(huntingDir, ".toml")) {
            JsonNode hunt;
            try {
                hunt = mapper.readTree(file.toFile()).path("hunt");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String relative = huntingDir.relativize(file).toString().replace('\\', '/');
            int index = 0;
            for (JsonNode query : hunt.path("query")) {
                queries.add(new CorpusQuery(relative, "#" + index++, query.asText(), null));
            }
        }
        return queries;
    }

    /** Tells whether a hunt query is osquery SQL rather than ES|QL (after an optional stray {@code sql} line). */
    static boolean isSql(String query) {
        String trimmed = query.strip();
        if (trimmed.toLowerCase(Locale.ROOT).startsWith("sql\n")) {
            trimmed = trimmed.substring(4).strip();
        }
        return trimmed.toLowerCase(Locale.ROOT).startsWith("select");
    }

    /**
     * Reads every test query of every csv-spec file in a folder the way Elasticsearch's SpecReader does: lines are
     * trimmed, whole-line comments skipped, the query runs from after the name and directives to the first line
     * ending in ';', lines are joined with CRLF and {@code \;} stands for a literal ';'.
     */
    static List<CorpusQuery> specQueries(Path specDir) {
        List<CorpusQuery> queries = new ArrayList<>();
        for (Path file : filesEndingWith(specDir, ".csv-spec")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String name = null;
            StringBuilder query = null;
            boolean inResults = false;
            String pendingQuery = null;
            for (String raw : lines) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("//") || line.startsWith("#")) {
                    continue;
                }
                if (inResults) {
                    if (line.startsWith(";")) {
                        if (pendingQuery != null) {
                            queries.add(new CorpusQuery(file.getFileName().toString(), name, pendingQuery, null));
                        }
                        inResults = false;
                        name = null;
                        pendingQuery = null;
                    } else if (pendingQuery != null && !isResultDirective(line)) {
                        queries.add(new CorpusQuery(file.getFileName().toString(), name, pendingQuery, line));
                        pendingQuery = null;
                    }
                    continue;
                }
                if (name == null) {
                    name = line;
                    query = new StringBuilder();
                    continue;
                }
                if (query.length() == 0 && isDirective(line)) {
                    continue;
                }
                if (line.endsWith(";") && !line.endsWith("\\;")) {
                    query.append(line, 0, line.length() - 1);
                    pendingQuery = query.toString();
                    inResults = true;
                } else {
                    String part = line.endsWith("\\;") ? line.substring(0, line.length() - 2) + ";" : line;
                    query.append(part).append("\r\n");
                }
            }
        }
        return queries;
    }

    private static boolean isDirective(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        return Stream.of("required_capability", "required_feature", "missing_capability", "pragma:",
                        "request_stored", "request_time_filter", "skip_flattened_rewrite", "dataset:", "schema::")
                .anyMatch(lower::startsWith);
    }

    private static boolean isResultDirective(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        return Stream.of("warning:", "warningregex:", "ignoreorder:", "documents_found", "values_loaded")
                .anyMatch(lower::startsWith);
    }

    private static List<Path> filesEndingWith(Path dir, String suffix) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
