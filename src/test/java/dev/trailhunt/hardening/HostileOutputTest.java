package dev.trailhunt.hardening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailhunt.cli.Cli;
import dev.trailhunt.cli.Main;
import dev.trailhunt.report.Visible;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Class 4: output cannot be injected. Log data holding terminal escapes, forged lines, spreadsheet
 * formulas, HTML and Markdown reaches every output (terminal tables, stderr, CSV, Markdown and HTML
 * reports) as inert text; outputs never overwrite the run's inputs; a failed stdout is an error.
 */
class HostileOutputTest {
    @RegisterExtension static final HardeningTally TALLY = new HardeningTally(4);

    /** Lists hostile values, each stored as an event's action and user agent. */
    static final List<String> HOSTILE = List.of(
            "\u001b[2J\u001b[Hcleared",
            "\u001b]0;pwned title\u0007",
            "\u001b[31mfake red\u001b[0m",
            "ok\rrejected: evil.json: forged by CR",
            "line1\nrejected: x.json: forged by LF",
            "\u009b31mC1 CSI\u0085NEL",
            "\u202eevil RLO\u202c",
            "\u2066isolate\u2069 and \u200fRLM",
            "tab\there",
            "nul\u0000byte\u007fdel",
            "sep\u2028line\u2029para",
            "=HYPERLINK(\"http://evil.example\",\"click\")",
            "+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "\t=1+1",
            "\r=1+1",
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "a|b|c",
            "`code` and ``` fence ```` four",
            "x\n```\n# injected heading\n<script>alert(2)</script>\n```",
            "[click](javascript:alert(1))",
            "&lt;script&gt;",
            "**bold** ~~strike~~ \\escape");
    private static final String SORTED_ACTIONS = "from logs-* | keep event.action | sort event.action";

    @TempDir static Path dir;
    private static Path db;
    private static Path logs;

    @BeforeAll
    static void store() throws Exception {
        TrailRecords trail = new TrailRecords(44);
        List<ObjectNode> records = new ArrayList<>();
        for (String h : HOSTILE) {
            ObjectNode r = trail.next();
            r.put("eventName", h);
            r.put("userAgent", h);
            records.add(r);
        }
        db = TrailStore.create(dir, records);
        logs = dir.resolve("logs");
    }

    // ---- (a) terminal tables and stderr

