package dev.trailhunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.engine.QueryLimits;
import dev.trailhunt.hunt.HuntLibrary;
import dev.trailhunt.hunt.HuntSession;
import dev.trailhunt.hunt.NowSpec;
import dev.trailhunt.hunt.TranslatingCompiler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives {@code trailhunt shell}'s command loop with scripted input through a real JLine reader on a dumb terminal. */
class ShellTest {
    private static final String TOP_ACTIONS = "from logs-aws.cloudtrail* | stats n = count(*) by event.action | sort n desc, event.action | limit 3";

    @TempDir Path dir;

    private record Session(int code, String out, String err, String history) {}

    private Session session(String script) throws Exception {
        return session(script, "dumb");
    }

    /** Runs a script through JLine on a terminal of the given type ("xterm" completes on Tab, as a real one). */
    private Session session(String script, String type) throws Exception {
        Path history = dir.resolve("history");
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        HuntLibrary library = HuntLibrary.load();
        try (HuntSession s = HuntSession.open(SamplesStore.get(), null, NowSpec.parse("latest"), Clock.systemUTC(),
                TranslatingCompiler::forStore, QueryLimits.defaults());
                Terminal terminal = TerminalBuilder.builder().system(false).dumb(type.equals("dumb")).type(type)
                        .streams(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), screen).build()) {
            LineReader reader = ShellCommand.reader(terminal, new ShellCompleter(s.runner(), library), history);
            int code = new Shell(s.runner(), library, ShellCommand.lines(reader), new PrintWriter(out, true), new PrintWriter(err, true), "test").run();
            reader.getHistory().save();
            return new Session(code, out.toString(), err.toString(), Files.exists(history) ? Files.readString(history) : "");
        }
    }

    @Test
    void multiLineQueryGivesWhatTheQueryCommandGives() throws Exception {
        Session s = session("""
                from logs-aws.cloudtrail*
                | stats n = count(*) by event.action
                | sort n desc, event.action | limit 3;
                \\q
                """);
        assertEquals(0, s.code(), s.err());
        Cli one = Cli.run("query", "--db", SamplesStore.get().toString(), "--esql", TOP_ACTIONS);
        assertEquals(0, one.code(), one.err());
        assertEquals(one.out(), s.out());
        assertTrue(s.err().contains("3 rows in "), s.err());
    }

    @Test
    void blankLineAlsoEndsAQueryAndEveryLineIsInTheHistory() throws Exception {
        Session s = session("from logs-aws.cloudtrail*\n| stats n = count(*)\n\n\\q\n");
        assertEquals(Cli.run("query", "--db", SamplesStore.get().toString(), "--esql", "from logs-aws.cloudtrail* | stats n = count(*)").out(),
                s.out());
        assertTrue(s.history().contains("| stats n = count(*)"), s.history());
    }

    @Test
    void anErrorIsOneLineWithItsCaretAndTheSessionGoesOn() throws Exception {
        Session s = session("""
                from logs-aws.cloudtrail* | where no_such_field == 1;
                \\bogus
                \\hunt no_such_hunt
                \\sql
                SELECT count(*) AS n FROM no_such_table;
                SELECT count(*) AS n FROM events;
                \\q
                """);
        assertEquals(0, s.code());
        List<String> err = s.err().lines().toList();
        assertFalse(s.err().contains("Exception") || s.err().contains("\tat "), s.err());
        String unknown = err.stream().filter(l -> l.contains("no_such_field")).findFirst().orElseThrow();
        assertTrue(unknown.matches("(?i).*\\b1:35\\b.*"), "the error names line:col: " + unknown);
        int at = err.indexOf(unknown);
        assertTrue(err.get(at + 2).strip().equals("^"), "a caret under the column follows the excerpt: " + err);
        assertTrue(err.stream().anyMatch(l -> l.equals("unknown command \\bogus; \\help lists the commands")), s.err());
        assertTrue(err.stream().anyMatch(l -> l.startsWith("unknown hunt 'no_such_hunt'")), s.err());
        assertTrue(err.stream().anyMatch(l -> l.contains("no_such_table")), s.err());
        // The session went on after every error: the last SQL ran and printed the store's event count.
        Cli count = Cli.run("query", "--db", SamplesStore.get().toString(), "--sql", "SELECT count(*) AS n FROM events");
        assertEquals(count.out(), s.out());
    }

    @Test
    void huntsRunByNameAndVerticalRowsShowOneFieldPerLine() throws Exception {
        Session s = session("""
                \\hunt secretsmanager_high_frequency_get_secret_value
                \\x
                from logs-aws.cloudtrail* | where event.action == "GetSecretValue" | sort @timestamp | keep @timestamp, event.action | limit 1;
                \\q
                """);
        // The story's odd one out: one user reading forty secrets from one address with the CLI.
        assertTrue(s.out().lines().anyMatch(l -> l.matches(" +40 \\| GetSecretValue +\\| arn:aws:iam::111122223333:user/legacy-reporting +\\| 198\\.51\\.100\\.77 +\\| aws-cli")), s.out() + s.err());
        List<String> lines = s.out().lines().toList();
        int row = lines.indexOf(lines.stream().filter(l -> l.startsWith("-[ row 1 ]")).findFirst().orElseThrow());
        assertTrue(lines.get(row + 1).matches("@timestamp +\\| \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), lines.get(row + 1));
        assertTrue(lines.get(row + 2).matches("event\\.action +\\| GetSecretValue"), lines.get(row + 2));
    }

    @Test
    void fieldsExplainAndReport() throws Exception {
        Path report = dir.resolve("session.md");
        Session s = session("""
                \\fields source.*
                \\explain from logs-aws.cloudtrail* | where event.action == "GetSecretValue" | limit 1
                from logs-aws.cloudtrail* | stats n = count(*);
                \\report %s
                \\q
                """.formatted(report));
        List<String> fields = s.out().lines().filter(l -> l.startsWith("source.")).map(l -> l.split(" ")[0]).toList();
        assertTrue(fields.contains("source.ip") && fields.contains("source.geo.country_iso_code"), s.out() + s.err());
        assertFalse(s.out().lines().anyMatch(l -> l.startsWith("event.action ")), "the pattern filters fields");
        assertTrue(s.out().contains("-- DuckDB SQL") && s.out().contains("\"event.action\""), s.out());
        String md = Files.readString(report);
        assertTrue(md.contains("from logs-aws.cloudtrail* | stats n = count(*)"), md);
        assertTrue(s.err().contains("wrote " + report), s.err());
    }

    @Test
    void completionOffersCommandsHuntsFieldsAndFunctions() throws Exception {
        try (HuntSession s = HuntSession.open(SamplesStore.get(), null, NowSpec.parse("latest"), Clock.systemUTC(),
                TranslatingCompiler::forStore, QueryLimits.defaults())) {
            ShellCompleter c = new ShellCompleter(s.runner(), HuntLibrary.load());
            assertTrue(c.candidates(List.of("\\"), 0).containsAll(List.of("\\sql", "\\fields", "\\hunt", "\\q")));
            assertTrue(c.candidates(List.of("\\"), 0).contains("\\timeline"));
            assertTrue(c.candidates(List.of("\\hunt", ""), 1).contains("secretsmanager_high_frequency_get_secret_value"));
            List<String> words = new ArrayList<>(c.candidates(List.of("from", "logs-*", "|", "stats", ""), 4));
            assertTrue(words.containsAll(List.of("event.action", "@timestamp", "COUNT", "COUNT_DISTINCT", "DATE_TRUNC")), words.toString());
        }
    }

    @Test
    void tabCompletesABackslashCommandThroughJLineWithoutEscapingIt() throws Exception {
        // "\hu" + Tab becomes "\hunt " (not "\\hunt"); run with no name, it asks for one.
        Session s = session("\\hu\t\r\\q\r", "xterm");
        assertTrue(s.err().contains("\\hunt NAME...: give a built-in hunt name"), s.err());
        assertFalse(s.err().contains("unknown command"), s.err());
    }

    @Test
    void tabCompletesFunctionsAndTheFieldInsideTheirParentheses() throws Exception {
        // COUNT_DI + Tab → COUNT_DISTINCT( ; user.nam + Tab → user.name (the only field starting so).
        Session s = session("from logs-aws.cloudtrail* | stats n = COUNT_DI\tuser.nam\t) | keep n;\r\\q\r", "xterm");
        Cli one = Cli.run("query", "--db", SamplesStore.get().toString(), "--esql",
                "from logs-aws.cloudtrail* | stats n = COUNT_DISTINCT(user.name) | keep n");
        assertEquals(0, one.code(), one.err());
        assertEquals(one.out(), s.out(), s.err());
    }

    @Test
    void pipedInputRunsWithoutPrompts() throws Exception {
        var saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("from logs-aws.cloudtrail* | stats n = count(*);\n".getBytes(StandardCharsets.UTF_8)));
            Cli r = Cli.run("shell", "--db", SamplesStore.get().toString());
            assertEquals(0, r.code(), r.err());
            assertEquals(Cli.run("query", "--db", SamplesStore.get().toString(), "--esql", "from logs-aws.cloudtrail* | stats n = count(*)").out(),
                    r.out());
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void timelineListsTheSameEventsAsTheTimelineCommand() throws Exception {
        String arn = "arn:aws:iam::111122223333:user/legacy-reporting";
        Session s = session("\\timeline --bogus x\n\\timeline --arn " + arn + "\n\\q\n");
        assertEquals(0, s.code(), s.err());
        assertTrue(s.err().lines().anyMatch(l -> l.startsWith("\\timeline: expected --arn")), s.err());
        Cli cli = Cli.run("timeline", "--db", SamplesStore.get().toString(), "--arn", arn, "-f", "csv");
        assertEquals(0, cli.code(), cli.err());
        long expected = cli.out().lines().filter(l -> l.contains("GetSecretValue")).count();
        // The README's story: this identity read forty secrets.
        assertTrue(expected >= 40, cli.out());
        // One line per event, each starting with its time: the summary lines above them name actions too.
        assertEquals(expected, s.out().lines().filter(l -> l.matches("^\\d{4}-\\d\\d-\\d\\dT.*GetSecretValue@.*")).count(), s.out());
    }
}
