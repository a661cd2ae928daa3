package dev.trailhunt.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trailhunt.engine.Store;
import dev.trailhunt.eql.Eql;
import dev.trailhunt.eql.EqlException;
import dev.trailhunt.kql.Kql;
import dev.trailhunt.kql.KqlException;
import dev.trailhunt.esql.parser.EsqlParser;
import dev.trailhunt.esql.parser.EsqlSyntaxException;
import dev.trailhunt.ingest.IngestOptions;
import dev.trailhunt.ingest.IngestProgress;
import dev.trailhunt.ingest.Ingester;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads every rule of ../shared/corpus/elastic-rules, runs them over the real CloudTrail corpus of ../shared,
 * and prints {@code elastic rules: parsed A/B, translated C/D, ran E/F}.
 */
class RulesCensusTest {
    private static final Pattern POSITIONED = Pattern.compile("^\\S+\\.toml:\\d+(:\\d+)?: .+", Pattern.DOTALL);

    @TempDir Path dir;

    static Path shared() {
        return Path.of(System.getProperty("trailhunt.shared", "../shared"));
    }

    @Test
    void everyRuleParsesTranslatesAndRunsOrSaysWhyNot() {
        Path corpus = shared().resolve("corpus");
        assumeTrue(Files.isDirectory(corpus.resolve("elastic-rules")), "../shared is absent");
        RuleSet set = RuleLoader.load(List.of(corpus.resolve("elastic-rules")));
        assertTrue(set.invalid().isEmpty(), "every shipped rule file is a valid rule: " + set.invalid());
        // MANIFEST.tsv lists one line per rule file plus its header.
        assertEquals(lines(corpus.resolve("elastic-rules/MANIFEST.tsv")) - 1, set.rules().size(), "one rule per MANIFEST line");

        Path db = dir.resolve("corpus.duckdb");
        new Ingester(IngestOptions.defaults()).ingest(db, List.of(corpus.resolve("cloudtrail")), IngestProgress.NONE);
        Detection d;
        try (Store store = Store.openForWriting(db)) {
            store.sandbox();
            Detector detector = new Detector(store, store.profile(), HistoryPolicy.WAIT);
            d = detector.run(set.rules(), null, null);
            detector.store(d);
            // Two connections, one thread each, take the rules in turn: every rule's outcome is the same as on one.
            Detection two;
            try (Store second = store.duplicate()) {
                two = detector.run(set.rules(), null, null, List.of(store, second));
            }
            assertEquals(d.runs().size(), two.runs().size());
            for (int i = 0; i < d.runs().size(); i++) {
                RuleRun a = d.runs().get(i);
                RuleRun b = two.runs().get(i);
                assertEquals(List.of(a.rule(), a.status(), a.reason(), a.alerts(), a.sql()), List.of(b.rule(), b.status(), b.reason(), b.alerts(), b.sql()),
                        a.rule().name());
            }
        }
        int withQuery = 0;
        int parsed = 0;
        int translated = 0;
        int ran = 0;
        Map<String, Integer> reasons = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (RuleRun run : d.runs()) {
            Rule r = run.rule();
            boolean hasQuery = r.type() != RuleType.MACHINE_LEARNING;
            withQuery += hasQuery ? 1 : 0;
            boolean parses = hasQuery && parses(r);
            parsed += parses ? 1 : 0;
            if (run.status() == RuleRun.Status.RAN || (run.status() == RuleRun.Status.FAILED && !run.sql().isEmpty())) {
                translated++;
            }
            if (run.status() == RuleRun.Status.RAN) {
                ran++;
            } else {
                assertFalse(run.reason().isBlank(), r.name() + " says why it did not run");
                reasons.merge(run.reason().replaceAll("^\\S+\\.toml:\\d+(:\\d+)?: ", "").lines().findFirst().orElse(""), 1, Integer::sum);
            }
            if (hasQuery && !parses) {
                // A query that does not parse is reported in the rule file, at its line (and column).
                assertTrue(POSITIONED.matcher(run.reason()).matches(), r.name() + " is positioned: " + run.reason());
            }
            if (run.status() == RuleRun.Status.RAN && r.query().matches("(?s).*source\\.(as|geo)\\..*")) {
                // The shared corpus has no GeoIP enrichment: a rule reading it runs and says so.
                assertTrue(run.reason().contains("no GeoIP enrichment"), r.name() + ": " + run.reason());
            }
            if (run.status() == RuleRun.Status.FAILED) {
                problems.add(run.reason());
            }
        }
        reasons.forEach((why, n) -> System.out.println("  not run or failed x" + n + ": " + why));
        System.out.println("elastic rules: parsed " + parsed + "/" + withQuery + ", translated " + translated + "/" + withQuery
                + ", ran " + ran + "/" + set.rules().size() + " (" + d.fired().size() + " fired, " + d.alerts() + " alerts over the shared CloudTrail corpus)");
        assertTrue(ran > 0, "some rules ran");
        problems.forEach(p -> System.out.println("  failed: " + p.lines().findFirst().orElse("")));
    }

    private static boolean parses(Rule r) {
        try {
            switch (r.type()) {
                case ESQL -> EsqlParser.parse(r.query());
                case EQL -> Eql.parse(r.query());
                default -> Kql.parse(r.query());
            }
            return true;
        } catch (EsqlSyntaxException | EqlException | KqlException e) {
            return false;
        }
    }

    private static long lines(Path p) {
        try {
            return Files.readAllLines(p).stream().filter(l -> !l.isBlank()).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
