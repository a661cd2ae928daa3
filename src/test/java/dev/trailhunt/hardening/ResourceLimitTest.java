package dev.trailhunt.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.cli.Cli;
import dev.trailhunt.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Class 2: a hunt cannot exhaust memory or time. Results are capped inside DuckDB, queries over
 * {@code --timeout} are interrupted, DuckDB memory is bounded by {@code --memory-limit} (spilling to
 * a private folder first), and a query over a limit fails alone with exit 4 and names the limit.
 *
 * <p>Limits are small ({@code 64MB}, {@code 2s}) so that the cases are fast; the only time checks
 * are generous sanity bounds against a hang.
 */
class ResourceLimitTest {
    @RegisterExtension static final HardeningTally TALLY = new HardeningTally(2);

    /** Bounds any one case: far above what a working limit needs, far below a hang. */
    private static final Duration SANITY = Duration.ofSeconds(120);
    private static final String SMALL_MEMORY = "64MB";
    private static final String ONE_TO_999 = IntStream.range(0, 1000).mapToObj(Integer::toString).collect(Collectors.joining(", ", "[", "]"));

    @TempDir static Path dir;
    private static Path db;

    @BeforeAll
    static void store() throws Exception {
        db = TrailStore.create(dir, new TrailRecords(22).next(20));
    }

    private static Cli bounded(Supplier<Cli> run) {
        return assertTimeoutPreemptively(SANITY, run::get);
    }

