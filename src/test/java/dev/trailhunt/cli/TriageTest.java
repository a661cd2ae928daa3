package dev.trailhunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves the triage output of a folder of hunts on 1,005 events made for the test. */
class TriageTest {
    @TempDir static Path dir;
    static String db;
    static Path hunts;

    @BeforeAll
    static void store() throws Exception {
        Trail t = new Trail();
        for (int i = 0; i < 1005; i++) {
            t.user(String.format(java.util.Locale.ROOT, "2023-07-10T10:%02d:%02dZ", i / 60 % 60, i % 60), i % 3 == 0 ? "alice" : "bob",
                    i % 3 == 0 ? "AKIAALICE00000000001" : "AKIABOB0000000000001", i % 2 == 0 ? "GetSecretValue" : "ListSecrets", "198.51.100.7");
        }
        db = t.store(dir).toString();
        hunts = Files.createDirectories(dir.resolve("hunts"));
        Files.writeString(hunts.resolve("a_by_user.esql"), "from logs-* | stats n = count(*) by user.name | sort n desc");
        Files.writeString(hunts.resolve("b_nothing.esql"), "from logs-* | where event.action == \"DeleteTrail\" | stats n = count(*) by user.name");
        Files.writeString(hunts.resolve("c_actions.esql"), "from logs-* | stats n = count(*) by event.action | sort event.action");
    }

    // Until folders run .esql files too (another branch), the three files are given one by one.
    private static String a() {
        return hunts.resolve("a_by_user.esql").toString();
    }

    private static String b() {
        return hunts.resolve("b_nothing.esql").toString();
    }

    private static String c() {
        return hunts.resolve("c_actions.esql").toString();
    }

    @Test
    void severalHuntsOpenWithASummaryHitsFirstAndEmptyHuntsOnOneLine() {
        Cli r = Cli.run("hunt", "--db", db, "--width", "0", a(), b(), c());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("3 queries: 2 with hits, 1 empty", lines.get(0));
        assertTrue(lines.get(1).matches(" +2 rows  (a_by_user|c_actions) · no time window \\(all events\\)"), lines.get(1));
        assertTrue(lines.get(2).matches(" +2 rows  (a_by_user|c_actions) · no time window \\(all events\\)"), lines.get(2));
        assertEquals("      0 rows  b_nothing · no time window (all events)", lines.get(3));
        assertFalse(r.out().contains("== b_nothing =="), r.out());
        assertTrue(r.out().contains("== a_by_user ==") && r.out().contains("== c_actions =="), r.out());
    }

    @Test
    void severalHuntsToCsvOrJsonAreOneStreamWithAHuntColumn() throws Exception {
        Cli csv = Cli.run("hunt", "--db", db, "-f", "csv", a(), b(), c());
        assertEquals(0, csv.code(), csv.err());
        assertEquals(List.of("hunt,n,user.name,event.action", "a_by_user,670,bob,", "a_by_user,335,alice,",
                "c_actions,503,,GetSecretValue", "c_actions,502,,ListSecrets"), csv.out().lines().toList());
        Path json = dir.resolve("all.json");
        Cli j = Cli.run("hunt", "--db", db, "-o", json.toString(), a(), b(), c());
        assertEquals(0, j.code(), j.err());
        JsonNode rows = new ObjectMapper().readTree(json.toFile());
        assertEquals(4, rows.size());
        assertEquals("c_actions", rows.get(3).get("hunt").asText());
        assertEquals(502, rows.get(3).get("n").asInt());
        assertTrue(rows.get(3).get("user.name").isNull());
    }

    @Test
    void theOutExtensionPicksTheFormat() throws Exception {
        Path csv = dir.resolve("one.csv");
        assertEquals(0, Cli.run("hunt", "--db", db, "-o", csv.toString(), hunts.resolve("a_by_user.esql").toString()).code());
        assertEquals("n,user.name\n670,bob\n335,alice\n", Files.readString(csv).replace("\r", ""));
        Path md = dir.resolve("one.md");
        assertEquals(0, Cli.run("hunt", "--db", db, "-o", md.toString(), hunts.resolve("a_by_user.esql").toString()).code());
        assertTrue(Files.readString(md).startsWith("# "), Files.readString(md));
    }

    @Test
    void aLimitThatCutRowsIsSaidOnStderrAndInReports() throws Exception {
        Cli implicit = Cli.run("query", "--db", db, "-f", "csv", "--esql", "from logs-* | keep event.id");
        assertEquals(1001, implicit.out().lines().count());
        assertTrue(implicit.err().contains("note: ES|QL's implicit LIMIT 1000 cut the rows"), implicit.err());
        Cli own = Cli.run("query", "--db", db, "-f", "csv", "--esql", "from logs-* | keep event.id | limit 1005");
        assertFalse(own.err().contains("cut"), "1005 rows fill LIMIT 1005 exactly and nothing is left out: " + own.err());
        Cli cut = Cli.run("query", "--db", db, "-f", "csv", "--esql", "from logs-* | keep event.id | limit 1004");
        assertTrue(cut.err().contains("note: the query's own LIMIT 1004 cut the rows"), cut.err());
        Path esql = Files.writeString(dir.resolve("cut.esql"), "from logs-* | keep event.id | limit 2");
        Path md = dir.resolve("cut.md");
        assertEquals(0, Cli.run("report", "--db", db, "-o", md.toString(), esql.toString()).code());
        assertTrue(Files.readString(md).contains("the query's own LIMIT 2 cut the rows"));
    }
}
