package dev.trailhunt.rules;

import dev.trailhunt.esql.ast.Alias;
import dev.trailhunt.esql.ast.Binary;
import dev.trailhunt.esql.ast.BinaryOp;
import dev.trailhunt.esql.ast.Command;
import dev.trailhunt.esql.ast.Drop;
import dev.trailhunt.esql.ast.Eval;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.esql.ast.FieldRef;
import dev.trailhunt.esql.ast.FunctionCall;
import dev.trailhunt.esql.ast.Keep;
import dev.trailhunt.esql.ast.NamePattern;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.esql.ast.Source;
import dev.trailhunt.esql.ast.Stats;
import dev.trailhunt.esql.ast.TimeSpan;
import dev.trailhunt.esql.ast.TimeSpanUnit;
import dev.trailhunt.esql.ast.Where;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs the execution windows of an aggregating ES|QL rule in a few queries instead of one per window: query
 * {@code j} gives each event the {@code j}-th execution after its interval bucket ({@code __execution}), keeps
 * it when that execution's window holds it, and STATS also groups by the execution; together the queries give
 * the rows of every execution one by one.
 *
 * <p>Only for queries with one STATS, no DROP before it that could drop the new column, and no {@code NOW()}
 * (which must be each execution's time); others run window by window.
 */
final class WindowedStats {
    /** Names the column that holds the execution time of each copy. */
    static final String EXECUTION = "__execution";
    /** Bounds the copies per event, so a long look-back over a short interval runs window by window instead. */
    private static final long MAX_COPIES = 32;

    private WindowedStats() {}

    /**
     * Rewrites a query whose commands start with FROM, the run's time WHERE and the event.ingested EVAL, or returns nothing when the
     * query is not of the shape this handles.
     */
    static Optional<Query> rewrite(Query timed, String text, ExecutionPlan plan, long offset) {
        List<Command> commands = timed.commands();
        long stats = commands.stream().filter(c -> c instanceof Stats).count();
        if (stats != 1 || text.toLowerCase(Locale.ROOT).matches("(?s).*\\bnow\\s*\\(.*")) {
            return Optional.empty();
        }
        long intervalSeconds = plan.intervalMicros() / 1_000_000L;
        long lookbackSeconds = plan.lookbackMicros() / 1_000_000L;
        if (offset < 1 || offset > copies(plan)) {
            return Optional.empty();
        }
        // FROM, the run's time WHERE, the event.ingested EVAL, and the rule's own first WHERE when it has one, filter before the copies.
        int at = commands.size() > 3 && commands.get(3) instanceof Where ? 4 : 3;
        List<Command> out = new ArrayList<>(commands.subList(0, at));
        Expr bucket = new FunctionCall("date_trunc", List.of(span(intervalSeconds), field("@timestamp")), false, Source.EMPTY);
        Expr execution = new Binary(BinaryOp.ADD, bucket, span(offset * intervalSeconds), Source.EMPTY);
        out.add(new Eval(List.of(new Alias(EXECUTION, execution, true, Source.EMPTY)), Source.EMPTY));
        Expr inWindow = new Binary(BinaryOp.GTE, field("@timestamp"),
                new Binary(BinaryOp.SUB, field(EXECUTION), span(lookbackSeconds), Source.EMPTY), Source.EMPTY);
        Expr notAfterLast = new Binary(BinaryOp.LTE, field(EXECUTION), time(plan.lastExecutionTime()), Source.EMPTY);
        out.add(new Where(RuleCompiler.and(inWindow, notAfterLast), Source.EMPTY));
        boolean seenStats = false;
        for (Command c : commands.subList(at, commands.size())) {
            if (!seenStats && c instanceof Drop d && d.patterns().stream().anyMatch(n -> n.matches(EXECUTION))) {
                return Optional.empty();
            }
            if (!seenStats && c instanceof Keep k) {
                // A KEEP before STATS keeps the execution too.
                List<NamePattern> patterns = new ArrayList<>(k.patterns());
                patterns.add(new NamePattern(EXECUTION, Source.EMPTY));
                out.add(new Keep(patterns, k.source()));
            } else if (c instanceof Stats s) {
                seenStats = true;
                List<Alias> groupings = new ArrayList<>(s.groupings());
                groupings.add(new Alias(EXECUTION, field(EXECUTION), false, Source.EMPTY));
                out.add(new Stats(s.aggregates(), groupings, s.source()));
            } else {
                out.add(c);
            }
        }
        return Optional.of(new Query(out, timed.source(), timed.settings()));
    }

    /**
     * Returns how many executions can read one event (the offsets 1..n of its interval bucket), or 0 when the
     * schedule is not whole seconds or one event falls in more than {@link #MAX_COPIES} windows.
     */
    static long copies(ExecutionPlan plan) {
        long intervalSeconds = plan.intervalMicros() / 1_000_000L;
        if (intervalSeconds == 0 || intervalSeconds * 1_000_000L != plan.intervalMicros() || plan.lookbackMicros() % 1_000_000L != 0) {
            return 0;
        }
        long n = (plan.lookbackMicros() / 1_000_000L + intervalSeconds - 1) / intervalSeconds + 1;
        return n > MAX_COPIES ? 0 : n;
    }

    private static Expr field(String name) {
        return new FieldRef(name, Source.EMPTY);
    }

    private static Expr span(long seconds) {
        return new TimeSpan(seconds, TimeSpanUnit.SECOND, Source.EMPTY);
    }

    private static Expr time(Instant t) {
        return new FunctionCall("to_datetime", List.of(new dev.trailhunt.esql.ast.Literal(t.toString(),
                dev.trailhunt.esql.ast.LiteralType.KEYWORD, Source.EMPTY)), false, Source.EMPTY);
    }
}
