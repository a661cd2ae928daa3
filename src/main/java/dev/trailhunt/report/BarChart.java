package dev.trailhunt.report;

import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses a horizontal bar chart for a result when one helps: a count-like number per row of
 * STATS output, labelled by the columns that tell rows apart (e.g. request counts per identity).
 *
 * @param title what is measured and by what, e.g. {@code request_counts by aws.cloudtrail.user_identity.arn}
 * @param bars the bars, largest first (ties by label)
 * @param omitted how many rows were left out, none larger than the last bar
 * @param omittedMax the largest value left out (0 when none was)
 */
public record BarChart(String title, List<Bar> bars, int omitted, double omittedMax) {
    /** Caps the number of bars so the chart stays readable. */
    public static final int MAX_BARS = 25;

    public BarChart {
        bars = List.copyOf(bars);
    }

    /**
     * Holds one bar.
     *
     * @param parts the values of the label columns
     * @param value the measured number
     */
    public record Bar(List<String> parts, double value) {
        static final String JOIN = " · ";

        public Bar {
            parts = List.copyOf(parts);
        }

        /** Returns the full label. */
        public String label() {
            return String.join(JOIN, parts);
        }

        /**
         * Returns the label in at most {@code max} characters, shortening the longest part first so
         * that short parts (addresses, agents) stay whole and ARNs keep their principal name.
         */
        public String label(int max) {
            int[] widths = parts.stream().mapToInt(p -> p.codePointCount(0, p.length())).toArray();
            int budget = max - JOIN.length() * (parts.size() - 1);
            int total = java.util.Arrays.stream(widths).sum();
            while (total > budget) {
                int longest = 0;
                for (int i = 1; i < widths.length; i++) {
                    if (widths[i] > widths[longest]) {
                        longest = i;
                    }
                }
                if (widths[longest] <= 4) {
                    break;
                }
                widths[longest]--;
                total--;
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                out.add(TerminalTable.shorten(parts.get(i), widths[i]));
            }
            return String.join(JOIN, out);
        }
    }

    /**
     * Says how many rows the chart leaves out without calling rows of the last bar's value "smaller":
     * {@code 3 smaller rows not shown}, or {@code 3 more rows of 12 or less not shown} when ties were cut.
     */
    public String omittedText() {
        double last = bars.get(bars.size() - 1).value();
        String rows = omitted == 1 ? " row" : " rows";
        if (omittedMax < last) {
            return omitted + " smaller" + rows + " not shown";
        }
        return omitted + " more" + rows + " of " + valueText(omittedMax) + " or less not shown";
    }

    /**
     * Returns every bar's label in at most {@code max} characters, each column of the label cut to one
     * width for all bars, so that one identity reads the same on every bar (and as the terminal cuts it).
     */
    public List<String> labels(int max) {
        int columns = bars.get(0).parts().size();
        int[] widths = new int[columns];
        for (Bar b : bars) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], b.parts().get(i).codePointCount(0, b.parts().get(i).length()));
            }
        }
        int budget = max - Bar.JOIN.length() * (columns - 1);
        int total = java.util.Arrays.stream(widths).sum();
        while (total > budget) {
            int widest = 0;
            for (int i = 1; i < columns; i++) {
                if (widths[i] > widths[widest]) {
                    widest = i;
                }
            }
            if (widths[widest] <= 4) {
                break;
            }
            widths[widest]--;
            total--;
        }
        List<String> out = new ArrayList<>();
        for (Bar b : bars) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < columns; i++) {
                parts.add(TerminalTable.shorten(b.parts().get(i), widths[i]));
            }
            out.add(String.join(Bar.JOIN, parts));
        }
        return out;
    }

    /** Returns the largest value, at least 1 so that scaling never divides by zero; negative bars are drawn empty. */
    public double max() {
        double m = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        return m > 0 ? m : 1.0;
    }

    /** Builds a chart for a result, or returns empty when a chart would not help (fewer than 2 rows, no number or no label). */
    public static Optional<BarChart> of(ResultTable table) {
        List<ResultColumn> cols = table.columns();
        int measure = -1;
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).type().isNumeric()) {
                measure = i;
                break;
            }
        }
        if (measure < 0 || table.size() < 2) {
            return Optional.empty();
        }
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            if (i != measure && !cols.get(i).type().isNumeric() && varies(table, i)) {
                labels.add(i);
            }
        }
        if (labels.isEmpty()) {
            return Optional.empty();
        }
        List<Bar> bars = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            Object v = row.get(measure);
            // NaN and infinities have no length to draw; the table still shows them.
            if (!(v instanceof Number num) || !Double.isFinite(num.doubleValue())) {
                continue;
            }
            // Labels are display text in charts of every format: control characters from data are shown, never run.
            bars.add(new Bar(labels.stream().map(i -> Visible.text(CellText.of(row.get(i)))).toList(), num.doubleValue()));
        }
        if (bars.size() < 2) {
            return Optional.empty();
        }
        bars.sort(Comparator.comparingDouble(Bar::value).reversed().thenComparing((Bar b) -> b.label()));
        int omitted = Math.max(0, bars.size() - MAX_BARS);
        String title = cols.get(measure).name() + " by "
                + labels.stream().map(i -> cols.get(i).name()).collect(Collectors.joining(", "));
        return Optional.of(new BarChart(title, bars.subList(0, Math.min(MAX_BARS, bars.size())), omitted,
                omitted > 0 ? bars.get(MAX_BARS).value() : 0));
    }

    private static boolean varies(ResultTable table, int col) {
        Set<String> seen = new HashSet<>();
        for (List<Object> row : table.rows()) {
            seen.add(CellText.of(row.get(col)));
            if (seen.size() > 1) {
                return true;
            }
        }
        return false;
    }

    /** Formats a bar value without a fraction when it is whole. */
    public static String valueText(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? CellText.count((long) v) : Double.toString(v);
    }
}
