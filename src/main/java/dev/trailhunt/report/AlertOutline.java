package dev.trailhunt.report;

import dev.trailhunt.engine.AlertRow;
import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import dev.trailhunt.model.ValueType;
import dev.trailhunt.rules.AlertEvents;
import dev.trailhunt.rules.Severity;
import dev.trailhunt.rules.StoredAlerts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Lays out the alerts a store keeps as report sections: the rules that fired in the summary (by severity, risk score
 * and alert count, as {@code detect} prints them), then per rule its alerts, each with the events behind it.
 */
final class AlertOutline {
    /** Names the alerts table's columns as the manifest records them. */
    static final List<ResultColumn> COLUMNS = List.of(new ResultColumn("rule_id", ValueType.KEYWORD),
            new ResultColumn("rule_name", ValueType.KEYWORD), new ResultColumn("rule_type", ValueType.KEYWORD),
            new ResultColumn("severity", ValueType.KEYWORD), new ResultColumn("risk_score", ValueType.INTEGER),
            new ResultColumn("techniques", ValueType.KEYWORD), new ResultColumn("@timestamp", ValueType.DATETIME),
            new ResultColumn("event_ids", ValueType.KEYWORD), new ResultColumn("event_hashes", ValueType.KEYWORD),
            new ResultColumn("group_by", ValueType.KEYWORD));

    /**
     * Holds one rule that fired and the positions of its alerts in the stored list.
     *
     * @param first its first alert, which carries the rule's name, type, severity and risk score
     * @param indexes the positions of its alerts
     */
    record Fired(AlertRow first, List<Integer> indexes) {}

    private AlertOutline() {}

    /** Names the suppression columns the manifest adds when some alert was suppressed. */
    static final List<ResultColumn> SUPPRESSION_COLUMNS = List.of(new ResultColumn("suppression_docs_count", ValueType.LONG),
            new ResultColumn("suppression_start", ValueType.DATETIME), new ResultColumn("suppression_end", ValueType.DATETIME),
            new ResultColumn("suppression_terms", ValueType.KEYWORD));

    /**
     * Returns the alerts as a table, one row per alert in stored order, the form the manifest keeps and verify compares; the
     * suppression columns follow only when some alert has them, so that a manifest written before suppression existed compares
     * equal to the same alerts read now.
     */
    static ResultTable table(List<AlertRow> alerts) {
        boolean suppressed = alerts.stream().anyMatch(a -> a.suppression() != null);
        List<List<Object>> rows = new ArrayList<>();
        for (AlertRow a : alerts) {
            List<Object> row = new ArrayList<>(java.util.Arrays.asList(a.ruleId(), a.ruleName(), a.ruleType(), a.severity(),
                    a.riskScore(), a.techniques(), a.timestamp(), a.eventIds(), a.eventHashes(), a.groupBy()));
            if (suppressed) {
                AlertRow.Suppression s = a.suppression();
                row.addAll(s == null ? java.util.Arrays.asList(null, null, null, null)
                        : java.util.Arrays.asList(s.docsCount(), s.start(), s.end(), s.terms()));
            }
            rows.add(java.util.Collections.unmodifiableList(row));
        }
        List<ResultColumn> columns = new ArrayList<>(COLUMNS);
        if (suppressed) {
            columns.addAll(SUPPRESSION_COLUMNS);
        }
        return new ResultTable(columns, rows);
    }

    /** Groups the alerts by rule: most severe first, then by risk score, alert count, name and id. */
    static List<Fired> fired(List<AlertRow> alerts) {
        List<Fired> out = new ArrayList<>();
        for (List<Integer> ix : groups(table(alerts))) {
            out.add(new Fired(alerts.get(ix.get(0)), ix));
        }
        return out;
    }

