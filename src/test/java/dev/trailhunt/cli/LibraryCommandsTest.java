package dev.trailhunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryCommandsTest {
    private static final String SEED = "secretsmanager_high_frequency_get_secret_value";

    @TempDir Path dir;

    @Test
    void huntsListsSearchesAndFiltersByTechnique() {
        Cli all = Cli.run("hunts");
        assertEquals(0, all.code(), all.err());
        assertTrue(all.out().lines().findFirst().orElse("").matches("hunt +\\| mitre +\\| name"), all.out());
        assertTrue(all.out().contains(SEED));
        assertEquals(all.out(), Cli.run("hunts", "list").out());
        assertTrue(Cli.run("hunts", "list", "--mitre", "T1555").out().contains(SEED));
        Cli noTechnique = Cli.run("hunts", "list", "--mitre", "T1078");
        assertEquals(0, noTechnique.code(), noTechnique.err());
        assertEquals("no built-in hunt for technique T1078; `trailhunt hunts list` shows them all\n", noTechnique.out());
        Cli search = Cli.run("hunts", "search", "IDENTITY AND SECRET");
        assertTrue(search.out().contains("secretsmanager_get_secret_value_by_secret"), search.out());
        assertFalse(search.out().contains(SEED + " "), search.out());
    }

    @Test
    void searchWithoutAMatchSaysSoInOneLine() {
        Cli none = Cli.run("hunts", "search", "kubernetes");
        assertEquals(0, none.code(), none.err());
        assertEquals("no built-in hunt matches 'kubernetes'; `trailhunt hunts list` shows them all\n", none.out());
        assertEquals("", none.err());
        Cli filtered = Cli.run("hunts", "search", "secret", "--mitre", "T1078");
        assertEquals(0, filtered.code(), filtered.err());
        assertEquals("no built-in hunt matches 'secret' for technique T1078; `trailhunt hunts list` shows them all\n", filtered.out());
    }

    @Test
    void huntsShowPrintsMetadataAndQueries() {
        Cli r = Cli.run("hunts", "show", SEED);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Programmatic GetSecretValue calls per identity (Secrets Manager)\n"), r.out());
        assertTrue(r.out().contains("  mitre:       T1555.006\n"));
        assertTrue(r.out().contains("-- query 1 (ES|QL)\n// Programmatic reads"));
        Cli missing = Cli.run("hunts", "show", "nope");
        assertEquals(2, missing.code());
        assertEquals(1, missing.errLines().size(), missing.err());
        assertTrue(missing.err().startsWith("trailhunt hunts show: unknown hunt 'nope'"), missing.err());
    }

    @Test
    void explainShowsEsqlSqlAndNowWithoutAStore() throws Exception {
        Cli r = Cli.run("explain", "--db", dir.resolve("absent.duckdb").toString(), "--now", "2024-10-11T08:55:23Z", SEED);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("now = 2024-10-11T08:55:23.000Z (given)\n"), r.out());
        assertEquals(List.of("note: no store at " + dir.resolve("absent.duckdb") + "; explaining against the ECS schema"), r.errLines());
        assertTrue(r.out().contains("window: @timestamp > now - 7 days"));
        assertTrue(r.out().contains("-- DuckDB SQL\n"));
        assertTrue(r.out().contains("timestamp '2024-10-04 08:55:23"), "now - 7 days is inlined: " + r.out());
        Cli bad = Cli.run("explain", "--esql", "from logs-aws.cloudtrail* | where x = 1");
        assertEquals(4, bad.code());
        assertTrue(bad.out().contains("-- error\n1:"), bad.out());
    }

    @Test
    void explainOnAStoreResolvesTheLatestEvent() throws Exception {
        Cli r = Cli.run("explain", "--db", SamplesStore.get().toString(), SEED);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s)now = \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z \\(latest event\\)\n.*"), r.out());
    }

    @Test
    void completionScriptCoversTheHuntingCommands() {
        Cli r = Cli.run("completion");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("complete -F"), "a bash completion function is registered");
        for (String c : new String[] {"hunt", "query", "explain", "hunts", "report", "--fail-on-findings", "--now"}) {
            assertTrue(r.out().contains(c), c);
        }
    }

    @Test
    void versionAndHelpTeach() {
        Cli v = Cli.run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().matches("trailhunt \\d+\\.\\d+\\.\\d+.*\n"), v.out());
        Cli h = Cli.run("hunt", "--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("Examples:"));
        assertTrue(h.out().contains("Exit codes:"));
        assertTrue(h.out().contains("--fail-on-findings"));
        Cli bad = Cli.run("hunt", "--format", "xml", SEED);
        assertEquals(2, bad.code());
    }

    @Test
    void writingToAFileLeavesStdoutEmpty() throws Exception {
        Path out = dir.resolve("rows.json");
        Cli r = Cli.run("hunt", "--db", SamplesStore.get().toString(), "-f", "json", "-o", out.toString(), SEED);
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(Files.readString(out).startsWith("[\n  {\n    \"request_counts\" : "), Files.readString(out));
    }
}
