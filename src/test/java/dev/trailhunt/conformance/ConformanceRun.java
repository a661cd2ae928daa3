package dev.trailhunt.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Runs every case of every {@code *.csv-spec} in a folder once per JVM and keeps the outcomes, so
 * the conformance report and the floor check share one run.
 *
 * @param specDir the folder that was run
 * @param files the per-file results, sorted by file name
 */
record ConformanceRun(Path specDir, Map<String, List<CaseResult>> files) {
    private static final Map<Path, ConformanceRun> RUNS = new ConcurrentHashMap<>();

    ConformanceRun {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** Returns the run for {@code specDir}, running it on first use. */
    static ConformanceRun of(Path specDir) {
        return RUNS.computeIfAbsent(specDir.toAbsolutePath().normalize(), ConformanceRun::execute);
    }

    private static ConformanceRun execute(Path specDir) {
        try {
            SpecDatasets datasets = SpecDatasets.read(specDir.resolve("data"));
            Map<String, List<CaseResult>> files = new LinkedHashMap<>();
            try (SpecCaseRunner runner = new SpecCaseRunner(datasets, Instant.now());
                 Stream<Path> listing = Files.list(specDir)) {
                for (Path spec : listing.filter(p -> p.getFileName().toString().endsWith(".csv-spec")).sorted().toList()) {
                    SpecFile file = SpecFile.read(spec);
                    List<CaseResult> results = new ArrayList<>();
                    for (SpecCase c : file.cases()) {
                        results.add(runner.run(c));
                    }
                    files.put(file.name(), results);
                }
            }
            return new ConformanceRun(specDir, files);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run the csv-spec folder " + specDir + ": " + e.getMessage(), e);
        }
    }

    /** Returns the counted cases (all but disabled ones) of one file or, with null, of all files. */
    Tally tally(String fileName) {
        Tally t = new Tally();
        files.forEach((name, results) -> {
            if (fileName == null || fileName.equals(name)) {
                results.forEach(t::add);
            }
        });
        return t;
    }

    /** Returns the summary lines: one per file, prefixed with its name, then the total. */
    List<String> summaryLines() {
        List<String> lines = new ArrayList<>();
        for (String name : files.keySet()) {
            lines.add(name + " " + tally(name).line());
        }
        lines.add(tally(null).line());
        return lines;
    }

    /** Writes the per-case report: summary, categories with examples, then every case with its reason. */
    void writeReport(Path report) throws IOException {
        List<String> out = new ArrayList<>();
        out.add("esql-spec conformance report for " + specDir);
        out.add("");
        out.addAll(summaryLines());
        long disabled = files.values().stream().flatMap(List::stream).filter(r -> r.outcome() == CaseResult.Outcome.DISABLED).count();
        out.add("(not counted: " + disabled + " cases the specs switch off with -Ignore or a skip range)");
        out.add("");
        for (CaseResult.Outcome outcome : List.of(CaseResult.Outcome.FAILED, CaseResult.Outcome.UNSUPPORTED)) {
            out.add("== " + outcome.name().toLowerCase(Locale.ROOT) + " by category");
            for (Map.Entry<String, List<CaseResult>> e : categories(outcome)) {
                List<CaseResult> cases = e.getValue();
                String examples = cases.stream().limit(3).map(r -> r.specCase().id()).reduce((a, b) -> a + ", " + b).orElse("");
                out.add(String.format(Locale.ROOT, "%5d  %s  (e.g. %s)", cases.size(), e.getKey(), examples));
            }
            out.add("");
        }
        out.add("== cases");
        for (List<CaseResult> results : files.values()) {
            for (CaseResult r : results) {
                out.add(r.specCase().id() + "\t" + r.outcome().name().toLowerCase(Locale.ROOT)
                        + (r.reason().isEmpty() ? "" : "\t" + r.reason()));
                if (r.outcome() == CaseResult.Outcome.FAILED) {
                    out.add("    query: " + r.specCase().query().replace("\r\n", " ⏎ "));
                    if (!r.sql().isEmpty()) {
                        out.add("    sql:   " + r.sql().replace("\n", " "));
                    }
                }
            }
        }
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.write(report, out, StandardCharsets.UTF_8);
    }

    /** Groups the cases of one outcome by category, the largest group first (ties by name). */
    List<Map.Entry<String, List<CaseResult>>> categories(CaseResult.Outcome outcome) {
        Map<String, List<CaseResult>> groups = new TreeMap<>();
        files.values().forEach(results -> results.stream()
                .filter(r -> r.outcome() == outcome)
                .forEach(r -> groups.computeIfAbsent(r.category(), k -> new ArrayList<>()).add(r)));
        List<Map.Entry<String, List<CaseResult>>> sorted = new ArrayList<>(groups.entrySet());
        sorted.sort(Comparator.comparing((Map.Entry<String, List<CaseResult>> e) -> -e.getValue().size())
                .thenComparing(Map.Entry::getKey));
        return sorted;
    }

    /** Counts outcomes; disabled cases are not counted. */
    static final class Tally {
        private int passed;
        private int failed;
        private int unsupported;

        void add(CaseResult r) {
            switch (r.outcome()) {
                case PASSED -> passed++;
                case FAILED -> failed++;
                case UNSUPPORTED -> unsupported++;
                case DISABLED -> { }
            }
        }

        int passed() {
            return passed;
        }

        int failed() {
            return failed;
        }

        int unsupported() {
            return unsupported;
        }

        int total() {
            return passed + failed + unsupported;
        }

        /** Returns {@code esql-spec: N passed, M failed, K unsupported}. */
        String line() {
            return String.format(Locale.ROOT, "esql-spec: %d passed, %d failed, %d unsupported", passed, failed, unsupported);
        }
    }
}
