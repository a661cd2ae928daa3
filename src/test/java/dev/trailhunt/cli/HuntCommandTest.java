package dev.trailhunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HuntCommandTest {
    private static final String SEED = "secretsmanager_high_frequency_get_secret_value";
    private static final Pattern CONTEXT = Pattern.compile(
            "data \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ → (\\d{4}-\\d\\d-\\d\\dT)?\\d\\d:\\d\\dZ · now = \\d\\d:\\d\\d:\\d\\dZ \\(latest event\\)"
                    + " · window: @timestamp > now - 7 days");

    @TempDir Path dir;

    @Test
    void seedHuntPrintsContextThenTheStorysRows() throws Exception {
        Cli r = Cli.run("hunt", "--db", SamplesStore.get().toString(), SEED);
        assertEquals(0, r.code(), r.err());
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(CONTEXT.matcher(first).matches(), first);
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).matches("request_counts \\| event\\.action +\\| aws\\.cloudtrail\\.user_identity\\.arn +\\| source\\.ip +\\| user_agent\\.name"), lines.get(0));
        // The story's odd one out: one user reading forty secrets from one address with the CLI.
        assertTrue(r.out().lines().anyMatch(l -> l.matches(" +40 \\| GetSecretValue +\\| arn:aws:iam::111122223333:user/legacy-reporting +\\| 198\\.51\\.100\\.77 +\\| aws-cli")), r.out());
        assertFalse(r.out().contains("Chrome"), "console browser traffic is excluded");
        assertFalse(r.out().contains("\u001b["), "no colour when not on a terminal");
    }

    @Test
    void elasticsOwnTomlGivesTheSameRows() throws Exception {
        Path toml = Path.of(System.getProperty("trailhunt.shared", "../shared"),
                "corpus/elastic-hunting/aws/secretsmanager_high_frequency_get_secret_value.toml");
        assumeTrue(Files.isRegularFile(toml), "../shared absent");
        String db = SamplesStore.get().toString();
        Cli ours = Cli.run("hunt", "--db", db, "-f", "csv", SEED);
        Cli elastic = Cli.run("hunt", "--db", db, "-f", "csv", toml.toString());
        assertEquals(0, elastic.code(), elastic.err());
        assertEquals(sorted(ours.out()), sorted(elastic.out()));
        assertTrue(ours.out().lines().count() > 2);
    }

    @Test
    void dataOptionIngestsIntoATemporaryStoreFirst() throws Exception {
        assumeTrue(Files.isDirectory(SamplesStore.SAMPLES));
        Cli r = Cli.run("hunt", "--data", SamplesStore.SAMPLES.toString(), "-f", "csv", SEED);
        assertEquals(0, r.code(), r.err());
        Cli fromDb = Cli.run("hunt", "--db", SamplesStore.get().toString(), "-f", "csv", SEED);
        assertEquals(fromDb.out(), r.out());
        assertTrue(r.err().startsWith("read ") && r.err().contains(" into a temporary store"), r.err());
    }

    @Test
    void jsonIsAnArrayOfObjectsInColumnOrder() throws Exception {
        Cli r = Cli.run("hunt", "--db", SamplesStore.get().toString(), "--format", "json", SEED);
        assertEquals(0, r.code(), r.err());
        JsonNode rows = new ObjectMapper().readTree(r.out());
        assertTrue(rows.isArray() && rows.size() > 1);
        List<String> keys = new ArrayList<>();
        Iterator<String> it = rows.get(0).fieldNames();
        it.forEachRemaining(keys::add);
        assertEquals(List.of("request_counts", "event.action", "aws.cloudtrail.user_identity.arn", "source.ip", "user_agent.name"), keys);
        assertTrue(rows.get(0).get("request_counts").isIntegralNumber());
        Cli nd = Cli.run("hunt", "--db", SamplesStore.get().toString(), "--format", "ndjson", SEED);
        assertEquals(rows.size(), nd.out().lines().count());
        assertEquals(rows.get(0), new ObjectMapper().readTree(nd.out().lines().findFirst().orElseThrow()));
    }

    @Test
    void failOnFindingsExitsOneOnlyWithRows() throws Exception {
        String db = SamplesStore.get().toString();
        assertEquals(1, Cli.run("hunt", "--db", db, "--fail-on-findings", SEED).code());
        // Seven days before a now far after the data excludes every event.
        Cli none = Cli.run("hunt", "--db", db, "--fail-on-findings", "--now", "2030-01-01T00:00:00Z", SEED);
        assertEquals(0, none.code(), none.err());
        assertTrue(none.err().contains("(given)"), none.err());
        assertEquals(2, none.out().lines().count(), "header and rule only: " + none.out());
    }

    @Test
    void narrowTablesShortenLongValuesWithAMark() throws Exception {
        Cli r = Cli.run("hunt", "--db", SamplesStore.get().toString(), "--width", "70", SEED);
        assertEquals(0, r.code(), r.err());
        r.out().lines().forEach(l -> assertTrue(l.codePointCount(0, l.length()) <= 70, l));
        assertTrue(r.out().contains("…"));
        assertTrue(r.err().contains("marks text shortened to fit 70 columns"), r.err());
    }

    @Test
    void errorsAreOneLineWithDistinctCodes() throws Exception {
        String db = SamplesStore.get().toString();
        Cli unknown = Cli.run("hunt", "--db", db, "no_such_hunt");
        assertEquals(2, unknown.code());
        assertEquals(1, unknown.err().lines().count(), unknown.err());
        assertTrue(unknown.err().startsWith("trailhunt hunt: unknown hunt 'no_such_hunt'"), unknown.err());

        Cli noStore = Cli.run("hunt", "--db", dir.resolve("none.duckdb").toString(), SEED);
        assertEquals(3, noStore.code());
        assertTrue(noStore.err().startsWith("trailhunt hunt: no store at "), noStore.err());

        Cli syntax = Cli.run("query", "--db", db, "--esql", "from logs-aws.cloudtrail*\n| where event.action = \"GetSecretValue\"");
        assertEquals(4, syntax.code());
        List<String> lines = syntax.err().lines().toList();
        assertTrue(lines.get(0).contains("2:22: '=' assigns; use '==' to compare"), syntax.err());
        assertEquals("| where event.action = \"GetSecretValue\"", lines.get(1));
        assertEquals(" ".repeat(21) + "^", lines.get(2));

        assertEquals("0 rows from 1 query (1 failed)", lines.get(3).replaceFirst(" in [0-9.]+ s; hunting [0-9.]+ s$", ""));

        Cli unsupported = Cli.run("query", "--db", db, "--esql", "from logs-aws.cloudtrail* | lookup join x on y");
        assertEquals(4, unsupported.code(), unsupported.err());

        Cli write = Cli.run("query", "--db", db, "--sql", "DELETE FROM events");
        assertEquals(4, write.code());
        assertTrue(write.err().contains("DuckDB rejected the SQL") || write.err().contains("only a query"), write.err());

        // Several hunts to CSV are one stream with a hunt column (issue 13), no longer a usage error.
        Cli twoCsv = Cli.run("hunt", "--db", db, "-f", "csv", SEED, "secretsmanager_get_secret_value_by_secret");
        assertEquals(0, twoCsv.code(), twoCsv.err());
        assertTrue(twoCsv.out().startsWith("hunt,"), twoCsv.out());
        for (Cli c : List.of(unknown, noStore, syntax, unsupported, write, twoCsv)) {
            assertFalse(c.err().contains("\tat dev.") || c.err().contains("Exception"), c.err());
        }
    }

    @Test
    void wrongCommandLinesAreOneLineThatPointsToHelp() {
        // Each: the arguments, then what the one line on stderr must say.
        List<List<String>> cases = List.of(
                List.of("hunt --format jsn " + SEED, "trailhunt hunt: invalid value for option '--format'", "'jsn'"),
                List.of("hunt --now garbage " + SEED, "trailhunt hunt: invalid value for option '--now'", "'garbage' is not latest, clock or an ISO-8601 time"),
                List.of("report --db x.duckdb " + SEED, "trailhunt report: missing required option: '--out=FILE'", "--out"),
                List.of("query --db x.duckdb", "trailhunt query: missing required argument", "--esql=TEXT|@FILE|- | --sql=TEXT|@FILE|-"),
                List.of("hunts shwo " + SEED, "trailhunt hunts: unmatched arguments", "did you mean show?"),
                List.of("ingest", "trailhunt ingest: missing required parameter: 'PATH'", "PATH"));
        for (List<String> c : cases) {
            Cli r = Cli.run(c.get(0).split(" "));
            assertEquals(2, r.code(), c.get(0));
            assertEquals(1, r.errLines().size(), r.err());
            String line = r.errLines().get(0);
            assertTrue(line.startsWith(c.get(1)) && line.contains(c.get(2)), line);
            String command = c.get(1).substring(0, c.get(1).indexOf(':'));
            assertTrue(line.endsWith("(see `" + command + " --help`)"), line);
            assertEquals("", r.out());
        }
    }

    @Test
    void sqlAndEsqlFilesRunAsHunts() throws Exception {
        Path sql = Files.writeString(dir.resolve("actions.sql"),
                "SELECT \"event.action\" AS action, count(*) AS n FROM events GROUP BY ALL ORDER BY n DESC, action LIMIT 3;\n");
        Cli r = Cli.run("hunt", "--db", SamplesStore.get().toString(), "-f", "csv", sql.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("action,n", r.out().lines().findFirst().orElse(""));
        assertEquals(4, r.out().lines().count());
        Path unordered = Files.writeString(dir.resolve("unordered.sql"),
                "SELECT \"event.action\" AS action, count(*) AS n FROM events GROUP BY ALL");
        Cli u = Cli.run("hunt", "--db", SamplesStore.get().toString(), "-f", "csv", unordered.toString());
        List<String> body = u.out().lines().skip(1).toList();
        assertEquals(body.stream().sorted(java.util.Comparator.comparing(l -> l.split(",")[0])).toList(), body,
                "SQL without ORDER BY comes out ordered by every column");
        Path esql = Files.writeString(dir.resolve("count.esql"), "from logs-aws.cloudtrail* | stats n = count(*)\n");
        Cli e = Cli.run("hunt", "--db", SamplesStore.get().toString(), "-f", "csv", esql.toString());
        assertEquals(0, e.code(), e.err());
        Cli viaSql = Cli.run("query", "--db", SamplesStore.get().toString(), "-f", "csv", "--sql", "SELECT count(*) AS n FROM events");
        assertEquals(viaSql.out(), e.out());
        assertTrue(e.err().contains("window: no time window (all events)"), e.err());
    }

    @Test
    void skippedQueriesAreListedWithTheReason() throws Exception {
        Path toml = Files.writeString(dir.resolve("mixed.toml"), """
                [hunt]
                name = "Mixed"
                language = ["ES|QL", "SQL"]
                query = ['''
                from logs-aws.cloudtrail* | stats n = count(*)
                ''', '''
                SELECT * FROM processes
                ''']
                """);
        Cli r = Cli.run("hunt", "--db", SamplesStore.get().toString(), toml.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("mixed query 2: skipped: osquery SQL"), r.err());
    }

    @Test
    void aBadFileInAFolderFailsAloneWhileTheOtherHuntsRun() throws Exception {
        Path hunts = Files.createDirectories(dir.resolve("hunts"));
        Files.copy(Path.of("src/main/resources/hunts/" + SEED + ".toml"), hunts.resolve("a.toml"));
        Files.writeString(hunts.resolve("b.toml"), "[hunt\nname = 1\n");
        Files.writeString(hunts.resolve("pyproject.toml"), "[project]\nname = \"tools\"\n");
        Cli r = Cli.run("hunt", "--db", SamplesStore.get().toString(), hunts.toString());
        assertEquals(4, r.code(), "a file that is not a hunt is a hunt error: " + r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches(" +40 \\| GetSecretValue +\\| arn:aws:iam::111122223333:user/legacy-reporting .*")),
                "the good hunt still ran: " + r.out());
        String pyproject = hunts.resolve("pyproject.toml") + ": no [hunt] table (expected Elastic's hunting schema)";
        List<String> err = r.errLines();
        assertTrue(CONTEXT.matcher(err.get(0).replaceFirst("^a: ", "")).matches() && err.get(0).startsWith("a: "), r.err());
        assertTrue(err.contains("pyproject: could not load " + pyproject), r.err());
        // The TOML error says where: "[hunt" is not closed before the end of line 1.
        assertTrue(err.stream().anyMatch(l -> l.startsWith("b: could not load " + hunts.resolve("b.toml") + ": not valid TOML at 1:")), r.err());
        assertTrue(err.get(err.size() - 1).matches("\\d+ rows from 1 query \\(2 hunt files not loaded\\) in [0-9.]+ s; hunting [0-9.]+ s"), r.err());
        // Each load error is printed once.
        assertEquals(1, err.stream().filter(l -> l.contains("could not load " + pyproject)).count(), r.err());
        assertEquals(1, err.stream().filter(l -> l.contains("b.toml")).count(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());

        Cli explain = Cli.run("explain", "--db", SamplesStore.get().toString(), hunts.toString());
        assertEquals(4, explain.code(), explain.err());
        assertTrue(explain.out().contains("== pyproject (TOML file)\ncould not load " + pyproject + "\n"), explain.out());
        assertTrue(explain.out().contains("-- DuckDB SQL"), "the good hunt is still explained: " + explain.out());
        Cli show = Cli.run("hunts", "show", hunts.toString());
        assertEquals(4, show.code(), show.err());
        assertTrue(show.out().contains("  error:       could not load " + pyproject + "\n"), show.out());

        Cli direct = Cli.run("hunt", "--db", SamplesStore.get().toString(), hunts.resolve("pyproject.toml").toString());
        assertEquals(4, direct.code());
        assertEquals(List.of("trailhunt hunt: " + pyproject), direct.errLines(), "a bad file named directly stops at once");
        assertEquals("", direct.out());
    }

    private static List<String> sorted(String csv) {
        return csv.lines().sorted().toList();
    }
}
