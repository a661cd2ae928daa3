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
import org.junit.jupiter.api.Test;

class RowWritersTest {
    private static final ResultTable TABLE = new ResultTable(
            List.of(new ResultColumn("@timestamp", ValueType.DATETIME), new ResultColumn("n", ValueType.LONG),
                    new ResultColumn("user.name", ValueType.KEYWORD), new ResultColumn("ratio", ValueType.DOUBLE),
                    new ResultColumn("ok", ValueType.BOOLEAN)),
            List.of(Arrays.asList(Instant.parse("2024-10-11T08:55:23Z"), 3L, "alice", 0.5, true),
                    Arrays.asList(null, 12L, List.of("bob", "o\"neil, jr"), null, null)));

    @Test
    void csvQuotesOnlyWhenNeededAndLeavesNullsEmpty() {
        StringWriter w = new StringWriter();
        CsvWriter.write(TABLE, w);
        assertEquals("""
                @timestamp,n,user.name,ratio,ok
                2024-10-11T08:55:23.000Z,3,alice,0.5,true
                ,12,"[bob, o""neil, jr]",,
                """, w.toString());
    }

    @Test
    void jsonIsAnArrayOfObjectsAsEsqlPrintsValues() {
        StringWriter w = new StringWriter();
        JsonWriter.writeArray(TABLE, w);
        assertEquals("""
                [
                  {
                    "@timestamp" : "2024-10-11T08:55:23.000Z",
                    "n" : 3,
                    "user.name" : "alice",
                    "ratio" : 0.5,
                    "ok" : true
                  },
                  {
                    "@timestamp" : null,
                    "n" : 12,
                    "user.name" : [
                      "bob",
                      "o\\"neil, jr"
                    ],
                    "ratio" : null,
                    "ok" : null
                  }
                ]
                """, w.toString());
    }

    @Test
    void ndjsonIsOneCompactObjectPerLine() {
        StringWriter w = new StringWriter();
        JsonWriter.writeLines(TABLE, w);
        assertEquals("""
                {"@timestamp":"2024-10-11T08:55:23.000Z","n":3,"user.name":"alice","ratio":0.5,"ok":true}
                {"@timestamp":null,"n":12,"user.name":["bob","o\\"neil, jr"],"ratio":null,"ok":null}
                """, w.toString());
    }

    @Test
    void terminalTableAlignsNumbersAndShowsNulls() {
        StringWriter w = new StringWriter();
        assertFalse(new TerminalTable(0, false).write(TABLE, w));
        assertEquals("""
                @timestamp               |  n | user.name         | ratio | ok
                -------------------------+----+-------------------+-------+-----
                2024-10-11T08:55:23.000Z |  3 | alice             |   0.5 | true
                null                     | 12 | [bob, o"neil, jr] |  null | null
                """, w.toString());
    }

    @Test
    void terminalTableShortensTheWidestColumnsInTheMiddle() {
        String arn = "arn:aws:sts::111122223333:assumed-role/very-long-role-name/session-0001";
        ResultTable t = new ResultTable(List.of(new ResultColumn("count", ValueType.LONG), new ResultColumn("arn", ValueType.KEYWORD)),
                List.of(Arrays.asList(1L, arn)));
        StringWriter w = new StringWriter();
        assertTrue(new TerminalTable(40, false).write(t, w));
        List<String> lines = w.toString().lines().toList();
        lines.forEach(l -> assertTrue(l.length() <= 40, l));
        String cell = lines.get(2).substring(lines.get(2).indexOf("| ") + 2);
        assertTrue(cell.startsWith("arn:aws:sts:") && cell.endsWith("/session-0001") && cell.contains(TerminalTable.MARK), cell);
    }

    @Test
    void colourOnlyWhenAsked() {
        StringWriter w = new StringWriter();
        new TerminalTable(0, true).write(TABLE, w);
        assertTrue(w.toString().contains("\u001b[1m@timestamp"));
        assertTrue(w.toString().contains("\u001b[2mnull"));
    }

    @Test
    void chartNeedsANumberAndVaryingLabels() {
        BarChart c = BarChart.of(TABLE).orElseThrow();
        assertEquals("n by @timestamp, user.name, ok", c.title());
        assertEquals(12.0, c.bars().get(0).value());
        ResultTable one = new ResultTable(TABLE.columns(), List.of(TABLE.rows().get(0)));
        assertTrue(BarChart.of(one).isEmpty(), "one row needs no chart");
        // 30 - 3 for the separator leaves 20 for the ARN: 7 of its start, the mark, 12 of its end.
        assertEquals("aws-cli · arn:aws…3:user/alice",
                new BarChart.Bar(List.of("aws-cli", "arn:aws:iam::111122223333:user/alice"), 1).label(30));
    }
}
