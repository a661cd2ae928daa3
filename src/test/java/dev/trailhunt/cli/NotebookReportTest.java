package dev.trailhunt.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes notebooks with {@code report -f ipynb} and, when Python with duckdb, nbformat, nbclient and
 * ipykernel is at hand (.ci/run installs them in target/pyenv), validates them against nbformat's
 * schema and executes them, checking that every query cell reproduces its stored rows.
 */
class NotebookReportTest {
    private static final String SEED = "secretsmanager_high_frequency_get_secret_value";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    private static String text(JsonNode lines) {
        StringBuilder b = new StringBuilder();
        lines.forEach(l -> b.append(l.asText()));
        return b.toString();
    }

    private static List<JsonNode> cells(JsonNode nb, String type) {
        List<JsonNode> out = new ArrayList<>();
        nb.path("cells").forEach(c -> {
            if (c.path("cell_type").asText().equals(type)) {
                out.add(c);
            }
        });
        return out;
    }

    @Test
    void seedNotebookHasASectionPerCellTheSqlAndTheStoredRowsAndIsReproducible() throws Exception {
        String db = SamplesStore.get().toString();
        Path a = dir.resolve("a/case.ipynb");
        Path b = dir.resolve("a/again.ipynb");
        Files.createDirectories(a.getParent());
        Cli first = Cli.run("report", "--db", db, "-o", a.toString(), SEED);
        assertEquals(0, first.code(), first.err());
        Cli second = Cli.run("report", "--db", db, "-f", "ipynb", "-o", b.toString(), SEED);
        assertEquals(0, second.code(), second.err());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "two runs give the same bytes");

        JsonNode nb = JSON.readTree(a.toFile());
        assertEquals(4, nb.path("nbformat").asInt());
        assertEquals(5, nb.path("nbformat_minor").asInt());
        Set<String> ids = new HashSet<>();
        nb.path("cells").forEach(c -> assertTrue(ids.add(c.path("id").asText()), "cell ids are unique"));
        List<String> markdown = cells(nb, "markdown").stream().map(c -> text(c.path("source"))).toList();
        assertTrue(markdown.get(0).startsWith("# Programmatic GetSecretValue calls per identity (Secrets Manager)\n"), markdown.get(0));
        assertTrue(markdown.stream().anyMatch(m -> m.startsWith("## Notes\n")), "notes are a section");
        assertTrue(markdown.stream().anyMatch(m -> m.startsWith("## Provenance\n")), "provenance is a section");
        assertTrue(markdown.stream().anyMatch(m -> m.startsWith("## Query (ES|QL)\n") && m.contains("```esql\n// Programmatic reads")),
                "the ES|QL is in a Markdown cell");

        List<JsonNode> code = cells(nb, "code");
        assertEquals(2, code.size(), "the store is opened once, then one cell per query");
        String setup = text(code.get(0).path("source"));
        Path relative = a.getParent().toAbsolutePath().relativize(Path.of(db).toAbsolutePath());
        assertTrue(setup.contains("STORE = \"" + relative.toString().replace('\\', '/') + "\"\n"), setup);
        assertTrue(setup.contains("duckdb.connect(STORE, read_only=True)"), setup);

        // The same SQL as the Markdown report's, and the same rows as the hunt's JSON output.
        Path md = dir.resolve("a/case.md");
        assertEquals(0, Cli.run("report", "--db", db, "-o", md.toString(), SEED).code());
        String report = Files.readString(md);
        String sql = report.substring(report.indexOf("```sql\n") + 7, report.indexOf("\n```", report.indexOf("```sql\n")));
        String query = text(code.get(1).path("source"));
        assertEquals("show(\"\"\"\n" + sql + "\n\"\"\")", query);
        JsonNode result = code.get(1).path("outputs").get(0);
        assertEquals("execute_result", result.path("output_type").asText());
        List<String> plain = text(result.path("data").path("text/plain")).lines().toList();
        Cli rows = Cli.run("hunt", "--db", db, "-f", "json", SEED);
        JsonNode expected = JSON.readTree(rows.out());
        assertEquals("request_counts | event.action | aws.cloudtrail.user_identity.arn | source.ip | user_agent.name", plain.get(0));
        assertEquals(expected.size() + 2, plain.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode r = expected.get(i);
            assertEquals(String.join(" | ", r.path("request_counts").asText(), r.path("event.action").asText(),
                    r.path("aws.cloudtrail.user_identity.arn").asText(), r.path("source.ip").asText(), r.path("user_agent.name").asText()),
                    plain.get(i + 1));
        }
        assertEquals("(" + expected.size() + " rows)", plain.get(plain.size() - 1));
        assertTrue(text(result.path("data").path("text/html")).startsWith("<table>\n<thead><tr><th>request_counts</th>"));
        JsonNode chart = code.get(1).path("outputs").get(1);
        assertEquals("display_data", chart.path("output_type").asText());
        assertTrue(text(chart.path("data").path("image/svg+xml")).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    }

