package dev.trailhunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Query text from files and standard input, and folders of hunts of every kind. */
class QueryInputsTest {
    private static final String ESQL = "from logs-aws.cloudtrail* | stats n = count(*) by event.provider | sort n desc, event.provider | limit 3";
    private static final String SQL = "SELECT \"event.provider\", count(*) AS n FROM events GROUP BY ALL ORDER BY n DESC, 1 LIMIT 3";

    @TempDir Path dir;

    @Test
    void esqlAndSqlFromAFileOrStandardInputGiveWhatTheTextGives() throws Exception {
        String db = SamplesStore.get().toString();
        Cli inline = Cli.run("query", "--db", db, "-f", "csv", "--esql", ESQL);
        assertEquals(0, inline.code(), inline.err());
        assertEquals(4, inline.out().lines().count(), inline.out());
        Path file = Files.writeString(dir.resolve("top providers.esql"), "from logs-aws.cloudtrail*\n| stats n = count(*) by event.provider\n"
                + "| sort n desc, event.provider | limit 3;\n");
        Cli fromFile = Cli.run("query", "--db", db, "-f", "csv", "--esql", "@" + file);
        assertEquals(0, fromFile.code(), fromFile.err());
        assertEquals(inline.out(), fromFile.out());
        assertEquals(inline.out(), withStdin(ESQL + "\n", () -> Cli.run("query", "--db", db, "-f", "csv", "--esql", "-")).out());

        Cli sql = Cli.run("query", "--db", db, "-f", "csv", "--sql", SQL);
        assertEquals(0, sql.code(), sql.err());
        Path sqlFile = Files.writeString(dir.resolve("q.sql"), SQL + ";\n");
        assertEquals(sql.out(), Cli.run("query", "--db", db, "-f", "csv", "--sql", "@" + sqlFile).out());
        assertEquals(sql.out(), withStdin(SQL, () -> Cli.run("query", "--db", db, "-f", "csv", "--sql", "-")).out());
        // Both languages count the same events.
        assertEquals(inline.out().lines().skip(1).map(l -> l.split(",")[0]).toList(), sql.out().lines().skip(1).map(l -> l.split(",")[1]).toList());
    }

    @Test
    void aMissingOrEmptyQueryFileIsAUsageError() throws Exception {
        String db = SamplesStore.get().toString();
        Cli missing = Cli.run("query", "--db", db, "--esql", "@" + dir.resolve("absent.esql"));
        assertEquals(2, missing.code());
        assertEquals(1, missing.errLines().size(), missing.err());
        assertTrue(missing.err().contains("no such file: " + dir.resolve("absent.esql")), missing.err());
        Cli empty = withStdin("", () -> Cli.run("query", "--db", db, "--esql", "-"));
        assertEquals(2, empty.code());
        assertTrue(empty.err().contains("the query is empty"), empty.err());
    }

    @Test
    void aFolderRunsItsEsqlAndSqlFilesTooAndATomlErrorSaysWhere() throws Exception {
        Path hunts = Files.createDirectories(dir.resolve("hunts"));
        Files.writeString(hunts.resolve("a.esql"), ESQL + "\n");
        Files.writeString(hunts.resolve("b.sql"), SQL + "\n");
        Files.writeString(hunts.resolve("c.toml"), "[hunt]\nname = \"c\"\nquery = [\"from logs-* | limit 1\"\n");
        Files.writeString(hunts.resolve("notes.txt"), "not a hunt\n");
        Cli r = Cli.run("hunt", "--db", SamplesStore.get().toString(), hunts.toString());
        assertEquals(4, r.code(), r.err());
        assertTrue(r.out().contains("== a ==") && r.out().contains("== b =="), r.out());
        List<String> err = r.errLines();
        // The array opened on line 3 is still open when the file ends after line 3.
        String toml = err.stream().filter(l -> l.contains("c.toml")).findFirst().orElseThrow();
        assertTrue(toml.matches("c: could not load .*c\\.toml: not valid TOML at [34]:\\d+: .*"), toml);
        assertEquals(1, err.stream().filter(l -> l.contains("c.toml")).count(), "each load error once: " + r.err());
        assertTrue(err.stream().noneMatch(l -> l.contains("notes")), r.err());
    }

    private static Cli withStdin(String text, java.util.function.Supplier<Cli> run) {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            return run.get();
        } finally {
            System.setIn(saved);
        }
    }
}
