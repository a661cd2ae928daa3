package dev.trailhunt.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.cli.Cli;
import dev.trailhunt.cli.Main;
import dev.trailhunt.engine.TemporaryDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Class 5: small leaks. SQL hunts cannot read DuckDB's settings (which hold local paths), the
 * store's path, the environment or files in temporary folders; the temporary store of {@code --data}
 * and DuckDB's spill folder go away on exit, on Ctrl-C or SIGTERM, and after a crash on the next start.
 */
class LeakTest {
    @RegisterExtension static final HardeningTally TALLY = new HardeningTally(5);

    private static final String SECRET = "secret-canary-7f3a";
    private static final String FOREVER = TrailStore.FOREVER;

    @TempDir static Path dir;
    private static Path db;
    private static Path dbTmp;

    @BeforeAll
    static void store() throws Exception {
        db = TrailStore.create(dir, new TrailRecords(55).next(10));
        // DuckDB's default temporary folder for this store, which the sandbox used to leave readable.
        dbTmp = Files.createDirectories(Path.of(db + ".tmp"));
        Files.writeString(dbTmp.resolve("spill.csv"), "a\n" + SECRET + "\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "select current_setting('temp_directory')",
        "select current_setting('secret_directory')",
        "SELECT CURRENT_SETTING('home_directory')",
        "select \"current_setting\"('extension_directory')",
        "select main.current_setting('temp_directory')",
        "select * from duckdb_settings()",
        "select value from duckdb_settings() where name = 'temp_directory'",
        "from duckdb_settings()",
        "select * from system.main.duckdb_settings()",
        "select * from pg_catalog.pg_settings",
        "select * from pg_settings",
        "select * from pragma_database_list",
        "select path from duckdb_databases()",
        "select path from duckdb_databases",
        "select * from pg_database",
        "select * from duckdb_temporary_files()",
        "select * from query('select current_setting(''temp_directory'')')",
        "select * from query_table('duckdb_settings')",
        "select getenv('HOME')",
        "select (select current_setting('temp_directory'))",
        "with s as (select current_setting('temp_directory') as t) select * from s",
        "select list_transform([1], lambda x: current_setting('temp_directory'))",
        "select 1 union all select length(current_setting('temp_directory'))",
        "select * from range(1) where current_setting('temp_directory') like '/%'",
        "select * from duckdb_profiling_settings()",
        "select * from duckdb_logs",
        "select * from duckdb_extensions()",
        "select * from duckdb_secrets()",
        "select * from which_secret('s3://bucket/x', 's3')",
        "select * from json_execute_serialized_sql(json_serialize_sql('select 1'))",
        "select *\n  from\n    duckdb_settings()",
    })
    void settingsAndPathsAreHiddenFromSqlHunts(String sql) throws Exception {
        Path file = Files.writeString(dir.resolve("leak.sql"), sql);
        for (Cli run : List.of(Cli.run("query", "--db", db.toString(), "--sql", sql), Cli.run("hunt", "--db", db.toString(), file.toString()))) {
            TrailStore.assertHuntError(run, " is not available to hunts: ");
            assertTrue(run.errLines().stream().anyMatch(l -> l.matches(".*: \\d+:\\d+: [a-z_]+ is not available to hunts: .*")), "positioned: " + run.err());
            assertEquals("", run.out());
            assertNoLocalPath(run);
            TALLY.held();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"row x = current_setting(\"temp_directory\")", "from logs-* | eval d = getenv(\"HOME\") | keep d",
        "from duckdb_settings", "from pragma_database_list"})
    void esqlCannotNameThemEither(String esql) {
        Cli run = Cli.run("query", "--db", db.toString(), "--esql", esql);
        TrailStore.assertNoCrash(run);
        assertEquals(4, run.code(), run.err());
        assertNoLocalPath(run);
        TALLY.held();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "select * from read_csv('TMP/spill.csv')",
        "select * from read_text('TMP/spill.csv')",
        "select * from 'TMP/spill.csv'",
        "from 'TMP/*.csv'",
        "select * from glob('TMP/*')",
        "select * from read_csv('SYS/trailhunt-spill-*/*')",
        "from 'SYS/trailhunt-spill-*/*'",
        "from 'SYS/trailhunt-data-*/trailhunt.duckdb'",
        "select * from sniff_csv('TMP/spill.csv')",
    })
    void temporaryFoldersAreOutOfReach(String template) {
        String sql = template.replace("TMP", dbTmp.toString()).replace("SYS", System.getProperty("java.io.tmpdir"));
        Cli run = Cli.run("query", "--db", db.toString(), "--sql", sql);
        TrailStore.assertNoCrash(run);
        assertEquals(4, run.code(), run.err());
        assertFalse(run.out().contains(SECRET) || run.err().contains(SECRET), run.out() + run.err());
        TALLY.held();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "select count(*) > 0 as ok from duckdb_columns() where table_name = 'events'",
        "select count(*) > 0 as ok from information_schema.columns where table_name = 'events'",
        "select count(*) > 0 as ok from pragma_table_info('events')",
        "select count(*) = 3 as ok from range(3)",
        "select count(*) = 3 as ok from generate_series(1, 3)",
        "select count(*) = 2 as ok from (select unnest([1, 2]))",
        "select version() like 'v%' as ok",
        "select count(*) = 10 as ok from events",
    })
    void ordinaryIntrospectionStillWorks(String sql) {
        Cli run = Cli.run("query", "--db", db.toString(), "--format", "csv", "--sql", sql);
        assertEquals(0, run.code(), run.err());
        assertEquals(List.of("ok", "true"), run.out().lines().toList());
        TALLY.held();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT", "HUP"})
    void aSignalDuringDataRemovesTheTemporaryStore(String signal) throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp-" + signal));
        Path hunt = Files.writeString(dir.resolve("forever-" + signal + ".sql"), FOREVER);
        try (ChildJvm child = ChildJvm.start(dir, Map.of(), List.of("-Djava.io.tmpdir=" + tmp), Main.class,
                "hunt", "--data", dir.resolve("logs").toString(), "--timeout", "5m", hunt.toString())) {
            awaitStderr(child, "into a temporary store");
            awaitFolders(tmp);
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).start();
            assertTrue(kill.waitFor(30, TimeUnit.SECONDS) && kill.exitValue() == 0);
            child.waitFor(60);
        }
        assertEquals(List.of(), ours(tmp), "nothing of the run is left in " + tmp);
        TALLY.held();
    }

    @Test
    void aCrashLeavesFoldersThatTheNextStartRemoves() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp-kill"));
        Path hunt = Files.writeString(dir.resolve("forever-kill.sql"), FOREVER);
        try (ChildJvm child = ChildJvm.start(dir, Map.of(), List.of("-Djava.io.tmpdir=" + tmp), Main.class,
                "hunt", "--data", dir.resolve("logs").toString(), "--timeout", "5m", hunt.toString())) {
            awaitStderr(child, "into a temporary store");
            awaitFolders(tmp);
            child.kill();
        }
        assertEquals(2, ours(tmp).size(), "SIGKILL runs no clean-up: " + ours(tmp));
        try (ChildJvm next = ChildJvm.start(dir, Map.of(), List.of("-Djava.io.tmpdir=" + tmp), Main.class,
                "query", "--db", db.toString(), "--sql", "select 1")) {
            assertEquals(0, next.waitFor(120), next.stderr());
        }
        assertEquals(List.of(), ours(tmp), "the next run removed what the dead one left");
        TALLY.held();
    }

    @Test
    void onlyFoldersOfGoneProcessesAreStale() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp-stale"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(30, TimeUnit.SECONDS);
        long dead = gone.pid();
        Process alive = new ProcessBuilder("sleep", "60").start();
        try {
            Thread.sleep(1500);
            long live = alive.pid();
            Path deadData = folder(tmp, "trailhunt-data-" + dead + "-1");
            Path deadSpill = folder(tmp, "trailhunt-spill-" + dead + "-2");
            Path liveData = folder(tmp, "trailhunt-data-" + live + "-3");
            Path reused = folder(tmp, "trailhunt-data-" + live + "-4");
            Files.setLastModifiedTime(reused, FileTime.from(Instant.now().minusSeconds(86_400)));
            Path self = folder(tmp, "trailhunt-spill-" + ProcessHandle.current().pid() + "-5");
            Path notOurs = folder(tmp, "trailhunt-other-" + dead + "-6");
            Path noPid = folder(tmp, "trailhunt-data-x" + dead + "-7");
            Path file = Files.writeString(tmp.resolve("trailhunt-data-" + dead + "-8"), "a file, not a folder");
            assertEquals(3, TemporaryDirs.removeStale(tmp));
            for (Path gonePath : List.of(deadData, deadSpill, reused)) {
                assertFalse(Files.exists(gonePath), gonePath.toString());
                TALLY.held();
            }
            for (Path kept : List.of(liveData, self, notOurs, noPid, file)) {
                assertTrue(Files.exists(kept), kept.toString());
                TALLY.held();
            }
        } finally {
            alive.destroyForcibly();
        }
    }

    @Test
    void ordinaryRunsLeaveNothing() throws Exception {
        String pid = Long.toString(ProcessHandle.current().pid());
        Cli ok = Cli.run("query", "--data", dir.resolve("logs").toString(), "--sql", "select count(*) from events");
        assertEquals(0, ok.code(), ok.err());
        Cli failed = Cli.run("query", "--data", dir.resolve("logs").toString(), "--timeout", "1s", "--sql", FOREVER);
        assertEquals(4, failed.code(), failed.err());
        Cli refused = Cli.run("query", "--data", dir.resolve("logs").toString(), "--sql", "select current_setting('temp_directory')");
        assertEquals(4, refused.code(), refused.err());
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.matches("trailhunt-(data|spill)-" + pid + "-.*")).toList());
        }
        TALLY.held();
    }

    private static Path folder(Path tmp, String name) throws IOException {
        Path p = Files.createDirectories(tmp.resolve(name));
        Files.writeString(p.resolve("content"), "x");
        return p;
    }

    private static List<String> ours(Path tmp) throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("trailhunt-")).sorted().toList();
        }
    }

    private static void awaitStderr(ChildJvm child, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!child.stderr().contains(text)) {
            assertTrue(System.nanoTime() < deadline, "no '" + text + "' on stderr: " + child.stderr());
            Thread.sleep(100);
        }
    }

    /** Waits until the --data store and the spill folder both exist, that is until the hunt runs. */
    private static void awaitFolders(Path tmp) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ours(tmp).size() < 2) {
            assertTrue(System.nanoTime() < deadline, "the run's folders did not appear: " + ours(tmp));
            Thread.sleep(100);
        }
        assertEquals(List.of("trailhunt-data-", "trailhunt-spill-"), ours(tmp).stream().map(n -> n.replaceAll("\\d.*", "")).toList());
    }

    private static void assertNoLocalPath(Cli run) {
        String all = run.out() + run.err();
        for (String path : new String[] {System.getProperty("java.io.tmpdir"), System.getProperty("user.home"), dir.toString()}) {
            assertFalse(all.contains(path + "/") || all.endsWith(path), "leaks " + path + ": " + all);
        }
    }
}
