package dev.trailhunt.report;

import dev.trailhunt.model.ResultTable;
import dev.trailhunt.rules.Alert;
import dev.trailhunt.rules.Detection;
import dev.trailhunt.rules.Rule;
import dev.trailhunt.rules.RuleRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Lays out a detect run as a report: the triage summary, then a section per rule that fired with each
 * alert and the events behind it, then the rules that did not run or failed, with why.
 */
final class DetectionOutline {
    private DetectionOutline() {}

    /** Writes the run to a sink and returns the document; {@code events} reads the events behind an alert. */
    static String write(Detection d, Function<Alert, ResultTable> events, ReportSink sink) {
        sink.begin("trailhunt detect");
        sink.note(DetectionText.summaryLine(d));
        List<RuleRun> fired = d.fired();
        if (!fired.isEmpty()) {
            sink.heading(2, "Rules that fired");
            List<List<String>> rows = new ArrayList<>();
            for (RuleRun r : fired) {
                rows.add(List.of(r.rule().severity().label(), Integer.toString(r.rule().riskScore()), Integer.toString(r.alerts().size()),
                        r.rule().name(), r.rule().type().tomlName()));
            }
            sink.grid(List.of("Severity", "Risk", "Alerts", "Rule", "Type"), rows, List.of(false, true, true, false, false));
            for (RuleRun r : fired) {
                rule(r, events, sink);
            }
        }
        List<RuleRun> other = new ArrayList<>(d.withStatus(RuleRun.Status.NOT_RUN));
        other.addAll(d.withStatus(RuleRun.Status.FAILED));
        if (!other.isEmpty()) {
            sink.heading(2, "Rules not run or failed");
            List<List<String>> rows = new ArrayList<>();
            for (RuleRun r : other) {
                rows.add(List.of(r.rule().name(), r.status().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        r.reason().lines().findFirst().orElse("")));
            }
            sink.grid(List.of("Rule", "Status", "Why"), rows, List.of(false, false, false));
        }
        return sink.end();
    }

    private static void rule(RuleRun r, Function<Alert, ResultTable> events, ReportSink sink) {
        Rule rule = r.rule();
        sink.heading(3, rule.name());
        List<ReportSink.Fact> facts = new ArrayList<>();
        facts.add(new ReportSink.Fact("Rule", List.of(ReportSink.Inline.of("`" + rule.id() + "` (" + rule.type().tomlName() + ")"))));
        facts.add(new ReportSink.Fact("Severity", List.of(ReportSink.Inline.of(rule.severity().label() + ", risk " + rule.riskScore()))));
        if (!rule.techniques().isEmpty()) {
            facts.add(new ReportSink.Fact("MITRE ATT&CK", rule.techniques().stream().map(t -> new ReportSink.Inline(t, Mitre.url(t))).toList()));
        }
        sink.facts(facts);
        if (!r.reason().isEmpty()) {
            sink.note(r.reason());
        }
        int n = 0;
        for (Alert a : r.alerts()) {
            n++;
            String group = a.groupBy().isEmpty() ? "" : " · " + String.join(" ", a.groupBy());
            sink.paragraph("Alert " + n + " at " + a.timestamp() + group + (a.suppression() == null ? "" : " · " + a.suppression().describe()));
            ResultTable t = events.apply(a);
            if (!t.columns().isEmpty()) {
                sink.result(t);
            }
        }
    }
}