    /**
     * Groups the rows of an alerts table (in {@link #COLUMNS}) by rule in the order the report shows them: most severe
     * first, then by risk score, alert count, name and id; each group lists its rows' positions.
     */
    static List<List<Integer>> groups(ResultTable alerts) {
        Map<String, List<Integer>> byRule = new LinkedHashMap<>();
        for (int i = 0; i < alerts.size(); i++) {
            byRule.computeIfAbsent(String.valueOf(alerts.rows().get(i).get(0)), k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> out = new ArrayList<>();
        byRule.values().forEach(ix -> out.add(List.copyOf(ix)));
        Function<List<Integer>, List<Object>> first = ix -> alerts.rows().get(ix.get(0));
        out.sort(Comparator.comparingInt((List<Integer> ix) -> rank(String.valueOf(first.apply(ix).get(3))))
                .thenComparing(Comparator.comparingInt((List<Integer> ix) -> first.apply(ix).get(4) instanceof Integer n ? n : 0).reversed())
                .thenComparing(Comparator.comparingInt((List<Integer> ix) -> ix.size()).reversed())
                .thenComparing(ix -> String.valueOf(first.apply(ix).get(1)))
                .thenComparing(ix -> String.valueOf(first.apply(ix).get(0))));
        return out;
    }

    private static int rank(String severity) {
        return Severity.parse(severity).map(s -> Severity.CRITICAL.ordinal() - s.ordinal()).orElse(Severity.values().length);
    }

    /** Returns the summary's line for the alerts, e.g. {@code 5 alerts from 2 rules}. */
    static String outcome(StoredAlerts stored) {
        if (!stored.present()) {
            return "no alerts table (run `trailhunt detect` on this store first)";
        }
        int n = stored.alerts().size();
        int rules = fired(stored.alerts()).size();
        return (n == 1 ? "1 alert" : CellText.count(n) + " alerts") + " from " + (rules == 1 ? "1 rule" : CellText.count(rules) + " rules");
    }

    /** Writes the rules that fired as a summary grid, the most severe first. */
    static void summary(StoredAlerts stored, ReportSink sink) {
        sink.paragraph("Detection alerts in the store's `alerts` table: " + outcome(stored) + ".");
        List<Fired> fired = fired(stored.alerts());
        if (fired.isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        List<Boolean> severe = new ArrayList<>();
        for (Fired f : fired) {
            AlertRow r = f.first();
            rows.add(List.of(r.severity(), Integer.toString(r.riskScore()), CellText.count(f.indexes().size()), r.ruleName(), r.ruleType()));
            severe.add(rank(r.severity()) <= 1);
        }
        sink.grid(List.of("Severity", "Risk", "Alerts", "Rule", "Type"), rows, List.of(false, true, true, false, false), severe);
    }

    /** Writes a section per rule that fired: its facts, then each alert with the events behind it. */
    static void sections(StoredAlerts stored, ReportSink sink, int level) {
        for (Fired f : fired(stored.alerts())) {
            AlertRow r = f.first();
            sink.heading(level, "Alerts: " + r.ruleName());
            List<ReportSink.Fact> facts = new ArrayList<>();
            facts.add(new ReportSink.Fact("Rule", List.of(ReportSink.Inline.of("`" + r.ruleId() + "` (" + r.ruleType() + ")"))));
            facts.add(new ReportSink.Fact("Severity", List.of(ReportSink.Inline.of(r.severity() + ", risk " + r.riskScore()))));
            if (!r.techniques().isEmpty()) {
                facts.add(new ReportSink.Fact("MITRE ATT&CK", r.techniques().stream().map(t -> new ReportSink.Inline(t, Mitre.url(t))).toList()));
            }
            facts.add(new ReportSink.Fact("Alerts", List.of(ReportSink.Inline.of(CellText.count(f.indexes().size())))));
            sink.facts(facts);
            int n = 0;
            for (int i : f.indexes()) {
                n++;
                AlertRow a = stored.alerts().get(i);
                AlertEvents.Behind behind = stored.events().get(i);
                String group = a.groupBy().isEmpty() ? "" : " · " + String.join(" ", a.groupBy());
                AlertRow.Suppression sup = a.suppression();
                // Kibana's kibana.alert.suppression.*: how many alerts this one took in, over which span, for which group.
                String suppressed = sup == null ? "" : " · suppressed " + sup.docsCount() + " (" + CellText.instant(sup.start()) + " .. "
                        + CellText.instant(sup.end()) + ") " + String.join(" ", sup.terms());
                sink.heading(level + 1, "Alert " + n + " at " + CellText.instant(a.timestamp()) + group + suppressed);
                if (behind.rows().columns().isEmpty()) {
                    sink.note("No events are recorded for this alert (an aggregating ES|QL rule's row stands for it).");
                    continue;
                }
                int events = behind.rows().size();
                int named = Math.max(a.eventIds().size(), a.eventHashes().size());
                sink.paragraph((events == 1 ? "1 event" : CellText.count(events) + " events") + " behind the alert"
                        + (events == named ? "." : " (it names " + named + "; the store no longer has the others)."));
                if (events > 0) {
                    sink.result(behind.rows());
                }
                sink.ran(behind.sql(), behind.rows());
            }
        }
    }
}
