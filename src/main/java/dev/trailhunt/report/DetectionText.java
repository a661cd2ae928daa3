package dev.trailhunt.report;

import dev.trailhunt.rules.Alert;
import dev.trailhunt.rules.Detection;
import dev.trailhunt.rules.RuleRun;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Writes a detect run for a terminal: the triage summary first, then the alerts, then the rules that did not run. */
public final class DetectionText {
    private DetectionText() {}

    /** Writes the run; every text from rules or data is shown escaped. */
    public static void write(Detection d, PrintWriter out) {
        out.println(summaryLine(d));
        List<RuleRun> fired = d.fired();
        if (!fired.isEmpty()) {
            out.println();
            out.println("rules that fired (by severity, risk score, alerts):");
            out.println(String.format(Locale.ROOT, "  %-8s %4s %6s  %s", "SEVERITY", "RISK", "ALERTS", "RULE"));
            for (RuleRun r : fired) {
                out.println(String.format(Locale.ROOT, "  %-8s %4d %6d  %s  [%s]%s", r.rule().severity().label(), r.rule().riskScore(),
                        r.alerts().size(), Visible.text(r.rule().name()), r.rule().type().tomlName(),
                        r.rule().techniques().isEmpty() ? "" : " " + String.join(",", r.rule().techniques())));
            }
            out.println();
            out.println("alerts (by time):");
            List<Alert> alerts = new ArrayList<>();
            fired.forEach(r -> alerts.addAll(r.alerts()));
            alerts.sort(Comparator.comparing(Alert::timestamp).thenComparing(a -> a.rule().name()).thenComparing(a -> String.join(",", a.eventIds()))
                    .thenComparing(a -> String.join(",", a.groupBy())));
            for (Alert a : alerts) {
                out.println(String.format(Locale.ROOT, "  %s  %-8s %s%s%s%s", a.timestamp(), a.rule().severity().label(), Visible.text(a.rule().name()),
                        a.eventIds().isEmpty() ? "" : "  events=" + Visible.text(abbreviate(a.eventIds())),
                        a.groupBy().isEmpty() ? "" : "  " + Visible.text(String.join(" ", a.groupBy())),
                        a.suppression() == null ? "" : "  " + Visible.text(a.suppression().describe())));
            }
        }
        notes(d, out);
        List<RuleRun> notRun = d.withStatus(RuleRun.Status.NOT_RUN);
        if (!notRun.isEmpty()) {
            out.println();
            out.println("rules not run (" + notRun.size() + "):");
            for (RuleRun r : notRun) {
                out.println("  " + Visible.text(r.rule().name()) + ": " + Visible.text(r.reason()));
            }
        }
        List<RuleRun> failed = d.withStatus(RuleRun.Status.FAILED);
        if (!failed.isEmpty()) {
            out.println();
            out.println("rules that failed (" + failed.size() + "):");
            for (RuleRun r : failed) {
                out.println("  " + Visible.text(r.rule().name()) + ":");
                out.println(Visible.lines(r.reason()).indent(4).stripTrailing());
            }
        }
        out.flush();
    }

    /** Writes the milliseconds each rule took, slowest first, and their total. */
    public static void timings(Detection d, PrintWriter out) {
        List<RuleRun> runs = new ArrayList<>(d.runs());
        runs.sort(Comparator.comparingLong(RuleRun::millis).reversed().thenComparing(r -> r.rule().name()));
        long total = runs.stream().mapToLong(RuleRun::millis).sum();
        out.println(String.format(Locale.ROOT, "rule timings (ms, slowest first; %d ms in all):", total));
        for (RuleRun r : runs) {
            out.println(String.format(Locale.ROOT, "  %7d  %-9s %s", r.millis(), r.rule().type().tomlName(), Visible.text(r.rule().name())));
        }
        out.flush();
    }

    /** Returns the one-line account of the run. */
    public static String summaryLine(Detection d) {
        int ran = d.withStatus(RuleRun.Status.RAN).size();
        return String.format(Locale.ROOT, "detect: %d rule%s ran over %s .. %s: %d fired, %d alert%s; %d not run, %d failed",
                ran, ran == 1 ? "" : "s", d.start() == null ? "(no events)" : d.start(), d.end() == null ? "(no events)" : d.end(),
                d.fired().size(), d.alerts(), d.alerts() == 1 ? "" : "s", d.withStatus(RuleRun.Status.NOT_RUN).size(),
                d.withStatus(RuleRun.Status.FAILED).size());
    }

    private static void notes(Detection d, PrintWriter out) {
        List<String> notes = new ArrayList<>();
        for (RuleRun r : d.withStatus(RuleRun.Status.RAN)) {
            if (!r.reason().isEmpty()) {
                notes.add("  " + Visible.text(r.rule().name()) + ": " + Visible.text(r.reason()));
            }
        }
        if (!notes.isEmpty()) {
            out.println();
            out.println("notes:");
            notes.forEach(out::println);
        }
    }

    private static String abbreviate(List<String> ids) {
        return ids.size() <= 3 ? String.join(",", ids) : String.join(",", ids.subList(0, 3)) + ",… (" + ids.size() + ")";
    }
}