    private static Cli sql(String sql, String... options) {
        List<String> args = Stream.concat(Stream.of("query", "--db", db.toString(), "--format", "csv", "--sql", sql), Stream.of(options)).toList();
        return bounded(() -> Cli.run(args.toArray(String[]::new)));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 9_999, 10_000, 10_001, 1_000_000_000L, 1_000_000_000_000L, Long.MAX_VALUE / 2})
    void theRowCapIsAppliedInsideTheQuery(long n) {
        // With 64MB DuckDB could not materialise range(1e9) (8 GB), so an answer proves the LIMIT ran inside.
        Cli run = sql("select * from range(" + n + ")", "--memory-limit", SMALL_MEMORY, "--timeout", "30s");
        TrailStore.assertNoCrash(run);
        assertEquals(0, run.code(), run.err());
        long rows = run.out().lines().count() - 1;
        assertEquals(Math.min(n, 10_000), rows);
        assertEquals(n > 10_000, run.err().contains("note: the SQL has more rows than the 10,000 a hunt returns"), run.err());
        TALLY.held();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "select * from range(1000000000) -- a comment swallowing what follows",
        "select * from range(1000000000) /* an open comment",
        "select * from range(1000000000) limit 2000000000",
        "from range(1000000000)",
        "with t as (select * from range(1000000000)) select * from t",
        "select * from range(600000000) union all select * from range(600000000)",
        "select * from (select * from range(1000000000)) as trailhunt_hunt(c1)",
        "select range as c1, range as c1 from range(1000000000)",
        "select * from range(1000000000);;",
        "values (1), (2), (3)",
        "with recursive t(n) as (select 1 union all select n from t) select * from t",
        "select 1); select * from range(1000000000",
        "select * from range(10) ) x, (select * from range(1000000000)",
        "select * from range(1000000000) ) as trailhunt_hunt(c1) limit 2000000000 --",
    })
    void theCapCannotBeTalkedAround(String text) {
        Cli run = sql(text, "--memory-limit", SMALL_MEMORY, "--timeout", "30s");
        TrailStore.assertNoCrash(run);
        if (run.code() == 0) {
            assertTrue(run.out().lines().count() - 1 <= 10_000, text);
        } else {
            TrailStore.assertHuntError(run, "query: ");
            assertFalse(run.err().contains("limit: "), "refused as SQL, not by a limit: " + run.err());
        }
        TALLY.held();
    }

    @Test
    void theCapKeepsTheQuerysOrder() {
        Cli run = sql("select range as n from range(200000) order by n desc");
        assertEquals(0, run.code(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(List.of("n", "199999", "199998"), lines.subList(0, 3));
        assertEquals("190000", lines.get(lines.size() - 1));
        TALLY.held();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "with recursive t(n) as (select 1 union all select n + 1 from t) select count(*) from t",
        "with recursive t(n) as (select 1 union select n + 1 from t) select max(n) from t",
        "select count(*) from range(100000000) a, range(100000000) b",
        "select sum(hash(a.range * b.range)) from range(300000) a, range(300000) b",
        "select count(*) from range(10000000000) where md5(range::varchar) = 'x'",
    })
    void aQueryOverTheTimeoutIsInterruptedAndNamesTheLimit(String text) {
        Cli run = sql(text, "--timeout", "2s");
        TrailStore.assertHuntError(run, "query: limit: query exceeded the 2s timeout (--timeout)");
        assertEquals("", run.out());
        TALLY.held();
    }

    @Test
    void esqlOverTheTimeoutIsInterruptedToo() {
        String esql = "from logs-* | eval a = " + ONE_TO_999 + " | mv_expand a | eval b = " + ONE_TO_999
                + " | mv_expand b | eval c = " + ONE_TO_999 + " | mv_expand c | stats n = count(*)";
        for (String timeout : new String[] {"2s", "1500ms", "PT1S"}) {
            Cli run = bounded(() -> Cli.run("query", "--db", db.toString(), "--timeout", timeout, "--esql", esql));
            TrailStore.assertHuntError(run, "limit: query exceeded the ");
            assertTrue(run.err().contains(" timeout (--timeout)"), run.err());
            TALLY.held();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "select string_agg(md5(range::varchar)) from range(20000000)",
        "select list(range) from range(100000000)",
        "select array_agg(repeat('x', 100)) from range(5000000)",
    })
    void aQueryOverTheMemoryLimitFailsCleanly(String text) {
        Cli run = sql(text, "--memory-limit", SMALL_MEMORY, "--timeout", "60s");
        TrailStore.assertHuntError(run, "query: limit: query exceeded the ");
        assertTrue(run.err().contains("64MB memory limit (--memory-limit): ") || run.err().contains("spill space of 256MB (4 × --memory-limit): "),
                run.err());
        TALLY.held();
    }

    @Test
    void esqlMvExpandBlowUpIsBoundedByTheMemoryLimit() {
        String esql = "from logs-* | eval a = " + ONE_TO_999 + " | mv_expand a | eval b = " + ONE_TO_999
                + " | mv_expand b | stats v = values(event.original)";
        Cli run = bounded(() -> Cli.run("query", "--db", db.toString(), "--memory-limit", SMALL_MEMORY, "--timeout", "60s", "--esql", esql));
        TrailStore.assertHuntError(run, "query: limit: query exceeded the ");
        TALLY.held();
    }

    @Test
    void aQueryBiggerThanMemorySpillsAndAnswers() throws Exception {
        long pid = ProcessHandle.current().pid();
        Cli run = sql("select count(distinct md5(range::varchar)) as n from range(3000000)", "--memory-limit", SMALL_MEMORY);
        assertEquals(0, run.code(), run.err());
        assertEquals(List.of("n", "3000000"), run.out().lines().toList());
        try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertEquals(List.of(), tmp.filter(p -> p.getFileName().toString().startsWith("trailhunt-spill-" + pid + "-")).toList(),
                    "the spill folder is gone after the run");
        }
        Cli tooBig = sql("select count(distinct md5(range::varchar)) as n from range(3000000)", "--memory-limit", "16MB");
        TrailStore.assertHuntError(tooBig, "query: limit: query exceeded the spill space of 64MB (4 × --memory-limit): ");
        TALLY.held();
    }

    @Test
    void theOtherHuntsOfAPackStillRun() throws Exception {
        Path pack = Files.createDirectories(dir.resolve("pack"));
        Files.writeString(pack.resolve("a_forever.sql"), TrailStore.FOREVER);
        Files.writeString(pack.resolve("b_fine.esql"), "from logs-* | stats events = count(*) | eval tag = \"b-fine-ran\"");
        Files.writeString(pack.resolve("c_huge.sql"), "select string_agg(md5(range::varchar)) from range(20000000)");
        Files.writeString(pack.resolve("d_fine.sql"), "select 'd-fine-ran' as tag");
        for (String[] command : new String[][] {
            {"hunt", "--db", db.toString(), "--timeout", "2s", "--memory-limit", SMALL_MEMORY,
                pack.resolve("a_forever.sql").toString(), pack.resolve("b_fine.esql").toString(),
                pack.resolve("c_huge.sql").toString(), pack.resolve("d_fine.sql").toString()},
            {"report", "--db", db.toString(), "--timeout", "2s", "--memory-limit", SMALL_MEMORY, "-o", dir.resolve("pack.md").toString(),
                pack.resolve("a_forever.sql").toString(), pack.resolve("b_fine.esql").toString(),
                pack.resolve("c_huge.sql").toString(), pack.resolve("d_fine.sql").toString()},
        }) {
            Cli run = bounded(() -> Cli.run(command));
            TrailStore.assertNoCrash(run);
            assertEquals(4, run.code(), run.err());
            assertTrue(run.errLines().contains("a_forever: limit: query exceeded the 2s timeout (--timeout)"), run.err());
            assertTrue(run.errLines().stream().anyMatch(l -> l.startsWith("c_huge: limit: query exceeded the 64MB memory limit (--memory-limit)")), run.err());
            assertTrue(run.err().contains("from 4 queries (2 failed)"), run.err());
            String answer = command[0].equals("hunt") ? run.out() : Files.readString(dir.resolve("pack.md"));
            assertTrue(answer.contains("b-fine-ran") && answer.contains("d-fine-ran"), answer);
            TALLY.held();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--timeout=abc", "--timeout=-1s", "--timeout=5", "--timeout=1y", "--timeout=99999999999999999999h",
        "--timeout=", "--timeout=PT-5S", "--memory-limit=1KB", "--memory-limit=lots", "--memory-limit=-1GB", "--memory-limit=1e30GB",
        "--memory-limit=4MiB", "--memory-limit=", "--memory-limit=99999999999999999999999TB"})
    void aBadLimitIsAUsageError(String option) {
        TrailStore.assertUsageError(Cli.run("query", "--db", db.toString(), option, "--sql", "select 1"), "invalid value for option");
        TALLY.held();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--timeout=0", "--timeout=PT1M", "--timeout=1m30s", "--timeout=500ms", "--timeout=2h",
        "--memory-limit=2GiB", "--memory-limit=128MB", "--memory-limit=8MiB", "--memory-limit=1.5GB"})
    void aGoodLimitRuns(String option) {
        Cli run = Cli.run("query", "--db", db.toString(), option, "--format", "csv", "--sql", "select 1 as one");
        assertEquals(0, run.code(), run.err());
        assertEquals(List.of("one", "1"), run.out().lines().toList());
        TALLY.held();
    }

    @Test
    void aRunawayHuntReleasesTheStoreForIngest() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("more"));
        Files.writeString(logs.resolve("more.json"), TrailRecords.recordsFile(new TrailRecords(23).next(5)));
        Path hunt = Files.writeString(dir.resolve("forever.sql"), TrailStore.FOREVER);
        // A copy, so that the events this case adds do not change the store the other cases count.
        Path copy = Files.copy(db, dir.resolve("copy.duckdb"));
        try (ChildJvm child = ChildJvm.start(dir, Main.class, "hunt", "--db", copy.toString(), "--timeout", "3s", hunt.toString())) {
            int code = child.waitFor(SANITY.toSeconds());
            assertEquals(4, code, child.stderr());
            assertTrue(child.stderr().contains("forever: limit: query exceeded the 3s timeout (--timeout)"), child.stderr());
        }
        Cli ingest = Cli.run("ingest", "--db", copy.toString(), logs.toString());
        assertEquals(0, ingest.code(), ingest.err());
        assertNotNull(ingest.out());
        TALLY.held();
    }
}