    @Test
    void aNotebookOfATemporaryStoreSaysHowToMakeOne() throws Exception {
        Path nb = dir.resolve("data.ipynb");
        Cli r = Cli.run("report", "--data", SamplesStore.SAMPLES.toString(), "-o", nb.toString(), SEED);
        assertEquals(0, r.code(), r.err());
        String setup = text(cells(JSON.readTree(nb.toFile()), "code").get(0).path("source"));
        assertTrue(setup.contains("# The report ran on a temporary store made from --data. Ingest the same files first:"), setup);
    }

    /** Returns a Python that has the notebook packages, or null after printing why the execution tests are skipped. */
    static String python() throws IOException, InterruptedException {
        List<String> candidates = new ArrayList<>();
        String given = System.getenv("TRAILHUNT_PYTHON");
        if (given != null && !given.isBlank()) {
            candidates.add(given);
        }
        candidates.add(Path.of("target/pyenv/bin/python").toAbsolutePath().toString());
        candidates.add("python3");
        for (String p : candidates) {
            try {
                Process proc = new ProcessBuilder(p, "-c", "import duckdb, nbformat, nbclient, ipykernel").redirectErrorStream(true).start();
                proc.getInputStream().readAllBytes();
                if (proc.waitFor(60, TimeUnit.SECONDS) && proc.exitValue() == 0) {
                    return p;
                }
            } catch (IOException e) {
                // Not installed there; try the next.
            }
        }
        System.out.println("notebook execution skipped: no Python with duckdb, nbformat, nbclient and ipykernel"
                + " (.ci/run installs them in target/pyenv; or set TRAILHUNT_PYTHON)");
        return null;
    }

    static String check(String python, Path notebook) throws Exception {
        Path script = Path.of("src/test/resources/notebook/check_notebook.py").toAbsolutePath();
        Process p = new ProcessBuilder(python, script.toString(), notebook.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "the notebook ran in time");
        assertEquals(0, p.exitValue(), out);
        return out.lines().filter(l -> l.startsWith("notebook: ")).findFirst().orElse(out);
    }

    @Test
    void notebooksValidateAgainstNbformatAndRerunToTheirStoredRows() throws Exception {
        String python = python();
        assumeTrue(python != null, "python packages absent");
        Path seed = dir.resolve("seed/case.ipynb");
        Files.createDirectories(seed.getParent());
        assertEquals(0, Cli.run("report", "--db", SamplesStore.get().toString(), "-o", seed.toString(), SEED).code());
        String line = check(python, seed);
        System.out.println(line);
        assertTrue(line.contains("1 query cells reproduced"), line);

        // Values that print differently in Java and Python unless the helper mirrors trailhunt: datetimes,
        // doubles in both notations, nulls, multi-values, and quotes and backslashes that must not end the literal.
        Path esql = dir.resolve("values.esql");
        Files.writeString(esql, """
                from logs-aws.cloudtrail*
                | where event.action == "GetSecretValue"
                | eval third = 1.0 / 3, big = 123456789.5 * 100, tiny = 1.0 / 100000, quoted = "a\\"\\"\\"b\\\\c\\"", none = null
                | keep @timestamp, third, big, tiny, quoted, none, source.ip
                | sort @timestamp asc, source.ip asc
                | limit 5
                """);
        Path sql = dir.resolve("values.sql");
        Files.writeString(sql, "select 'x\"\"\"y' as \"q\"\"uote\", [1, 2, 3] as many, [7] as one, 1e-5::double as d, true as t\n");
        Path values = dir.resolve("values.ipynb");
        Cli r = Cli.run("report", "--db", SamplesStore.get().toString(), "-o", values.toString(), esql.toString(), sql.toString());
        assertEquals(0, r.code(), r.err());
        String all = Files.readString(values);
        assertTrue(all.contains("[1, 2, 3] | 7 | 1.0E-5 | true"), "the stored SQL row: " + all);
        String second = check(python, values);
        System.out.println(second);
        assertTrue(second.contains("2 query cells reproduced"), second);
    }

