package dev.trailhunt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.engine.InputFile;
import dev.trailhunt.engine.StoreProfile;
import dev.trailhunt.hunt.HuntDefinition;
import dev.trailhunt.hunt.HuntRun;
import dev.trailhunt.hunt.QueryLanguage;
import dev.trailhunt.hunt.QueryRun;
import dev.trailhunt.hunt.ResolvedNow;
import dev.trailhunt.hunt.RunResult;
import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import dev.trailhunt.model.ValueType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seals runs into reports and reads the manifest back: values round-trip exactly, edits are told apart. */
class ReportManifestTest {
    private static final List<ResultColumn> COLUMNS = List.of(new ResultColumn("t", ValueType.DATETIME),
            new ResultColumn("n", ValueType.LONG), new ResultColumn("x", ValueType.DOUBLE), new ResultColumn("s", ValueType.KEYWORD),
            new ResultColumn("many", ValueType.KEYWORD), new ResultColumn("i", ValueType.INTEGER), new ResultColumn("b", ValueType.BOOLEAN));

    private static List<Object> row(Object... values) {
        return java.util.Collections.unmodifiableList(Arrays.asList(values));
    }

    private static ResultTable tricky() {
        return new ResultTable(COLUMNS, List.of(
                row(Instant.parse("2024-10-11T08:55:23.123456789Z"), Long.MAX_VALUE, 0.1 + 0.2, "quote \" back \\ \u202e bidi", List.of("a", "b"), 7, true),
                row(null, -1L, Double.NaN, "", null, null, false),
                row(Instant.parse("1970-01-01T00:00:00Z"), 0L, Double.NEGATIVE_INFINITY, "日本語 \n line", Arrays.asList("x", null), -3, null)));
    }

    private static RunResult run(ResultTable table) {
        HuntDefinition hunt = HuntDefinition.adHoc(QueryLanguage.ESQL, "from logs-aws.cloudtrail* | limit 3");
        QueryRun q = new QueryRun(hunt.queries().get(0), QueryRun.Status.RAN, "select 1", table, "", List.of());
        StoreProfile profile = new StoreProfile(3, Instant.parse("2024-10-10T00:00:00Z"), Instant.parse("2024-10-11T08:55:23Z"),
                List.of(new InputFile("logs/a.json", 10, "ab".repeat(32), "records", 3, "loaded", "")), "v1.5.6");
        return new RunResult(profile, new ResolvedNow(Instant.parse("2024-10-11T08:55:23Z"), "latest event"), List.of(new HuntRun(hunt, List.of(q))), "0.1.0");
    }

    @Test
    void rowsRoundTripExactlyThroughTheManifest() {
        String doc = MarkdownReport.render(run(tricky()));
        ReportManifest.Manifest m = ReportManifest.read(doc);
        assertEquals("", m.problem());
        assertTrue(m.intact());
        assertTrue(m.visibleIntact());
        ReportManifest.Run r = m.runs().get(0);
        assertEquals(Instant.parse("2024-10-11T08:55:23Z"), r.now());
        assertEquals("latest event", r.nowSource());
        assertEquals(List.of(new ReportManifest.Input("logs/a.json", "ab".repeat(32), 10, "loaded")), r.inputs());
        ResultTable back = r.hunts().get(0).queries().get(0).table();
        assertEquals(COLUMNS, back.columns());
        assertTrue(RowDiff.of(tricky(), back).same(), "nanoseconds, NaN, infinities, nulls in lists and controls survive");
        assertEquals(Instant.parse("2024-10-11T08:55:23.123456789Z"), back.rows().get(0).get(0));
        assertEquals(0.30000000000000004, back.rows().get(0).get(2));
        assertEquals(Long.MAX_VALUE, back.rows().get(0).get(1));
        assertEquals(7, back.rows().get(0).get(5));
    }

    @Test
    void theManifestIsMailSafeAndItsEndIsTheOnlyChange() {
        String doc = MarkdownReport.render(run(tricky()));
        int at = doc.lastIndexOf(ReportManifest.MARKER);
        String manifest = doc.substring(at);
        assertTrue(manifest.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f)), "ASCII only");
        assertTrue(manifest.lines().allMatch(l -> l.length() <= 100), "short lines");
        String rewrapped = doc.substring(0, at) + manifest.replace(" sha256=", "\r\n sha256=").replace("\n", "\r\n> ");
        ReportManifest.Manifest m = ReportManifest.read(rewrapped);
        assertTrue(m.intact() && m.visibleIntact(), "a re-wrapped, CRLF, quoted manifest still reads: " + m.problem());
        assertTrue(manifest.endsWith("\n-->\n"));
        assertFalse(manifest.substring(4, manifest.length() - 4).contains("--"), "nothing inside can close the comment early");
        assertEquals(doc, MarkdownReport.render(run(tricky())), "the same run gives the same bytes");
        String html = HtmlReport.render(run(tricky()));
        assertTrue(html.substring(0, html.lastIndexOf(ReportManifest.MARKER)).endsWith("</html>\n\n"), "HTML keeps the comment after the page");
    }

    @Test
    void aChangedRowIsPairedAndTheOthersAreAddedOrRemoved() {
        List<ResultColumn> cols = List.of(new ResultColumn("count", ValueType.LONG), new ResultColumn("user", ValueType.KEYWORD),
                new ResultColumn("ip", ValueType.IP));
        ResultTable before = new ResultTable(cols, List.of(row(2L, "alice", "10.0.0.1"), row(1L, "carol", "10.0.0.3"), row(1L, "carol", "10.0.0.3")));
        ResultTable after = new ResultTable(cols, List.of(row(1L, "carol", "10.0.0.3"), row(3L, "alice", "10.0.0.1"), row(1L, "bob", "192.0.2.9")));
        RowDiff d = RowDiff.of(before, after);
        assertFalse(d.same());
        assertEquals(List.of(new RowDiff.Change(row(2L, "alice", "10.0.0.1"), row(3L, "alice", "10.0.0.1"))), d.changed());
        assertEquals(List.of(row(1L, "bob", "192.0.2.9")), d.added());
        assertEquals(List.of(row(1L, "carol", "10.0.0.3")), d.removed(), "one of the two identical rows is gone");
        assertEquals(List.of("+ 1 | bob | 192.0.2.9", "- 1 | carol | 10.0.0.3", "~ 2 | alice | 10.0.0.1: count 2 → 3"), d.lines(cols));
        assertTrue(RowDiff.of(before, new ResultTable(cols, List.of(before.rows().get(2), before.rows().get(0), before.rows().get(1)))).same(),
                "order does not matter");
        assertNotEquals(ManifestValues.rowsSha256(before), ManifestValues.rowsSha256(after));
    }

    @Test
    void visibleTextHashIgnoresMailLineEndsButNotContent() {
        String text = "# t\n\n| a |\n|---|\n| 1 |\n";
        assertEquals(ReportManifest.visibleSha256(text), ReportManifest.visibleSha256(text.replace("\n", "\r\n")));
        assertEquals(ReportManifest.visibleSha256(text), ReportManifest.visibleSha256(text.replace("| a |", "| a |  ")));
        assertNotEquals(ReportManifest.visibleSha256(text), ReportManifest.visibleSha256(text.replace("| 1 |", "| 2 |")));
    }
}
