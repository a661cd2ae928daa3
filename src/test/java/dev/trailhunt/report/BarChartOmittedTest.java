package dev.trailhunt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import dev.trailhunt.model.ValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A chart that leaves rows out says so truthfully: rows equal to the last bar are not "smaller". */
class BarChartOmittedTest {
    private static ResultTable counts(long... values) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            rows.add(Arrays.asList(values[i], String.format("user-%02d", i)));
        }
        return new ResultTable(List.of(new ResultColumn("n", ValueType.LONG), new ResultColumn("user.name", ValueType.KEYWORD)), rows);
    }

    @Test
    void equalCountsAreNotSmallerRows() {
        long[] ties = new long[30];
        Arrays.fill(ties, 5);
        // 30 rows of 5: 25 bars are drawn, and the 5 left out are as large as every bar.
        assertEquals("5 more rows of 5 or less not shown", BarChart.of(counts(ties)).orElseThrow().omittedText());
        long[] falling = new long[30];
        for (int i = 0; i < 30; i++) {
            falling[i] = 100 - i;
        }
        // Bars 100..76 are drawn; 75..71 are smaller than the last one.
        assertEquals("5 smaller rows not shown", BarChart.of(counts(falling)).orElseThrow().omittedText());
        long[] one = new long[26];
        Arrays.fill(one, 2);
        assertEquals("1 more row of 2 or less not shown", BarChart.of(counts(one)).orElseThrow().omittedText());
    }

    @Test
    void anIdentityIsCutTheSameWayOnEveryBar() {
        String arn = "arn:aws:sts::111122223333:assumed-role/orders-lambda-role/orders-handler";
        ResultTable t = new ResultTable(List.of(new ResultColumn("n", ValueType.LONG), new ResultColumn("arn", ValueType.KEYWORD),
                new ResultColumn("source.ip", ValueType.KEYWORD)),
                List.of(Arrays.asList(6L, arn, "44.204.17.88"), Arrays.asList(3L, arn, "44.204.17.90"),
                        Arrays.asList(2L, "arn:aws:iam::111122223333:user/carol.diaz", "192.0.2.44")));
        List<String> labels = BarChart.of(t).orElseThrow().labels(60);
        String first = labels.get(0).substring(0, labels.get(0).indexOf(" · "));
        String second = labels.get(1).substring(0, labels.get(1).indexOf(" · "));
        assertEquals(first, second);
        assertEquals(TerminalTable.shorten(arn, first.length()), first, "the terminal's rule");
        labels.forEach(l -> assertEquals(true, l.length() <= 60, l));
    }
}
