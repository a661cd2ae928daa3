package dev.trailhunt.rules;

import dev.trailhunt.engine.EventTable;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.model.ResultTable;
import dev.trailhunt.translate.Translation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetches the events a rule's filter selects in one set-based query, with the fields the rule groups by.
 *
 * @param sql the SQL that ran
 * @param rows the events, in time then id order
 */
record FilterRun(String sql, List<EventRow> rows) {
    /** Runs the filter between two instants and reads {@code event.id}, {@code @timestamp} and {@code fields} (empty for one the store lacks). */
    static FilterRun fetch(EventTable store, RuleCompiler compiler, Expr filter, Instant from, Instant to, List<String> fields) {
        List<String> keep = new ArrayList<>(List.of("event.id", "@timestamp",
                compiler.hasColumn(RuleCompiler.HASH) ? RuleCompiler.HASH : "event.id"));
        // A field the store lacks is missing from every event: it contributes no value, as in Elasticsearch.
        List<Integer> slots = new ArrayList<>();
        for (String f : fields) {
            slots.add(compiler.hasColumn(f) ? keep.size() : -1);
            if (compiler.hasColumn(f)) {
                keep.add(f);
            }
        }
        Translation t = compiler.filterRows(filter, from, to, keep);
        ResultTable table = store.query(t.sql(), t.columns());
        List<EventRow> rows = new ArrayList<>(table.size());
        for (List<Object> r : table.rows()) {
            if (!(r.get(1) instanceof Instant ts)) {
                continue;
            }
            List<List<String>> values = new ArrayList<>();
            for (int slot : slots) {
                values.add(slot < 0 ? List.of() : EventRow.keywords(r.get(slot)));
            }
            String id = r.get(0) == null ? "" : r.get(0).toString();
            rows.add(new EventRow(id, r.get(2) == null ? id : r.get(2).toString(), ExecutionPlan.micros(ts), values));
        }
        rows.sort((a, b) -> a.micros() != b.micros() ? Long.compare(a.micros(), b.micros()) : a.key().compareTo(b.key()));
        return new FilterRun(t.sql(), rows);
    }
}
