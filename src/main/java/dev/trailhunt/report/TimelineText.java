package dev.trailhunt.report;

import dev.trailhunt.hunt.HuntRun;
import dev.trailhunt.hunt.QueryRun;
import dev.trailhunt.hunt.Timeline;
import dev.trailhunt.model.ResultTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a timeline for the terminal: a summary header (first and last seen, actions by count, addresses,
 * agents, failures), then one compact line per event, oldest first. Log text is shown with control
 * characters escaped ({@link Visible}); lines longer than the width are shortened at the end.
 */
public final class TimelineText {
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int LISTED = 8;

    private TimelineText() {}

    /** Returns the events table of a timeline run (its last query), or null when it did not run. */
    public static ResultTable events(HuntRun run) {
        QueryRun q = run.queries().get(run.queries().size() - 1);
        return q.status() == QueryRun.Status.RAN ? q.table() : null;
    }

    /** Writes the header and the event lines; {@code width} 0 means no limit. */
    public static void write(Timeline timeline, HuntRun run, int width, Writer w) {
        List<String> lines = new ArrayList<>();
        ResultTable summary = run.queries().get(0).table();
        List<Object> s = summary.rows().get(0);
        long events = ((Number) s.get(0)).longValue();
        String who = String.join(" ", timeline.given().stream().map(e -> e.text()).toList());
        if (events == 0) {
            lines.add("timeline of " + who + ": no events");
        } else {
            lines.add("timeline of " + who + " · " + CellText.count(events) + (events == 1 ? " event" : " events")
                    + " · first " + SECOND.format((Instant) s.get(1)) + " · last " + SECOND.format((Instant) s.get(2))
                    + " · " + CellText.count(((Number) s.get(3)).longValue()) + " failed");
        }
        for (String link : timeline.links()) {
            lines.add("linked:    " + link);
        }
        if (events > 0) {
            lines.add("actions:   " + counted(run.queries().get(1).table(), 0, 1));
            lines.add("addresses: " + counted(run.queries().get(2).table(), 0, -1));
            lines.add("agents:    " + counted(run.queries().get(3).table(), 0, -1));
            ResultTable failures = run.queries().get(4).table();
            if (failures.size() > 0) {
                lines.add("failures:  " + counted(failures, 0, 1));
            }
            lines.add("");
            for (List<Object> e : events(run).rows()) {
                lines.add(line(e));
            }
        }
        try {
            for (String l : lines) {
                w.write(fit(Visible.text(l), width));
                w.write('\n');
            }
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lists a STATS result as {@code value (count)}, most first; {@code second} adds a grouping column after "on" when at least 0. */
    private static String counted(ResultTable t, int countColumn, int second) {
        List<String> parts = new ArrayList<>();
        int keyColumn = t.columns().size() - (second >= 0 ? 2 : 1);
        for (List<Object> row : t.rows()) {
            if (parts.size() == LISTED) {
                parts.add("… " + (t.size() - LISTED) + " more");
                break;
            }
            String key = String.valueOf(row.get(keyColumn));
            if (second >= 0) {
                key = key + (t.columns().get(keyColumn + 1).name().equals("event.provider") ? "@" + shortProvider(row.get(keyColumn + 1))
                        : " " + row.get(keyColumn + 1));
            }
            parts.add(key + " " + CellText.count(((Number) row.get(countColumn)).longValue()));
        }
        return String.join(" · ", parts);
    }

    private static String line(List<Object> e) {
        String outcome = e.get(4) != null ? "✗ " + e.get(4) : String.valueOf(e.get(3));
        String agent = e.get(6) == null ? "-" : e.get(6).toString();
        String resource = e.get(7) == null ? "" : e.get(7).toString();
        return SECOND.format((Instant) e.get(0)) + "  " + e.get(1) + "@" + shortProvider(e.get(2)) + "  " + outcome + "  "
                + (e.get(5) == null ? "-" : e.get(5)) + "  " + shorten(agent, 40) + (resource.isEmpty() ? "" : "  " + resource);
    }

    private static String shortProvider(Object provider) {
        String p = String.valueOf(provider);
        return p.endsWith(".amazonaws.com") ? p.substring(0, p.length() - ".amazonaws.com".length()) : p;
    }

    private static String shorten(String s, int max) {
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 1)) + TerminalTable.MARK;
    }

    private static String fit(String line, int width) {
        return width <= 0 ? line : shorten(line, width);
    }

    /** Returns the ES|QL condition that selects the timeline's events, for the stderr note on how to rerun it. */
    public static String rerun(Timeline t) {
        return "FROM logs-aws.cloudtrail-* | WHERE " + t.condition().replace("\n    ", " ");
    }

    /** Counts the events listed, which {@link Timeline#MAX_EVENTS} may have cut. */
    public static boolean cut(HuntRun run) {
        ResultTable e = events(run);
        return e != null && e.size() >= Timeline.MAX_EVENTS;
    }
}
