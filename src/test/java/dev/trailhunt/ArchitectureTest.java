package dev.trailhunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layers of the pipeline (cli → report → hunt → translate / ingest → esql / engine / generate, all
 * over the model leaf) honest by reading every main source file's imports and fully qualified names.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/dev/trailhunt");
    private static final int MAX_LINES = 600;

    /**
     * Lists, per package (relative to {@code dev.trailhunt}), the packages it may import; each
     * package-info.java says the same in its "may import" clause, which {@link #packageInfoStatesTheTable} checks.
     */
    private static final Map<String, Set<String>> MAY_IMPORT = Map.ofEntries(
            Map.entry("cli", Set.of("report", "hunt", "rules", "translate", "ingest", "ingest.ecs", "esql.parser", "esql.ast",
                    "engine", "generate", "geoip", "model")),
            Map.entry("report", Set.of("hunt", "rules", "engine", "model")),
            Map.entry("rules", Set.of("translate", "engine", "esql.parser", "esql.ast", "kql", "eql", "eql.ast",
                    "ingest", "model")),
            Map.entry("hunt", Set.of("translate", "ingest", "esql.parser", "esql.ast", "engine", "model")),
            Map.entry("translate", Set.of("esql.ast", "model")),
            Map.entry("ingest", Set.of("ingest.ecs", "geoip", "engine", "model")),
            Map.entry("geoip", Set.of("model")),
            Map.entry("ingest.ecs", Set.of("model")),
            Map.entry("esql.parser", Set.of("esql.ast", "model")),
            Map.entry("esql.ast", Set.of("model")),
            Map.entry("eql", Set.of("eql.ast", "esql.ast", "model")),
            Map.entry("eql.ast", Set.of("model")),
            Map.entry("kql", Set.of("esql.ast", "model")),
            Map.entry("engine", Set.of("model")),
            Map.entry("generate", Set.of("model")),
            Map.entry("model", Set.of()));

    /** Names, per third-party package prefix, the only packages that may import it. */
    private static final Map<String, Set<String>> LIBRARY_OWNERS = Map.of(
            "java.sql.", Set.of("engine"),
            "javax.sql.", Set.of("engine"),
            "org.duckdb.", Set.of("engine"),
            "org.apache.arrow.", Set.of("engine"),
            "org.jooq.", Set.of("translate", "engine"),
            "picocli.", Set.of("cli"),
            "com.maxmind.", Set.of("geoip"),
            "org.jline.", Set.of("cli"),
            "software.amazon.awssdk.", Set.of("engine"));

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)\\s*;");
    /** Matches a reference to a trailhunt type: the package (lower-case segments) before the first upper-case one. */
    private static final Pattern TRAILHUNT_NAME = Pattern.compile("\\bdev\\.trailhunt\\.((?:[a-z][a-z0-9_]*\\.)*[a-z][a-z0-9_]*)\\.[A-Z]");
    private static final Pattern MAY_IMPORT_CLAUSE = Pattern.compile(
            "may import ([a-z]+(?:\\.[a-z]+)*(?:, [a-z]+(?:\\.[a-z]+)*)*(?:,? and [a-z]+(?:\\.[a-z]+)*)?)\\.");

    @Test
    void everyPackageImportsOnlyWhatItsRowAllows() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : mainSources()) {
            String from = packageOf(file);
            Set<String> allowed = MAY_IMPORT.get(from);
            if (allowed == null) {
                violations.add(file + ": package " + from + " has no row in ArchitectureTest.MAY_IMPORT");
                continue;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("package ")) {
                    continue;
                }
                String where = file + ":" + (i + 1) + ": ";
                Matcher imp = IMPORT.matcher(line);
                if (imp.find()) {
                    String name = imp.group(1);
                    LIBRARY_OWNERS.forEach((prefix, owners) -> {
                        if (name.startsWith(prefix) && !owners.contains(from)) {
                            violations.add(where + from + " imports " + name + ", but only " + new TreeSet<>(owners) + " may use " + prefix + "*");
                        }
                    });
                }
                // Imports and fully qualified names in code or Javadoc links are both dependencies.
                Matcher ref = TRAILHUNT_NAME.matcher(line);
                while (ref.find()) {
                    String to = ref.group(1);
                    if (!to.equals(from) && !allowed.contains(to)) {
                        violations.add(where + from + " may not import " + to + " (allowed: " + new TreeSet<>(allowed) + ")");
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), "layer violations:\n" + String.join("\n", violations));
    }

    @Test
    void packageInfoStatesTheTable() throws IOException {
        Set<String> packages = new TreeSet<>();
        for (Path file : mainSources()) {
            packages.add(packageOf(file));
        }
        assertEquals(new TreeSet<>(MAY_IMPORT.keySet()), packages, "MAY_IMPORT has one row per main package");
        List<String> problems = new ArrayList<>();
        for (String p : packages) {
            Path info = MAIN.resolve(p.replace('.', '/')).resolve("package-info.java");
            if (!Files.exists(info)) {
                problems.add(p + ": no package-info.java");
                continue;
            }
            String text = String.join(" ", Files.readAllLines(info, StandardCharsets.UTF_8));
            Set<String> stated = new TreeSet<>();
            Matcher m = MAY_IMPORT_CLAUSE.matcher(text);
            if (m.find()) {
                for (String name : m.group(1).split(",? and |, ")) {
                    stated.add(name);
                }
            } else if (!text.contains("imports nothing of trailhunt")) {
                problems.add(p + ": package-info says neither \"may import …\" nor \"imports nothing of trailhunt\"");
                continue;
            }
            if (!stated.equals(new TreeSet<>(MAY_IMPORT.get(p)))) {
                problems.add(p + ": package-info allows " + stated + ", the table " + new TreeSet<>(MAY_IMPORT.get(p)));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void nothingImportsCliAndTheModelImportsNothing() {
        MAY_IMPORT.forEach((p, allowed) -> assertFalse(allowed.contains("cli"), p + " may not import cli"));
        assertTrue(MAY_IMPORT.get("model").isEmpty());
        MAY_IMPORT.forEach((p, allowed) -> assertTrue(p.equals("model") || allowed.contains("model"), p + " may import the model leaf"));
    }

    @Test
    void noMainSourceFileIsOver600Lines() throws IOException {
        List<String> big = new ArrayList<>();
        for (Path file : mainSources()) {
            int lines = Files.readAllLines(file, StandardCharsets.UTF_8).size();
            if (lines > MAX_LINES) {
                big.add(file + ": " + lines + " lines");
            }
        }
        assertTrue(big.isEmpty(), "files over " + MAX_LINES + " lines hold more than one idea; split them:\n" + String.join("\n", big));
    }

    private static List<Path> mainSources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            assertTrue(files.size() > 100, "main sources found under " + MAIN.toAbsolutePath());
            return files;
        }
    }

    /** Returns a source file's package relative to {@code dev.trailhunt}, from its folder. */
    private static String packageOf(Path file) {
        return MAIN.relativize(file.getParent()).toString().replace(file.getFileSystem().getSeparator(), ".");
    }
}
