package dev.trailhunt.rules;

import dev.trailhunt.engine.Store;
import dev.trailhunt.eql.Eql;
import dev.trailhunt.eql.EqlException;
import dev.trailhunt.eql.ast.EqlQuery;
import dev.trailhunt.eql.ast.Step;
import dev.trailhunt.esql.ast.Expr;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Explains how each rule of a detect run ran: its language and query, the ES|QL filter a KQL or EQL query lowers into, the
 * execution plan over the run (interval, look-back, executions, max_signals), the SQL it ran, and why it could not run.
 */
public final class DetectionExplain {
    private DetectionExplain() {}

    /** Writes the explanation of every rule of the run; {@code store} gives the columns the filters were rendered against. */
    public static void write(Store store, Detection d, PrintWriter out) {
        RuleCompiler compiler = RuleCompiler.forStore(store, d.end() == null ? Instant.EPOCH : d.end());
        boolean first = true;
        for (RuleRun run : d.runs()) {
            if (!first) {
                out.println();
            }
            first = false;
            write(compiler, d, run, out);
        }
        out.flush();
    }

    private static void write(RuleCompiler compiler, Detection d, RuleRun run, PrintWriter out) {
        Rule r = run.rule();
        out.println("rule: " + r.name() + " (" + r.id() + ")");
        out.println("  file: " + r.location() + ", query at line " + r.queryLine());
        out.println("  type: " + r.type().tomlName() + (r.language().isEmpty() ? "" : ", language " + r.language())
                + ", severity " + r.severity().label() + ", risk " + r.riskScore());
        out.println("  plan: " + plan(r, d));
        out.println("  status: " + switch (run.status()) {
            case RAN -> String.format(Locale.ROOT, "ran, %d alert%s", run.alerts().size(), run.alerts().size() == 1 ? "" : "s");
            case NOT_RUN -> "not run";
            case FAILED -> "failed";
        });
        if (!run.reason().isEmpty()) {
            out.println("  " + (run.status() == RuleRun.Status.RAN ? "note" : "why") + ": " + run.reason().replace("\n", "\n    "));
        }
        if (!r.query().isEmpty()) {
            out.println("  query:");
            out.println(indent(r.query().strip()));
        }
        List<String> lowered = lowered(r, compiler);
        if (!lowered.isEmpty()) {
            out.println("  lowered to ES|QL (the AST the translator renders; $-functions are Elasticsearch's term, wildcard, match and exists queries; $stored_contains is trailhunt's substring test on a stored text before a flattened leaf):");
            lowered.forEach(l -> out.println(indent(l)));
        }
        if (!run.sql().isEmpty()) {
            out.println("  SQL (" + sqlNote(r) + "):");
            out.println(indent(run.sql().strip()));
        }
    }

    /** Says how the run's executions map onto the SQL. */
    private static String sqlNote(Rule r) {
        return switch (r.type()) {
            case ESQL -> "an aggregating rule runs its executions in one query grouped by __execution, or window by window;"
                    + " an event-row rule runs once over the run, each row then placed in its execution windows";
            case EQL -> "one query per sequence step, or one for a single-event query, over the whole run; rows are placed in their execution windows";
            default -> "one set-based query over the whole run; its rows are placed in their execution windows";
        };
    }

    private static String plan(Rule r, Detection d) {
        String schedule = "every " + span(r.interval()) + ", each execution reading back " + span(r.lookback())
                + ", max_signals " + r.maxSignals() + " (" + capped(r) + ")"
                + (r.suppression() == null ? "" : ", alert_suppression " + r.suppression().describe());
        if (d.start() == null || d.end() == null || d.end().isBefore(d.start())) {
            return schedule + "; no executions (no events in the run)";
        }
        ExecutionPlan p = new ExecutionPlan(d.start(), d.end(), r.interval(), r.lookback());
        long firstExec = p.firstAfter(ExecutionPlan.micros(d.start()));
        long lastExec = ExecutionPlan.micros(p.lastExecutionTime());
        long n = (lastExec - firstExec) / p.intervalMicros() + 1;
        return String.format(Locale.ROOT, "%s; %d executions from %s to %s over the run %s .. %s", schedule, n,
                ExecutionPlan.instant(firstExec), p.lastExecutionTime(), d.start(), d.end());
    }

    /** Says what max_signals caps for the rule's type, as Kibana's executor of that type applies it. */
    private static String capped(Rule r) {
        return switch (r.type()) {
            case THRESHOLD -> "groups per execution, the newest-event first or, with cardinality, the largest";
            case NEW_TERMS -> "new terms per execution, in term order";
            case EQL -> "events or sequences per execution, earliest first";
            case ESQL -> "rows per execution: an aggregating rule's query ends in LIMIT max_signals; event rows earliest first";
            default -> r.suppression() == null ? "events per execution, earliest first" : "suppression groups per execution, in term order";
        };
    }

    private static List<String> lowered(Rule r, RuleCompiler compiler) {
        List<String> out = new ArrayList<>();
        try {
            if ("kuery".equals(r.language())) {
                Expr filter = FlattenedPrefilter.apply(RuleFilters.of(r).filter(), compiler::hasColumn);
                out.add("FROM " + RuleCompiler.CLOUDTRAIL + " | WHERE " + FilterText.of(filter));
            } else if ("eql".equals(r.language())) {
                EqlQuery q = Eql.parse(r.query());
                String category = r.eventCategoryOverride().isEmpty() ? Eql.DEFAULT_CATEGORY_FIELD : r.eventCategoryOverride();
                if (q instanceof EqlQuery.Single single) {
                    out.add("FROM " + RuleCompiler.CLOUDTRAIL + " | WHERE " + FilterText.of(Eql.lower(single, category).filter()));
                } else {
                    EqlQuery.Sequence seq = (EqlQuery.Sequence) q;
                    List<Step> steps = new ArrayList<>(seq.steps());
                    if (seq.until() != null) {
                        steps.add(seq.until());
                    }
                    for (int i = 0; i < steps.size(); i++) {
                        String label = i < seq.steps().size() ? "step " + (i + 1) : "until";
                        out.add(label + ": FROM " + RuleCompiler.CLOUDTRAIL + " | WHERE " + FilterText.of(Eql.lower(seq, steps.get(i), category).filter()));
                    }
                }
            }
        } catch (RuleQueryException | EqlException e) {
            // The run's status already says why the query does not lower.
            return List.of();
        }
        return out;
    }

    private static String span(Duration d) {
        long s = d.getSeconds();
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        return s % 60 == 0 ? s / 60 + "m" : s + "s";
    }

    private static String indent(String text) {
        return text.lines().map(l -> "    " + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
