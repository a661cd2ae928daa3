package dev.trailhunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the README's "investigation in ten commands" verbatim, in order, and checks what each one shows. */
class WalkthroughTest {
    private static final Path README = Path.of("README.md");
    private static final List<Path> WRITTEN = List.of(Path.of("walkthrough.duckdb"), Path.of("walkthrough.duckdb.wal"), Path.of("walkthrough.html"));

    /** Returns the {@code ./trailhunt} command lines between the walkthrough markers. */
    static List<String> commands() throws Exception {
        return commands("walkthrough");
    }

    /** Returns the {@code ./trailhunt} command lines between the README's {@code <!-- NAME:begin -->} and {@code <!-- NAME:end -->}. */
    static List<String> commands(String name) throws Exception {
        String text = Files.readString(README);
        int begin = text.indexOf("<!-- " + name + ":begin -->");
        int end = text.indexOf("<!-- " + name + ":end -->");
        assertTrue(begin >= 0 && end > begin, "README has the " + name + " markers");
        return text.substring(begin, end).lines().filter(l -> l.startsWith("./trailhunt ")).toList();
    }

    /** Splits a command line as sh does for plain words and single- or double-quoted strings without escapes. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == ' ') {
                if (inWord) {
                    out.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(c);
                inWord = true;
            }
        }
        assertEquals(0, quote, "unterminated quote in " + line);
        if (inWord) {
            out.add(w.toString());
        }
        return out;
    }

    @Test
    void tenCommandsRunVerbatimAndTellTheStory() throws Exception {
        assumeTrue(Files.isDirectory(SamplesStore.SAMPLES), "samples/cloudtrail absent");
        for (Path p : WRITTEN) {
            assumeFalse(Files.exists(p), p + " exists; the walkthrough would reuse it");
        }
        List<String> commands = commands();
        assertEquals(10, commands.size(), String.join("\n", commands));
        List<Cli> results = new ArrayList<>();
        try {
            for (String line : commands) {
                List<String> args = words(line);
                Cli r = Cli.run(args.subList(1, args.size()).toArray(String[]::new));
                assertEquals(0, r.code(), line + "\n" + r.err());
                results.add(r);
            }
            assertTrue(results.get(1).out().startsWith("4 queries: 4 with hits, 0 empty\n"), results.get(1).out());
            assertTrue(results.get(2).err().contains("bound 2026-11-26T00:00:00Z ≤ @timestamp"), results.get(2).err());
            assertTrue(results.get(3).out().contains("aws.cloudtrail.user_identity.arn == \"arn:aws:iam::111122223333:user/legacy-reporting\""),
                    results.get(3).out());
            assertTrue(results.get(4).out().startsWith("timeline of --arn arn:aws:iam::111122223333:user/legacy-reporting · 68 events"),
                    results.get(4).out());
            assertTrue(results.get(5).out().lines().anyMatch(l -> l.matches(" *68 \\| 2026-11-26T13:37:00.000Z \\| legacy-reporting")), results.get(5).out());
            assertTrue(results.get(6).out().contains("-- events behind row 1\n") && results.get(6).out().contains("CreateAccessKey"), results.get(6).out());
            assertTrue(results.get(7).out().startsWith("timeline of --access-key AKIAY2SOE8DUFC7VN7FP · 1 event · "), results.get(7).out());
            assertTrue(results.get(8).out().lines().anyMatch(l -> l.matches(" *37 \\| GetSecretValue .*legacy-reporting.*")), results.get(8).out());
            assertTrue(Files.readString(Path.of("walkthrough.html")).contains("Events behind each row"));
        } finally {
            for (Path p : WRITTEN) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void theLoopRunsVerbatimAndEveryReportVerifies() throws Exception {
        assumeTrue(Files.isDirectory(SamplesStore.SAMPLES), "samples/cloudtrail absent");
        List<Path> written = List.of(Path.of("loop.duckdb"), Path.of("loop.duckdb.wal"), Path.of("loop.html"), Path.of("loop.ipynb"));
        for (Path p : written) {
            assumeFalse(Files.exists(p), p + " exists; the loop would reuse it");
        }
        List<String> commands = commands("loop");
        assertEquals(7, commands.size(), String.join("\n", commands));
        List<Cli> results = new ArrayList<>();
        try {
            for (String line : commands) {
                List<String> args = words(line);
                Cli r = Cli.run(args.subList(1, args.size()).toArray(String[]::new));
                assertEquals(0, r.code(), line + "\n" + r.out() + r.err());
                results.add(r);
            }
            // The sample rules: StopLogging and DeleteTrail (two alerts of the high rule), CreateAccessKey (one of the medium).
            assertTrue(results.get(2).out().contains(": 2 fired, 3 alerts; 0 not run, 0 failed\n"), results.get(2).out());
            String html = Files.readString(Path.of("loop.html"));
            assertTrue(html.indexOf("<h2>Alerts: Sample: CloudTrail Trail Stopped or Deleted</h2>")
                    < html.indexOf("<h2>Alerts: Sample: IAM Access Key Created</h2>"), "the high rule first");
            assertTrue(html.contains("<td>StopLogging</td>") && html.contains("<td>DeleteTrail</td>") && html.contains("<td>CreateAccessKey</td>"),
                    "the events behind the alerts");
            for (int i : new int[] {4, 6}) {
                assertTrue(results.get(i).out().contains("secretsmanager_high_frequency_get_secret_value: same rows (9)\n"
                        + "alerts: same alerts (3)\nalerts: events behind them: same rows (3)\nverdict: verified\n"), results.get(i).out());
            }
        } finally {
            for (Path p : written) {
                Files.deleteIfExists(p);
            }
        }
    }
}
