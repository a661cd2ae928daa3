package dev.trailhunt.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    private static final String SEED = "secretsmanager_high_frequency_get_secret_value";
    private static final Path GOLDEN = Path.of("samples/reports");

    @TempDir Path dir;

    /** Regenerates samples/reports when -Dgolden.update=true, else fails when the committed report differs. */
    @Test
    void seedReportOnTheSamplesIsReproducibleAndMatchesTheCommittedOne() throws Exception {
        String db = SamplesStore.get().toString();
        for (String ext : new String[] {"md", "html"}) {
            Path a = dir.resolve("a." + ext);
            Path b = dir.resolve("b." + ext);
            Cli first = Cli.run("report", "--db", db, "--out", a.toString(), SEED);
            assertEquals(0, first.code(), first.err());
            Cli second = Cli.run("report", "--db", db, "--out", b.toString(), SEED);
            assertEquals(0, second.code(), second.err());
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "two runs give the same bytes (" + ext + ")");
            Path golden = GOLDEN.resolve(SEED + "." + ext);
            if (Boolean.parseBoolean(System.getProperty("golden.update"))) {
                Files.createDirectories(GOLDEN);
                Files.copy(a, golden, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            assertEquals(Files.readString(golden, StandardCharsets.UTF_8), Files.readString(a, StandardCharsets.UTF_8),
                    golden + " is stale: review and rerun with -Dgolden.update=true");
        }
    }

    @Test
    void reportHoldsMetadataCellsChartAndProvenance() throws Exception {
        Path md = dir.resolve("r.md");
        Cli r = Cli.run("report", "--db", SamplesStore.get().toString(), "--out", md.toString(), SEED);
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(md);
        assertTrue(text.startsWith("# Programmatic GetSecretValue calls per identity (Secrets Manager)\n"), text);
        assertTrue(text.contains("[T1555.006](https://attack.mitre.org/techniques/T1555/006/)"));
        assertTrue(text.contains("```esql\n// Programmatic reads"));
        assertTrue(text.contains("<details><summary>DuckDB SQL ("), text);
        assertTrue(text.contains("Chart: request\\_counts by aws.cloudtrail.user\\_identity.arn"), text);
        assertTrue(text.contains("## Provenance"));
        assertTrue(text.contains("| samples/cloudtrail/AWSLogs/"), "input files relative to the checkout");
        assertTrue(text.contains("DuckDB v"));
        assertFalse(text.contains(Path.of("").toAbsolutePath().toString()), "no machine paths");

        Path html = dir.resolve("r.html");
        assertEquals(0, Cli.run("report", "--db", SamplesStore.get().toString(), "--out", html.toString(), SEED).code());
        String page = Files.readString(html);
        assertTrue(page.contains("<svg"));
        assertFalse(page.contains("<script"));
        assertFalse(page.matches("(?s).*(src|href)=\"(?!https://attack\\.mitre\\.org|https://docs\\.aws)[a-z]+://.*"), "nothing loaded from the network");
    }

    @Test
    void folderOfHuntsGivesOneReportWithASummary() throws Exception {
        Path hunts = Files.createDirectories(dir.resolve("hunts"));
        Files.copy(Path.of("src/main/resources/hunts/" + SEED + ".toml"), hunts.resolve("a.toml"));
        Files.copy(Path.of("src/main/resources/hunts/secretsmanager_get_secret_value_by_secret.toml"), hunts.resolve("b.toml"));
        Files.writeString(hunts.resolve("c.toml"), "[hunt]\nname = \"Broken\"\nquery = ['from logs-aws.cloudtrail* | where x = 1']\n");
        Path out = dir.resolve("all.md");
        Cli r = Cli.run("report", "--db", SamplesStore.get().toString(), "--out", out.toString(), hunts.toString());
        assertEquals(4, r.code(), "a failed hunt is a hunt error, and the report is still written: " + r.err());
        String text = Files.readString(out);
        assertTrue(text.startsWith("# trailhunt report: 3 hunts\n"), text);
        assertTrue(text.contains("## Summary"));
        assertTrue(text.contains("| Broken | c | failed |"), text);
        assertTrue(text.contains("Error:\n\n```text\n1:"), text);
    }

    @Test
    void aFileOfTheFolderThatIsNoHuntIsReportedAsNotLoaded() throws Exception {
        Path hunts = Files.createDirectories(dir.resolve("hunts"));
        Files.copy(Path.of("src/main/resources/hunts/" + SEED + ".toml"), hunts.resolve("a.toml"));
        Files.writeString(hunts.resolve("pyproject.toml"), "[project]\nname = \"tools\"\n");
        String reason = hunts.resolve("pyproject.toml") + ": no [hunt] table (expected Elastic's hunting schema)";
        // Reports name files relative to the working directory, even outside it (README, Reports).
        String reported = Path.of("").toAbsolutePath().relativize(hunts.resolve("pyproject.toml"))
                + ": no [hunt] table (expected Elastic's hunting schema)";
        String db = SamplesStore.get().toString();
        for (String ext : new String[] {"md", "html"}) {
            Path out = dir.resolve("all." + ext);
            Cli r = Cli.run("report", "--db", db, "--out", out.toString(), hunts.toString());
            assertEquals(4, r.code(), r.err());
            assertTrue(r.errLines().contains("pyproject: could not load " + reason), r.err());
            Path again = dir.resolve("again." + ext);
            assertEquals(4, Cli.run("report", "--db", db, "--out", again.toString(), hunts.toString()).code());
            assertArrayEquals(Files.readAllBytes(out), Files.readAllBytes(again), "two runs give the same bytes (" + ext + ")");
            String text = Files.readString(out);
            if (ext.equals("md")) {
                assertTrue(text.startsWith("# trailhunt report: 2 hunts\n"), text);
                assertTrue(text.contains("| **Programmatic GetSecretValue calls per identity (Secrets Manager)** | **a** | **9 rows** | "), "a hunt with hits stands out: " + text);
                assertTrue(text.contains("| pyproject.toml | pyproject | could not be loaded |  |"), text);
                assertTrue(text.contains("## pyproject.toml\n\n- **Hunt:** `pyproject` (TOML file)\n\n"
                        + "> Could not be loaded as a hunt, so nothing of it ran.\n\nError:\n\n```text\n" + reported + "\n```\n"), text);
                assertTrue(text.contains("| request_counts |"), "the good hunt's result is there: " + text);
            } else {
                assertTrue(text.contains("<tr><td>pyproject.toml</td><td>pyproject</td><td>could not be loaded</td><td></td></tr>"), text);
                assertTrue(text.contains("<div class=\"caption\">Error</div>\n<pre><code class=\"language-text\">"
                        + reported.replace("'", "&#39;") + "</code></pre>"), text);
            }
        }
    }

    @Test
    void reportRefusesRowFormats() throws Exception {
        Cli r = Cli.run("report", "--db", SamplesStore.get().toString(), "--format", "csv", "--out", dir.resolve("x.csv").toString(), SEED);
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("trailhunt report: report --format must be markdown, html or ipynb"), r.err());
    }

    @Test
    void reportIntoAMissingFolderSaysWhichFolderBeforeRunningAnything() throws Exception {
        Path out = dir.resolve("no-such-folder").resolve("r.html");
        // A missing folder is a usage error (2), not a data problem (3): the command line names it.
        String expected = "trailhunt report: --out " + out + ": no such directory: " + out.getParent() + " (see `trailhunt report --help`)";
        Cli r = Cli.run("report", "--db", SamplesStore.get().toString(), "--out", out.toString(), SEED);
        assertEquals(2, r.code(), r.err());
        assertEquals(List.of(expected), r.errLines(), "no hunt ran, so no context or summary line");
        assertFalse(Files.exists(out.getParent()));
        // Checked before the store is opened: a missing store would otherwise be the complaint.
        Cli noStore = Cli.run("report", "--db", dir.resolve("absent.duckdb").toString(), "--out", out.toString(), SEED);
        assertEquals(List.of(expected), noStore.errLines());
        assumeTrue(Files.isDirectory(SamplesStore.SAMPLES));
        Cli data = Cli.run("report", "--data", SamplesStore.SAMPLES.toString(), "--out", out.toString(), SEED);
        assertEquals(List.of(expected), data.errLines(), "nothing is ingested for --data either");
        Cli hunt = Cli.run("hunt", "--db", dir.resolve("absent.duckdb").toString(), "-o", out.toString(), SEED);
        assertEquals(2, hunt.code());
        assertEquals(List.of("trailhunt hunt: --out " + out + ": no such directory: " + out.getParent() + " (see `trailhunt hunt --help`)"),
                hunt.errLines());
    }
}