    @ParameterizedTest
    @ValueSource(ints = {0, 30, 200})
    void terminalTablesShowControlCharactersAsEscapes(int width) {
        Cli run = Cli.run("query", "--db", db.toString(), "--width", Integer.toString(width), "--esql",
                "from logs-* | keep event.action, user_agent.original | sort event.action");
        assertEquals(0, run.code(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(HOSTILE.size() + 2, lines.size(), "one line per row, whatever the values hold: " + run.out());
        assertTrue(lines.stream().allMatch(TrailStore::printable), run.out());
        for (String h : HOSTILE) {
            String shown = Visible.text(h);
            if (width == 0) {
                assertTrue(run.out().contains(shown), shown);
            }
            TALLY.held();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "json", "ndjson"})
    void machineFormatsKeepTheValuesExact(String format) throws Exception {
        Cli run = Cli.run("query", "--db", db.toString(), "--format", format, "--csv-raw", "--esql", SORTED_ACTIONS);
        assertEquals(0, run.code(), run.err());
        List<String> values = switch (format) {
            case "csv" -> csvColumn(run.out());
            case "json" -> { List<String> v = new ArrayList<>(); TrailRecords.JSON.readTree(run.out()).forEach(n -> v.add(n.get("event.action").asText())); yield v; }
            default -> run.out().lines().map(l -> { try { return TrailRecords.JSON.readTree(l).get("event.action").asText(); } catch (IOException e) { throw new IllegalStateException(e); } }).toList();
        };
        assertEquals(HOSTILE.stream().sorted().toList(), values);
        if (!format.equals("csv")) {
            // JSON writes every control character as \\uXXXX: the same value, inert on a terminal.
            assertTrue(run.out().lines().allMatch(TrailStore::printable), run.out());
        }
        TALLY.held();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void errorsThatRepeatDataStayOneVisibleLine(int which) {
        String h = HOSTILE.get(which);
        String literal = "'" + h.replace("'", "''") + "'";
        for (String[] command : new String[][] {
            {"query", "--db", db.toString(), "--sql", "select cast(" + literal + " as integer)"},
            {"query", "--db", db.toString(), "--sql", "select " + literal + " from nowhere_" + which},
            {"query", "--db", db.toString(), "--esql", "from logs-* | where event.action == \"" + h.replace("\\", "\\\\").replace("\"", "\\\"") + "\" +"},
            {"query", "--db", db.toString(), "--esql", "row x = 1 | eval `" + h.replace("`", "``") + "` = nope(x)"},
        }) {
            Cli run = Cli.run(command);
            TrailStore.assertNoCrash(run);
            assertEquals(4, run.code(), run.err());
            // An ES|QL error quotes the offending line of the query itself, which may be any text its author wrote.
            List<String> queryLines = command[command.length - 1].lines().toList();
            assertFalse(run.errLines().stream().anyMatch(l -> l.startsWith("rejected:") && !queryLines.contains(l)), run.err());
            TALLY.held();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil\nrejected: forged.json: not JSON", "evil\u001b[2J\u001b]0;title\u0007", "evil\r9 rows from 9 queries", "evil\u202egnp."})
    void fileNamesCannotForgeStatusLines(String name) throws Exception {
        Path hunts = Files.createDirectories(dir.resolve("names-" + Integer.toHexString(name.hashCode())));
        Path esql = Files.writeString(hunts.resolve(name + ".esql"), "from logs-* | where");
        Path toml = Files.writeString(hunts.resolve(name + ".toml"), "not toml = = =");
        Path data = Files.createDirectories(hunts.resolve("data"));
        Files.writeString(data.resolve(name + ".json"), "this is not JSON");
        Files.writeString(data.resolve("good.json"), TrailRecords.recordsFile(new TrailRecords(45).next(3)));
        Path out = hunts.resolve(name + ".csv");
        List<Cli> runs = List.of(
                Cli.run("hunt", "--db", db.toString(), esql.toString()),
                Cli.run("hunt", "--db", db.toString(), hunts.toString()),
                Cli.run("hunt", "--db", db.toString(), "-f", "csv", "-o", out.toString(), "--sql", "select 1"),
                Cli.run("query", "--db", db.toString(), "-f", "csv", "-o", out.toString(), "--sql", "select 1"),
                Cli.run("query", "--data", data.toString(), "--sql", "select count(*) from events"),
                Cli.run("ingest", "--db", hunts.resolve("own.duckdb").toString(), data.toString()),
                Cli.run("hunt", "--db", db.toString(), hunts.resolve(name + ".missing").toString()),
                Cli.run("query", "--db", hunts.resolve(name + ".duckdb").toString(), "--sql", "select 1"));
        for (Cli run : runs) {
            TrailStore.assertNoCrash(run);
            assertTrue(run.errLines().stream().noneMatch(l -> l.startsWith("rejected: forged") || l.startsWith("9 rows from 9")
                    || l.startsWith("gnp")), run.err());
            assertTrue(run.err().contains(Visible.text(name)) || run.errLines().size() <= 2, "the name is shown escaped: " + run.err());
            TALLY.held();
        }
    }

    // ---- (b) CSV

    @Test
    void csvNeutralisesFormulasInTextAndNothingElse() throws Exception {
        Cli run = Cli.run("query", "--db", db.toString(), "--format", "csv", "--esql", SORTED_ACTIONS);
        assertEquals(0, run.code(), run.err());
        List<String> cells = csvColumn(run.out());
        List<String> sorted = HOSTILE.stream().sorted().toList();
        for (int i = 0; i < sorted.size(); i++) {
            String v = sorted.get(i);
            boolean formula = "=+-@\t\r".indexOf(v.charAt(0)) >= 0;
            assertEquals(formula ? "'" + v : v, cells.get(i));
            TALLY.held();
        }
        Cli mixed = Cli.run("query", "--db", db.toString(), "--format", "csv", "--sql",
                "select -5 as n, '-5' as t, -2.5 as d, ['=a', 'b'] as l, 1 as \"=HYPERLINK(1)\", 2 as \"@timestamp\", 3 as \"-x\"");
        assertEquals(0, mixed.code(), mixed.err());
        assertEquals(List.of("n,t,d,l,\"'=HYPERLINK(1)\",@timestamp,\"'-x\"", "-5,\"'-5\",-2.5,\"[=a, b]\",1,2,3"), mixed.out().lines().toList());
        Cli raw = Cli.run("query", "--db", db.toString(), "--format", "csv", "--csv-raw", "--sql", "select '=1+1' as \"=f\"");
        assertEquals(List.of("=f", "=1+1"), raw.out().lines().toList());
        TALLY.held();
    }

    // ---- (c) reports

    @Test
    void markdownReportsKeepEveryValueInsideItsCellOrBlock() throws Exception {
        String text = report("r.md", "from logs-* | stats n = count(*) by event.action, user_agent.original | sort event.action");
        List<String> outside = outsideCodeBlocks(text);
        for (String line : outside) {
            assertFalse(line.startsWith("# injected") || line.contains("<script") || line.contains("<img")
                    || Pattern.compile("(?<!\\\\)\\]\\(javascript:").matcher(line).find(), line);
            assertTrue(TrailStore.printable(line), line);
        }
        List<String> rows = outside.stream().filter(l -> l.matches("\\| \\d+ \\| .*")).toList();
        assertEquals(HOSTILE.size(), rows.size(), String.join("\n", outside));
        for (String row : rows) {
            assertEquals(4, unescapedPipes(row), "three cells, whatever the values hold: " + row);
            TALLY.held();
        }
        // The chart block holds a label per bar and ends where its fence says.
        assertTrue(text.contains("Chart: n by "), text);
        TALLY.held();
    }

    @Test
    void htmlReportsEscapeEveryValue() throws Exception {
        String text = report("r.html", "from logs-* | stats n = count(*) by event.action | sort event.action");
        assertFalse(text.contains("<script") || text.contains("<img"), "raw markup from data");
        assertTrue(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && text.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assertTrue(text.lines().allMatch(TrailStore::printable), "control characters are shown as escapes");
        TALLY.held();
    }

    // ---- (d) outputs that are inputs

    @Test
    void anOutputThatIsAnInputIsRefused() throws Exception {
        Path storeDir = Files.createDirectories(dir.resolve("inputs"));
        Path store = Files.copy(db, storeDir.resolve("v.duckdb"));
        Path link = Files.createSymbolicLink(storeDir.resolve("link.md"), store);
        Path hard = Files.createLink(storeDir.resolve("hard.md"), store);
        Path huntFile = Files.writeString(storeDir.resolve("h.esql"), "from logs-* | stats n = count(*)");
        Path huntLink = Files.createSymbolicLink(storeDir.resolve("h-link.csv"), huntFile);
        Path toml = Files.writeString(storeDir.resolve("t.toml"), "[hunt]\nname = \"t\"\nquery = [\"from logs-* | stats n = count(*)\"]\n");
        byte[] tomlBytes = Files.readAllBytes(toml);
        Path records = logs.resolve("records.json");
        byte[] storeBytes = Files.readAllBytes(store);
        byte[] huntBytes = Files.readAllBytes(huntFile);
        byte[] recordBytes = Files.readAllBytes(records);
        String relative = storeDir.resolve("..").resolve(storeDir.getFileName()).resolve("v.duckdb").toString();
        for (String[] command : new String[][] {
            {"report", "--db", store.toString(), "-o", store.toString(), huntFile.toString()},
            {"report", "--db", store.toString(), "-o", relative, huntFile.toString()},
            {"report", "--db", store.toString(), "-o", link.toString(), huntFile.toString()},
            {"report", "--db", store.toString(), "-o", hard.toString(), huntFile.toString()},
            {"report", "--db", store.toString(), "-o", huntFile.toString(), huntFile.toString()},
            {"hunt", "--db", store.toString(), "-f", "csv", "-o", huntLink.toString(), huntFile.toString()},
            {"hunt", "--db", store.toString(), "-f", "csv", "-o", toml.toString(), storeDir.toString()},
            {"query", "--data", records.toString(), "-f", "csv", "-o", records.toString(), "--sql", "select 1"},
            {"query", "--data", logs.toString(), "-f", "csv", "-o", records.toString(), "--sql", "select 1"},
        }) {
            TrailStore.assertUsageError(Cli.run(command), "--out ");
            assertArrayEquals(storeBytes, Files.readAllBytes(store));
            assertArrayEquals(huntBytes, Files.readAllBytes(huntFile));
            assertArrayEquals(recordBytes, Files.readAllBytes(records));
            assertArrayEquals(tomlBytes, Files.readAllBytes(toml));
            TALLY.held();
        }
        Path other = Files.writeString(storeDir.resolve("old.csv"), "old");
        Cli fine = Cli.run("hunt", "--db", store.toString(), "-f", "csv", "-o", other.toString(), huntFile.toString());
        assertEquals(0, fine.code(), fine.err());
        assertEquals("n\n" + HOSTILE.size() + "\n", Files.readString(other));
        TALLY.held();
    }

    // ---- (e) a failed stdout

    @Test
    void aFailedStdoutIsAnErrorInProcess() {
        for (String[] command : new String[][] {
            {"query", "--db", db.toString(), "--sql", "select 1"},
            {"hunt", "--db", db.toString(), "-f", "json", "secretsmanager_high_frequency_get_secret_value"},
            {"explain", "secretsmanager_high_frequency_get_secret_value"},
            {"hunts", "list"},
        }) {
            CommandLine cl = Main.commandLine();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(new Writer() {
                @Override
                public void write(char[] buf, int off, int len) throws IOException {
                    throw new IOException("No space left on device");
                }

                @Override
                public void flush() throws IOException {
                    throw new IOException("No space left on device");
                }

                @Override
                public void close() {
                }
            }, true));
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute(command);
            assertEquals(command[0].equals("hunts") ? 1 : 3, code, err.toString());
            assertTrue(err.toString().lines().anyMatch(l -> l.endsWith(": cannot write to standard output (disk full or pipe closed?); the output is incomplete")), err.toString());
            TALLY.held();
        }
    }

    @Test
    void aFullDiskOnStdoutIsAnErrorForARealProcess() throws Exception {
        File full = new File("/dev/full");
        assumeTrue(full.exists(), "/dev/full is Linux only");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "query", "--db", db.toString(), "-f", "csv", "--sql", "select * from range(5000)");
        Process p = new ProcessBuilder(cmd).redirectOutput(full).redirectError(ProcessBuilder.Redirect.PIPE).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(3, p.exitValue(), err);
        assertTrue(err.contains("trailhunt query: cannot write to standard output"), err);
        assertFalse(err.contains("Exception"), err);
        TALLY.held();
    }

    // ---- helpers

    /** Writes a report of one ES|QL hunt to {@code fileName} (its extension picks the format) and returns it. */
    private static String report(String fileName, String esql) throws IOException {
        Path hunt = Files.writeString(dir.resolve(fileName + ".esql"), esql);
        Path out = dir.resolve(fileName);
        Cli run = Cli.run("report", "--db", db.toString(), "-o", out.toString(), hunt.toString());
        assertEquals(0, run.code(), run.err());
        return Files.readString(out);
    }

    /** Returns the lines outside fenced code blocks, closing a block only with a fence at least as long as its opener. */
    static List<String> outsideCodeBlocks(String markdown) {
        List<String> out = new ArrayList<>();
        Pattern fence = Pattern.compile("^(`{3,})(.*)$");
        String open = null;
        for (String line : markdown.split("\n", -1)) {
            Matcher m = fence.matcher(line);
            if (open == null) {
                if (m.matches() && !m.group(2).contains("`")) {
                    open = m.group(1);
                } else {
                    out.add(line);
                }
            } else if (m.matches() && m.group(1).length() >= open.length() && m.group(2).isBlank()) {
                open = null;
            }
        }
        assertEquals(null, open, "every code block is closed");
        return out;
    }

    private static int unescapedPipes(String row) {
        int n = 0;
        for (int i = 0; i < row.length(); i++) {
            if (row.charAt(i) == '\\') {
                i++;
            } else if (row.charAt(i) == '|') {
                n++;
            }
        }
        return n;
    }

    /** Parses a one-column RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks) and returns the values below the header. */
    private static List<String> csvColumn(String csv) {
        List<String> values = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '\n') {
                values.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        return values.subList(1, values.size());
    }
}
