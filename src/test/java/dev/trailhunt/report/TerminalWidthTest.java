package dev.trailhunt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import dev.trailhunt.model.ValueType;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Checks terminal tables at the widths analysts use, 80 and 120 columns: whole times and numbers, shortened text. */
class TerminalWidthTest {
    private static final String TIME = "2024-10-11T08:55:23.000Z";
    private static final String ARN = "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/alice@example.com";
    private static final String AGENT = "aws-cli/2.13.25 Python/3.11.5 Linux/6.2.0-1012-aws exe/x86_64.ubuntu.22 prompt/off command/secretsmanager.get-secret-value";

    private static final ResultTable WIDE = new ResultTable(List.of(
            new ResultColumn("@timestamp", ValueType.DATETIME),
            new ResultColumn("event.action", ValueType.KEYWORD),
            new ResultColumn("aws.cloudtrail.user_identity.arn", ValueType.KEYWORD),
            new ResultColumn("source.ip", ValueType.IP),
            new ResultColumn("user_agent.original", ValueType.KEYWORD),
            new ResultColumn("request_count", ValueType.LONG)),
            List.of(Arrays.asList(Instant.parse(TIME), "GetSecretValue", ARN, "2001:db8:85a3::8a2e:370:7334", AGENT, 1234567890123L),
                    Arrays.asList(Instant.parse("2024-10-11T09:00:00Z"), "ListSecrets", "arn:aws:iam::111122223333:user/bob", "198.51.100.77", null, 7L)));

    @ParameterizedTest
    @ValueSource(ints = {80, 120})
    void timestampsNumbersAndAddressesStayWholeAndTextGivesWay(int width) {
        StringWriter w = new StringWriter();
        boolean shortened = new TerminalTable(width, false).write(WIDE, w);
        List<String> lines = w.toString().lines().toList();
        lines.forEach(l -> assertTrue(l.codePointCount(0, l.length()) <= width, width + ": " + l));
        String text = w.toString();
        if (lines.get(0).startsWith("-[ row 1 ]")) {
            // Vertical rows: one field per line; the values that must stay whole are whole.
            assertTrue(lines.contains("@timestamp" + " ".repeat(lines.get(1).indexOf('|') - "@timestamp".length()) + "| " + TIME), text);
            assertTrue(text.contains("alice@example.com"), "an ARN keeps its telling end: " + text);
        } else {
            assertEquals(4, lines.size(), text);
            assertTrue(lines.get(2).startsWith(TIME + " | GetSecretValue | "), text);
        }
        assertTrue(text.contains("2001:db8:85a3::8a2e:370:7334"), text);
        assertTrue(text.contains("1234567890123"), text);
        assertTrue(text.contains("198.51.100.77"), text);
        assertTrue(shortened && text.contains(TerminalTable.MARK), "the agent and ARN are shortened");
    }

    @Test
    void at120TheWideTableStaysATableAndAt80ItStillFits() {
        StringWriter w120 = new StringWriter();
        new TerminalTable(120, false).write(WIDE, w120);
        assertTrue(w120.toString().startsWith("@timestamp "), w120.toString());
        StringWriter w80 = new StringWriter();
        new TerminalTable(80, false).write(WIDE, w80);
        // 24 (time) + 28 (address) + 13 (count) + 8 + 8 + 8 (text at least) + 5 separators of 3 = 104 > 80.
        assertTrue(w80.toString().startsWith("-[ row 1 ]"), "even shortened, six columns do not fit 80: " + w80);
    }

    @Test
    void aTableThatFitsIsNeverCut() {
        ResultTable small = new ResultTable(List.of(new ResultColumn("@timestamp", ValueType.DATETIME), new ResultColumn("n", ValueType.LONG)),
                List.of(Arrays.asList(Instant.parse(TIME), 3L)));
        StringWriter w = new StringWriter();
        assertFalse(new TerminalTable(80, false).write(small, w));
        assertEquals("""
                @timestamp               | n
                -------------------------+--
                2024-10-11T08:55:23.000Z | 3
                """, w.toString());
    }

    @Test
    void verticalRowsOnRequest() {
        StringWriter w = new StringWriter();
        new TerminalTable(0, false, true).write(WIDE, w);
        List<String> lines = w.toString().lines().toList();
        assertEquals("-[ row 1 ]" + "-".repeat(lines.get(0).length() - 10), lines.get(0));
        assertEquals("@timestamp                       | " + TIME, lines.get(1));
        assertEquals("aws.cloudtrail.user_identity.arn | " + ARN, lines.get(3));
        assertEquals("user_agent.original              | null", lines.get(12));
        assertEquals(14, lines.size(), w.toString());
    }
}
