package dev.trailhunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.model.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code trailhunt verify} on reports written by {@code report}, on real stores built from
 * CloudTrail files, and on the same reports edited by hand.
 */
class VerifyCommandTest {
    private static final String SEED = "secretsmanager_high_frequency_get_secret_value";
    private static final String ALICE = "arn:aws:iam::123456789012:user/alice";
    private static final String BOB = "arn:aws:iam::123456789012:user/bob";

    @TempDir Path dir;

    /** Writes one CloudTrail file of GetSecretValue calls, each {@code {arn, ip, time}}. */
    private Path trail(String name, String[]... calls) throws Exception {
        StringBuilder b = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < calls.length; i++) {
            String[] c = calls[i];
            b.append(i == 0 ? "" : ",").append("""
                    {"eventVersion":"1.08","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLE","arn":"%s",\
                    "accountId":"123456789012","userName":"%s"},"eventTime":"%s","eventSource":"secretsmanager.amazonaws.com",\
                    "eventName":"GetSecretValue","awsRegion":"us-east-1","sourceIPAddress":"%s","userAgent":"aws-cli/2.15.0",\
                    "requestParameters":{"secretId":"prod/db"},"responseElements":null,"requestID":"r-%s-%d",\
                    "eventID":"e-%s-%d","readOnly":true,"eventType":"AwsApiCall","managementEvent":true,\
                    "recipientAccountId":"123456789012","eventCategory":"Management"}"""
                    .formatted(c[0], c[0].substring(c[0].lastIndexOf('/') + 1), c[2], c[1], name, i, name, i));
        }
        Path f = dir.resolve("logs").resolve(name + ".json");
        Files.createDirectories(f.getParent());
        Files.writeString(f, b.append("]}").toString(), StandardCharsets.UTF_8);
        return f;
    }

    private Path store(String name, Path... files) {
        Path db = dir.resolve(name + ".duckdb");
        String[] args = new String[files.length + 3];
        args[0] = "ingest";
        args[1] = "--db";
        args[2] = db.toString();
        for (int i = 0; i < files.length; i++) {
            args[i + 3] = files[i].toString();
        }
        Cli c = Cli.run(args);
        assertEquals(0, c.code(), c.err());
        return db;
    }

    private Path report(Path db, String file) {
        Path out = dir.resolve(file);
        Cli r = Cli.run("report", "--db", db.toString(), "-o", out.toString(), SEED);
        assertEquals(0, r.code(), r.err());
        return out;
    }

    @Test
    void markdownAndHtmlReportsVerifyOnTheStoreAndOnTheLogsTheyCameFrom() throws Exception {
        Path a = trail("a", new String[] {ALICE, "198.51.100.1", "2026-03-01T10:00:00Z"},
                new String[] {ALICE, "198.51.100.1", "2026-03-01T11:00:00Z"});
        Path db = store("a", a);
        for (String file : new String[] {"r.md", "r.html"}) {
            Path out = report(db, file);
            Cli v = Cli.run("verify", "--db", db.toString(), out.toString());
            assertEquals(0, v.code(), v.out() + v.err());
            assertTrue(v.out().contains("manifest: intact\nreport text: as written\nnow = 2026-03-01T11:00:00Z (latest event), DuckDB v"), v.out());
            assertTrue(v.out().contains("\ninputs: 1 of 1 present with the same SHA-256\n"), v.out());
            assertTrue(v.out().contains(SEED + ": same rows (1)\nverdict: verified\n"), v.out());
            Cli data = Cli.run("verify", "--data", a.toString(), out.toString());
            assertEquals(0, data.code(), data.out() + data.err());
        }
    }

    @Test
    void theCommittedSampleReportsVerifyOnTheSamples() throws Exception {
        for (String ext : new String[] {"md", "html"}) {
            Path report = Path.of("samples/reports/" + SEED + "." + ext);
            Cli v = Cli.run("verify", "--db", SamplesStore.get().toString(), report.toString());
            assertEquals(0, v.code(), v.out() + v.err());
            assertTrue(v.out().contains("inputs: 39 of 39 present with the same SHA-256\n" + SEED + ": same rows (9)\n"), v.out());
        }
    }

    @Test
    void aRerunOnMoreDataShowsTheChangedAndAddedRows() throws Exception {
        Path a = trail("a", new String[] {ALICE, "198.51.100.1", "2026-03-01T10:00:00Z"},
                new String[] {ALICE, "198.51.100.1", "2026-03-01T11:00:00Z"});
        Path b = trail("b", new String[] {ALICE, "198.51.100.1", "2026-03-01T09:00:00Z"},
                new String[] {BOB, "203.0.113.9", "2026-03-01T09:30:00Z"});
        Path out = report(store("a", a), "r.md");
        // Both b events are older than a's newest, so the report's now (a's newest event) still covers them.
        Cli v = Cli.run("verify", "--db", store("ab", a, b).toString(), out.toString());
        assertEquals(1, v.code(), v.out() + v.err());
        assertTrue(v.out().contains("inputs: 1 of 1 present with the same SHA-256; the store also has 1 file the report did not read"), v.out());
        assertTrue(v.out().contains(SEED + ": DIFFERS: 1 rows in the report, 2 in the re-run: 1 added, 0 removed, 1 changed"), v.out());
        assertTrue(v.out().contains("  + 1 | GetSecretValue | " + BOB + " | 203.0.113.9 |"), v.out());
        assertTrue(v.out().contains("  ~ 2 | GetSecretValue | " + ALICE + " | 198.51.100.1 |"), v.out());
        assertTrue(v.out().contains(": request_counts 2 → 3"), v.out());
        assertTrue(v.out().endsWith("verdict: DIFFERS\n"), v.out());
    }

    @Test
    void aStoreWithoutTheReportsInputsExitsThree() throws Exception {
        Path a = trail("a", new String[] {ALICE, "198.51.100.1", "2026-03-01T10:00:00Z"});
        Path b = trail("b", new String[] {BOB, "203.0.113.9", "2026-03-01T09:30:00Z"});
        Path out = report(store("ab", a, b), "r.md");
        Cli v = Cli.run("verify", "--db", store("a", a).toString(), out.toString());
        assertEquals(3, v.code(), v.out() + v.err());
        assertTrue(v.out().contains("inputs: 1 of 2 present with the same SHA-256\n  missing: "), v.out());
        assertTrue(v.out().contains("b.json (sha256 " + Sha256.hex(Files.readAllBytes(b)) + ")"), v.out());
        assertTrue(v.out().contains("  - 1 | GetSecretValue | " + BOB), v.out());
        assertTrue(v.out().endsWith("verdict: INPUTS MISSING\n"), v.out());
    }

    @Test
    void aRowEditedInTheVisibleTableIsDetected() throws Exception {
        Path db = store("a", trail("a", new String[] {ALICE, "198.51.100.1", "2026-03-01T10:00:00Z"}));
        for (String file : new String[] {"r.md", "r.html"}) {
            Path out = report(db, file);
            String text = Files.readString(out);
            String edited = file.endsWith(".md")
                    ? text.replace("| 1 | GetSecretValue | " + ALICE, "| 0 | GetSecretValue | " + ALICE)
                    : text.replace("<td class=\"num\">1</td><td>GetSecretValue</td>", "<td class=\"num\">0</td><td>GetSecretValue</td>");
            assertFalse(edited.equals(text), "the edit applies to " + file);
            Files.writeString(out, edited);
            Cli v = Cli.run("verify", "--db", db.toString(), out.toString());
            assertEquals(1, v.code(), v.out());
            assertTrue(v.out().contains("report text: EDITED after trailhunt wrote it"), v.out());
            assertTrue(v.out().contains(SEED + ": same rows (1)"), "the store still gives the manifest's rows: " + v.out());
            assertTrue(v.out().contains(SEED + ": shown table: EDITED"), v.out());
        }
    }

    @Test
    void aManifestForgedToMatchAnEditedTableIsCaughtByTheRerun() throws Exception {
        Path db = store("a", trail("a", new String[] {ALICE, "198.51.100.1", "2026-03-01T10:00:00Z"}));
        Path out = report(db, "r.md");
        String text = Files.readString(out);
        int at = text.lastIndexOf("<!-- trailhunt-manifest v1 sha256=");
        String visible = text.substring(0, at);
        String json = new String(Base64.getMimeDecoder().decode(
                text.substring(text.indexOf('\n', at) + 1, text.lastIndexOf("-->")).replaceAll("\\s", "")), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"rows\":[[1,\"GetSecretValue\",\"" + ALICE + "\""), json);
        // The forger changes the count in the table and in the manifest, and re-hashes both.
        String forgedVisible = visible.replace("| 1 | GetSecretValue |", "| 5 | GetSecretValue |");
        String forgedJson = json.replace("\"rows\":[[1,", "\"rows\":[[5,");
        forgedJson = forgedJson.replaceAll("\"report_sha256\":\"[0-9a-f]+\"", "\"report_sha256\":\"" + visibleSha(forgedVisible) + "\"");
        byte[] bytes = forgedJson.getBytes(StandardCharsets.UTF_8);
        Files.writeString(out, forgedVisible + "<!-- trailhunt-manifest v1 sha256=" + Sha256.hex(bytes) + "\n"
                + Base64.getMimeEncoder().encodeToString(bytes) + "\n-->\n");
        Cli v = Cli.run("verify", "--db", db.toString(), out.toString());
        assertEquals(1, v.code(), v.out());
        assertTrue(v.out().contains("manifest: intact\nreport text: as written\n"), "the forgery is self-consistent: " + v.out());
        assertTrue(v.out().contains(": request_counts 5 → 1"), v.out());
    }

    @Test
    void aForgedManifestsSqlRunsInTheSandboxAndCannotWriteFiles() throws Exception {
        Path db = store("a", trail("a", new String[] {ALICE, "198.51.100.1", "2026-03-01T10:00:00Z"}));
        Path out = report(db, "r.md");
        String text = Files.readString(out);
        int at = text.lastIndexOf("<!-- trailhunt-manifest v1 sha256=");
        String json = new String(Base64.getMimeDecoder().decode(
                text.substring(text.indexOf('\n', at) + 1, text.lastIndexOf("-->")).replaceAll("\\s", "")), StandardCharsets.UTF_8);
        Path stolen = dir.resolve("stolen.csv");
        String evil = "COPY (SELECT * FROM events) TO '" + stolen + "' (FORMAT csv)";
        String forged = json.replaceFirst("\"language\":\"ESQL\",\"text\":\"(\\\\.|[^\"\\\\])*\"",
                "\"language\":\"DUCKDB_SQL\",\"text\":\"" + evil.replace("\\", "\\\\") + "\"");
        assertFalse(forged.equals(json), "the query text was replaced");
        byte[] bytes = forged.getBytes(StandardCharsets.UTF_8);
        Files.writeString(out, text.substring(0, at) + "<!-- trailhunt-manifest v1 sha256=" + Sha256.hex(bytes) + "\n"
                + Base64.getMimeEncoder().encodeToString(bytes) + "\n-->\n");
        Cli v = Cli.run("verify", "--db", db.toString(), out.toString());
        assertEquals(1, v.code(), v.out() + v.err());
        assertTrue(v.out().contains(SEED + ": DIFFERS: the report says ran, the re-run failed"), v.out());
        assertFalse(Files.exists(stolen), "the SQL of a report never writes a file");
    }

    /** Hashes visible text as the manifest does: LF line ends, no trailing blanks, one final line end. */
    private static String visibleSha(String visible) {
        StringBuilder b = new StringBuilder();
        for (String line : visible.split("\n", -1)) {
            b.append(line.stripTrailing()).append('\n');
        }
        String s = b.toString().replaceAll("\n+$", "\n");
        return Sha256.hex(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aManifestEditedWithoutRehashingIsDetectedAndMailLineEndsAreNot() throws Exception {
        Path db = store("a", trail("a", new String[] {ALICE, "198.51.100.1", "2026-03-01T10:00:00Z"}));
        Path out = report(db, "r.md");
        String text = Files.readString(out);
        // A mail client's CRLF line ends and a reply's quoting of the manifest lines change nothing.
        Path mailed = dir.resolve("mailed.md");
        Files.writeString(mailed, text.replace("\n", "\r\n"));
        Cli ok = Cli.run("verify", "--db", db.toString(), mailed.toString());
        assertEquals(0, ok.code(), ok.out());
        int data = text.indexOf('\n', text.lastIndexOf("<!-- trailhunt-manifest")) + 1;
        char c = text.charAt(data + 10);
        String tampered = text.substring(0, data + 10) + (c == 'A' ? 'B' : 'A') + text.substring(data + 11);
        Files.writeString(out, tampered);
        Cli v = Cli.run("verify", "--db", db.toString(), out.toString());
        assertEquals(1, v.code(), v.out());
        assertTrue(v.out().contains("manifest: EDITED") || v.out().contains("manifest: unusable"), v.out());
    }

    @Test
    void aReportOverTwoStoresHasTheSummaryFirstAndVerifiesPerStore() throws Exception {
        Path a = trail("a", new String[] {ALICE, "198.51.100.1", "2026-03-01T10:00:00Z"});
        Path b = trail("b", new String[] {BOB, "203.0.113.9", "2026-03-01T09:30:00Z"});
        Path one = store("one", a);
        Path two = store("two", a, b);
        Path out = dir.resolve("both.md");
        Cli r = Cli.run("report", "--db", one.toString(), "--db", two.toString(), "-o", out.toString(), SEED);
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(out);
        assertTrue(text.startsWith("# trailhunt report: 2 stores\n\n## Summary\n\n| Store | Hunt | Result | Time window | now |\n"), text);
        assertTrue(text.indexOf("## Store: " + one) > text.indexOf("## Summary"), text);
        assertTrue(text.indexOf("## Store: " + two) > text.indexOf("## Store: " + one), text);
        assertTrue(text.contains("| 1 | GetSecretValue | " + BOB + " |"), "the second store's rows: " + text);

        Cli v = Cli.run("verify", "--db", one.toString(), "--db", two.toString(), out.toString());
        assertEquals(0, v.code(), v.out() + v.err());
        assertTrue(v.out().contains("store " + one + ": " + SEED + ": same rows (1)\n"), v.out());
        assertTrue(v.out().contains("store " + two + ": " + SEED + ": same rows (2)\n"), v.out());
        // Stores given in the wrong order: the first store lacks b.json, so inputs are missing.
        Cli swapped = Cli.run("verify", "--db", two.toString(), "--db", one.toString(), out.toString());
        assertEquals(3, swapped.code(), swapped.out());
        Cli single = Cli.run("verify", "--db", one.toString(), out.toString());
        assertEquals(2, single.code(), single.out());
        assertTrue(single.err().contains("the report covers 2 stores; give one --db per store"), single.err());
        assertEquals(2, Cli.run("hunt", "--db", one.toString(), "--db", two.toString(), SEED).code(), "only report reads several stores");

        Path nb = dir.resolve("both.ipynb");
        assertEquals(0, Cli.run("report", "--db", one.toString(), "--db", two.toString(), "-o", nb.toString(), SEED).code());
        String notebook = Files.readString(nb);
        assertTrue(notebook.contains("\"STORE = \\\"one.duckdb\\\"\\n\"") && notebook.contains("\"STORE = \\\"two.duckdb\\\"\\n\""),
                "each store's section opens its store: " + notebook);
    }

    @Test
    void aReportWithoutManifestIsAUsageError() throws Exception {
        Path md = dir.resolve("plain.md");
        Files.writeString(md, "# not a report\n");
        Cli v = Cli.run("verify", "--db", dir.resolve("none.duckdb").toString(), md.toString());
        assertEquals(2, v.code());
        assertEquals(1, v.errLines().size(), v.err());
        assertTrue(v.err().contains("holds no trailhunt manifest"), v.err());
    }
}
