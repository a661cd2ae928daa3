package dev.trailhunt.hunt;

import dev.trailhunt.engine.QueryException;
import dev.trailhunt.engine.StoreException;
import dev.trailhunt.esql.ast.Command;
import dev.trailhunt.esql.ast.Limit;
import dev.trailhunt.esql.ast.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Says when a LIMIT cut a result: ES|QL's implicit {@code LIMIT 1000}, a query's own final LIMIT, or the
 * 10000 cap on any LIMIT. A result exactly as long as its limit is checked by running the query once more
 * with the limit one higher, so that a result that merely fills its limit is not reported as cut.
 */
final class LimitCut {
    /** Gives ES|QL's implicit limit. */
    static final int DEFAULT_LIMIT = 1000;
    /** Gives ES|QL's cap on any LIMIT. */
    static final int MAX_LIMIT = 10_000;

    private LimitCut() {}

    /** Returns the note for a result of {@code rows} rows, or empty when no limit cut it. */
    static String note(HuntRunner runner, Query query, String esql, int rows) {
        List<Command> commands = query.commands();
        Command last = commands.get(commands.size() - 1);
        long own = last instanceof Limit l ? l.count() : -1;
        int limit = (int) (own < 0 ? DEFAULT_LIMIT : Math.min(own, MAX_LIMIT));
        if (rows < limit || limit == 0) {
            return "";
        }
        int beyond;
        try {
            beyond = runner.rowsBeyond(query, esql, limit);
        } catch (HuntException | StoreException | QueryException e) {
            // The check is a courtesy; the answer itself stands.
            return String.format(Locale.ROOT, "note: the result fills its LIMIT %d; there may be more rows", limit);
        }
        if (beyond <= limit) {
            return "";
        }
        if (own < 0) {
            return String.format(Locale.ROOT, "note: ES|QL's implicit LIMIT %d cut the rows; end the query with a LIMIT (up to %d) or narrow it", limit, MAX_LIMIT);
        }
        if (own > MAX_LIMIT) {
            return String.format(Locale.ROOT, "note: LIMIT %d is capped at ES|QL's maximum %d, which cut the rows; narrow the query", own, MAX_LIMIT);
        }
        return String.format(Locale.ROOT, "note: the query's own LIMIT %d cut the rows", own);
    }

    /** Returns the query with its final LIMIT set to {@code count}, or one added. */
    static Query raised(Query query, long count) {
        List<Command> commands = new ArrayList<>(query.commands());
        Command last = commands.get(commands.size() - 1);
        if (last instanceof Limit l) {
            commands.set(commands.size() - 1, new Limit(count, l.source()));
        } else {
            commands.add(new Limit(count, query.source()));
        }
        return new Query(commands, query.source(), query.settings());
    }
}
