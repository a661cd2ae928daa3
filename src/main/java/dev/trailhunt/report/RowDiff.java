package dev.trailhunt.report;

import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the rows a report holds with the rows a re-run returns, as multisets of canonical row
 * texts: rows only in the re-run are added, rows only in the report removed, and a removed row
 * paired with an added one that agrees with it on more than half of the columns is shown as changed.
 *
 * @param columnsDiffer whether the column names or types differ (then every row is compared as is)
 * @param added rows only the re-run has, in its order
 * @param removed rows only the report has, in its order
 * @param changed pairs of (report row, re-run row)
 */
public record RowDiff(boolean columnsDiffer, List<List<Object>> added, List<List<Object>> removed,
        List<Change> changed) {
    /**
     * Pairs a row of the report with the row of the re-run that replaced it.
     *
     * @param before the report's row
     * @param after the re-run's row
     */
    public record Change(List<Object> before, List<Object> after) {}

    /** Compares the report's table with the re-run's. */
    public static RowDiff of(ResultTable report, ResultTable rerun) {
        boolean columnsDiffer = !report.columns().equals(rerun.columns());
        Map<String, Integer> left = new LinkedHashMap<>();
        for (List<Object> r : report.rows()) {
            left.merge(ManifestValues.rowText(r), 1, Integer::sum);
        }
        List<List<Object>> added = new ArrayList<>();
        for (List<Object> r : rerun.rows()) {
            String k = ManifestValues.rowText(r);
            Integer n = left.get(k);
            if (n != null && n > 0) {
                left.put(k, n - 1);
            } else {
                added.add(r);
            }
        }
        List<List<Object>> removed = new ArrayList<>();
        for (List<Object> r : report.rows()) {
            String k = ManifestValues.rowText(r);
            Integer n = left.get(k);
            if (n != null && n > 0) {
                left.put(k, n - 1);
                removed.add(r);
            }
        }
        List<Change> changed = new ArrayList<>();
        if (!columnsDiffer) {
            for (var it = removed.iterator(); it.hasNext(); ) {
                List<Object> before = it.next();
                for (var at = added.iterator(); at.hasNext(); ) {
                    List<Object> after = at.next();
                    if (agreeing(before, after) * 2 > before.size()) {
                        changed.add(new Change(before, after));
                        it.remove();
                        at.remove();
                        break;
                    }
                }
            }
        }
        return new RowDiff(columnsDiffer, List.copyOf(added), List.copyOf(removed), List.copyOf(changed));
    }

    private static int agreeing(List<Object> a, List<Object> b) {
        int n = 0;
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (ManifestValues.rowText(java.util.Collections.singletonList(a.get(i)))
                    .equals(ManifestValues.rowText(java.util.Collections.singletonList(b.get(i))))) {
                n++;
            }
        }
        return n;
    }

    /** Tells whether the re-run returned exactly the report's rows, in any order. */
    public boolean same() {
        return !columnsDiffer && added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** Describes the difference in lines: {@code + row}, {@code - row}, {@code ~ column: before → after}. */
    public List<String> lines(List<ResultColumn> columns) {
        List<String> out = new ArrayList<>();
        for (List<Object> r : added) {
            out.add("+ " + row(r));
        }
        for (List<Object> r : removed) {
            out.add("- " + row(r));
        }
        for (Change c : changed) {
            StringBuilder b = new StringBuilder("~ ").append(row(c.before())).append(':');
            for (int i = 0; i < c.before().size(); i++) {
                String x = CellText.of(c.before().get(i));
                String y = CellText.of(c.after().get(i));
                if (!ManifestValues.rowText(java.util.Collections.singletonList(c.before().get(i)))
                        .equals(ManifestValues.rowText(java.util.Collections.singletonList(c.after().get(i))))) {
                    b.append(' ').append(i < columns.size() ? columns.get(i).name() : "#" + (i + 1)).append(" ").append(x)
                            .append(" → ").append(y).append(';');
                }
            }
            out.add(Visible.text(b.substring(0, b.length() - 1)));
        }
        return out;
    }

    private static String row(List<Object> r) {
        return Visible.text(String.join(" | ", r.stream().map(CellText::of).toList()));
    }
}