    @Test
    void aNotebookCarriesItsManifestInItsMetadataAndVerifiesWhateverItsJsonLayout() throws Exception {
        String db = SamplesStore.get().toString();
        Path nb = dir.resolve("v/case.ipynb");
        Files.createDirectories(nb.getParent());
        assertEquals(0, Cli.run("report", "--db", db, "-o", nb.toString(), SEED).code());
        ObjectNode root = (ObjectNode) JSON.readTree(nb.toFile());
        JsonNode entry = root.path("metadata").path("trailhunt");
        assertEquals("trailhunt-report/1", entry.path("manifest").path("manifest").asText(), entry.toString());
        assertTrue(entry.path("sha256").asText().matches("[0-9a-f]{64}"), entry.toString());
        Cli v = Cli.run("verify", "--db", db, nb.toString());
        assertEquals(0, v.code(), v.out() + v.err());
        assertTrue(v.out().contains("manifest: intact\nreport text: as written\n"), v.out());
        assertTrue(v.out().contains("inputs: 39 of 39 present with the same SHA-256\n" + SEED + ": same rows (9)\nverdict: verified\n"), v.out());

        // Another writer's layout: no indentation, the manifest's keys in reverse order, lines joined into one string,
        // execution counts and cell metadata that Jupyter adds on a run.
        ObjectNode manifest = (ObjectNode) entry.path("manifest");
        ObjectNode reversed = JSON.createObjectNode();
        List<String> keys = new ArrayList<>();
        manifest.fieldNames().forEachRemaining(keys::add);
        for (int i = keys.size() - 1; i >= 0; i--) {
            reversed.set(keys.get(i), manifest.get(keys.get(i)));
        }
        ((ObjectNode) root.path("metadata").path("trailhunt")).set("manifest", reversed);
        for (JsonNode c : root.path("cells")) {
            ((ObjectNode) c).put("source", text(c.path("source")));
            ((ObjectNode) c.path("metadata")).putObject("execution").put("iopub.status.busy", "2026-12-06T08:00:00.000Z");
            if (c.has("execution_count")) {
                ((ObjectNode) c).put("execution_count", 41);
            }
        }
        Path relaid = dir.resolve("v/relaid.ipynb");
        Files.writeString(relaid, JSON.writeValueAsString(root));
        Cli same = Cli.run("verify", "--db", db, relaid.toString());
        assertEquals(0, same.code(), same.out() + same.err());

        // A stored output row edited by hand: the count of the first row, in both the text and the HTML output.
        ObjectNode data = (ObjectNode) cells(root, "code").get(1).path("outputs").get(0).path("data");
        String plain = text(data.path("text/plain"));
        String firstRow = plain.lines().toList().get(1);
        String editedRow = "99" + firstRow.substring(firstRow.indexOf(' '));
        data.put("text/plain", plain.replace(firstRow, editedRow));
        Path edited = dir.resolve("v/edited.ipynb");
        Files.writeString(edited, JSON.writeValueAsString(root));
        Cli e = Cli.run("verify", "--db", db, edited.toString());
        assertEquals(1, e.code(), e.out());
        assertTrue(e.out().contains("report text: EDITED after trailhunt wrote it"), e.out());
        assertTrue(e.out().contains(SEED + ": same rows (9)\n" + SEED + ": shown table: EDITED"), e.out());

        // A manifest row edited without re-hashing it.
        ArrayNode rows = (ArrayNode) reversed.path("runs").get(0).path("hunts").get(0).path("queries").get(0).path("rows");
        ((ArrayNode) rows.get(0)).set(0, JSON.getNodeFactory().numberNode(99));
        Path forged = dir.resolve("v/forged.ipynb");
        Files.writeString(forged, JSON.writeValueAsString(root));
        Cli f = Cli.run("verify", "--db", db, forged.toString());
        assertEquals(1, f.code(), f.out());
        assertTrue(f.out().contains("manifest: EDITED"), f.out());

        ObjectNode bare = (ObjectNode) JSON.readTree(nb.toFile());
        ((ObjectNode) bare.path("metadata")).remove("trailhunt");
        Path none = dir.resolve("v/none.ipynb");
        Files.writeString(none, JSON.writeValueAsString(bare));
        Cli n = Cli.run("verify", "--db", db, none.toString());
        assertEquals(2, n.code(), n.out());
        assertEquals(1, n.errLines().size(), n.err());
        assertTrue(n.err().contains("the notebook holds no trailhunt manifest"), n.err());
    }

    @Test
    void aNotebookReSavedByNbformatStillVerifies() throws Exception {
        String python = python();
        assumeTrue(python != null, "python packages absent");
        String db = SamplesStore.get().toString();
        Path nb = dir.resolve("s/case.ipynb");
        Files.createDirectories(nb.getParent());
        assertEquals(0, Cli.run("report", "--db", db, "-o", nb.toString(), SEED).code());
        Path saved = dir.resolve("s/saved.ipynb");
        // What Jupyter does on save: nbformat reads the notebook, the front end adds metadata, nbformat writes it.
        String script = """
                import sys, nbformat
                nb = nbformat.read(sys.argv[1], as_version=4)
                nb.metadata["language_info"]["version"] = "3.11.6"
                nb.metadata["kernelspec"]["display_name"] = "Python 3 (ipykernel)"
                for c in nb.cells:
                    c.metadata["collapsed"] = False
                nbformat.validate(nb)
                nbformat.write(nb, sys.argv[2])
                """;
        Process p = new ProcessBuilder(python, "-c", script, nb.toString(), saved.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "nbformat ran in time");
        assertEquals(0, p.exitValue(), out);
        assertFalse(Files.readString(saved).equals(Files.readString(nb)), "the save changed the file");
        Cli v = Cli.run("verify", "--db", db, saved.toString());
        assertEquals(0, v.code(), v.out() + v.err());
        assertTrue(v.out().contains("manifest: intact\nreport text: as written\n"), v.out());
    }
}
