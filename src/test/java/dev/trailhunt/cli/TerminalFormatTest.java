package dev.trailhunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Runs queries on the samples at 80 and 120 columns, as a terminal would show them. */
class TerminalFormatTest {
    private static final String EVENTS = "from logs-aws.cloudtrail* | where event.action == \"GetSecretValue\" | sort @timestamp, event.id"
            + " | keep @timestamp, event.action, aws.cloudtrail.user_identity.arn, source.ip, user_agent.original | limit 5";
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    @ParameterizedTest
    @ValueSource(ints = {80, 120})
    void rowsFitTheWidthAndTimestampsAreWhole(int width) throws Exception {
        Cli r = Cli.run("query", "--db", SamplesStore.get().toString(), "--width", Integer.toString(width), "--esql", EVENTS);
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        lines.forEach(l -> assertTrue(l.codePointCount(0, l.length()) <= width, width + ": " + l));
        long times = lines.stream().filter(l -> l.matches("(@timestamp +\\| )?" + TIME + "( \\|.*)?")).count();
        assertEquals(5, times, "five whole timestamps at " + width + ":\n" + r.out());
    }

    @Test
    void verticalOnRequestAndWhenEvenTheShortenedTableDoesNotFit() throws Exception {
        String db = SamplesStore.get().toString();
        Cli asked = Cli.run("query", "--db", db, "-f", "vertical", "--esql", EVENTS);
        assertEquals(0, asked.code(), asked.err());
        assertEquals(5, asked.out().lines().filter(l -> l.matches("-\\[ row \\d \\]-+")).count(), asked.out());
        assertTrue(asked.out().lines().anyMatch(l -> l.matches("source\\.ip +\\| [0-9a-f.:]+")), asked.out());
        Cli narrow = Cli.run("query", "--db", db, "--width", "40", "--esql", EVENTS);
        assertTrue(narrow.out().startsWith("-[ row 1 ]"), narrow.out());
    }
}
