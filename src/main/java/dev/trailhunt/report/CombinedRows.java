package dev.trailhunt.report;

import dev.trailhunt.hunt.HuntRun;
import dev.trailhunt.hunt.QueryRun;
import dev.trailhunt.hunt.RunResult;
import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import dev.trailhunt.model.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the results of several hunts into one stream of rows for CSV, JSON and NDJSON: a {@code hunt} column
 * first (with {@code · query N} for a hunt of several queries), then every column of every result in first-seen
 * order; a row holds null where its result has no such column.
 */
public final class CombinedRows {
    /** Names the column that says which hunt a row came from. */
    public static final String HUNT = "hunt";

    private CombinedRows() {}

    /** Returns the combined table of every query that ran, in run order. */
    public static ResultTable of(RunResult run) {
        Map<String, ValueType> columns = new LinkedHashMap<>();
        columns.put(HUNT, ValueType.KEYWORD);
        for (HuntRun h : run.hunts()) {
            for (QueryRun q : ran(h)) {
                for (ResultColumn c : q.table().columns()) {
                    // A name two results type differently is written as text, the form every value has.
                    columns.merge(c.name(), c.type(), (a, b) -> a == b ? a : ValueType.KEYWORD);
                }
            }
        }
        List<String> names = new ArrayList<>(columns.keySet());
        List<List<Object>> rows = new ArrayList<>();
        for (HuntRun h : run.hunts()) {
            for (QueryRun q : ran(h)) {
                String label = h.hunt().id() + (h.queries().size() > 1 ? " · query " + q.query().index() : "");
                List<String> own = q.table().columns().stream().map(ResultColumn::name).toList();
                for (List<Object> r : q.table().rows()) {
                    List<Object> row = new ArrayList<>(names.size());
                    row.add(label);
                    for (int i = 1; i < names.size(); i++) {
                        int at = own.indexOf(names.get(i));
                        Object v = at < 0 ? null : r.get(at);
                        row.add(v != null && columns.get(names.get(i)) == ValueType.KEYWORD && !(v instanceof String) && !(v instanceof List)
                                ? CellText.scalar(v) : v);
                    }
                    rows.add(row);
                }
            }
        }
        List<ResultColumn> cols = names.stream().map(n -> new ResultColumn(n, columns.get(n))).toList();
        return new ResultTable(cols, rows);
    }

    private static List<QueryRun> ran(HuntRun h) {
        return h.queries().stream().filter(q -> q.status() == QueryRun.Status.RAN).toList();
    }
}
