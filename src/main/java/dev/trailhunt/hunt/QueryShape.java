package dev.trailhunt.hunt;

import dev.trailhunt.esql.ast.Binary;
import dev.trailhunt.esql.ast.BinaryOp;
import dev.trailhunt.esql.ast.Command;
import dev.trailhunt.esql.ast.CommandVisitor;
import dev.trailhunt.esql.ast.Dissect;
import dev.trailhunt.esql.ast.Drop;
import dev.trailhunt.esql.ast.Eval;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.esql.ast.FieldRef;
import dev.trailhunt.esql.ast.From;
import dev.trailhunt.esql.ast.FunctionCall;
import dev.trailhunt.esql.ast.Grok;
import dev.trailhunt.esql.ast.Keep;
import dev.trailhunt.esql.ast.Limit;
import dev.trailhunt.esql.ast.MvExpand;
import dev.trailhunt.esql.ast.Order;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.esql.ast.Rename;
import dev.trailhunt.esql.ast.Row;
import dev.trailhunt.esql.ast.Sort;
import dev.trailhunt.esql.ast.Stats;
import dev.trailhunt.esql.ast.TimeSpan;
import dev.trailhunt.esql.ast.UnsupportedCommand;
import dev.trailhunt.esql.ast.Where;
import dev.trailhunt.esql.parser.EsqlParser;
import dev.trailhunt.esql.parser.EsqlSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the two things a run reports about an ES|QL query from its syntax tree: the time window
 * its WHERE puts on {@code @timestamp} relative to now, and the keys of the SORT that orders its output.
 *
 * @param windows the {@code @timestamp} conditions relative to now, e.g. {@code @timestamp > now - 7 days}
 * @param sortKeys the final SORT's keys when every key is a plain column, else empty
 * @param sorted whether the output is ordered by a SORT (one after the last STATS or MV_EXPAND)
 */
public record QueryShape(List<String> windows, List<SortKey> sortKeys, boolean sorted) {
    private static final String TIMESTAMP = "@timestamp";

    /** Describes a query with no window and no order of its own. */
    public static final QueryShape UNORDERED = new QueryShape(List.of(), List.of(), false);

    public QueryShape {
        windows = List.copyOf(windows);
        sortKeys = List.copyOf(sortKeys);
    }

    /**
     * Names one output column that orders the rows, with ES|QL's null placement.
     *
     * @param column the column name
     * @param descending whether the order is descending
     * @param nullsFirst whether nulls come first
     */
    public record SortKey(String column, boolean descending, boolean nullsFirst) {}

    /** Reads the shape of an ES|QL query; a query that does not parse has no window and no order. */
    public static QueryShape of(String esql) {
        try {
            return of(EsqlParser.parse(esql));
        } catch (EsqlSyntaxException e) {
            return UNORDERED;
        }
    }

    /** Reads the shape of a parsed ES|QL query. */
    public static QueryShape of(Query query) {
        Reader reader = new Reader();
        for (Command c : query.commands()) {
            c.accept(reader);
        }
        return new QueryShape(reader.windows, reader.keys, reader.sorted);
    }

    /** Follows the commands in order, keeping the windows seen and the order the output has so far. */
    private static final class Reader implements CommandVisitor<Void> {
        private final List<String> windows = new ArrayList<>();
        private List<SortKey> keys = List.of();
        private boolean sorted;

        @Override
        public Void visitWhere(Where w) {
            collectWindows(w.condition(), windows);
            return null;
        }

        @Override
        public Void visitSort(Sort s) {
            sorted = true;
            keys = sortKeys(s);
            return null;
        }

        @Override
        public Void visitStats(Stats s) {
            return unordered();
        }

        @Override
        public Void visitMvExpand(MvExpand m) {
            return unordered();
        }

        @Override
        public Void visitUnsupportedCommand(UnsupportedCommand u) {
            return unordered();
        }

        /** Forgets an earlier SORT after a command that regroups or multiplies rows. */
        private Void unordered() {
            sorted = false;
            keys = List.of();
            return null;
        }

        // The commands below keep the rows' order and put no condition on @timestamp.

        @Override
        public Void visitFrom(From f) {
            return null;
        }

        @Override
        public Void visitRow(Row r) {
            return null;
        }

        @Override
        public Void visitEval(Eval e) {
            return null;
        }

        @Override
        public Void visitLimit(Limit l) {
            return null;
        }

        @Override
        public Void visitKeep(Keep k) {
            return null;
        }

        @Override
        public Void visitDrop(Drop d) {
            return null;
        }

        @Override
        public Void visitRename(Rename r) {
            return null;
        }

        @Override
        public Void visitDissect(Dissect d) {
            return null;
        }

        @Override
        public Void visitGrok(Grok g) {
            return null;
        }
    }

    private static List<SortKey> sortKeys(Sort sort) {
        List<SortKey> keys = new ArrayList<>();
        for (Order o : sort.orders()) {
            if (!(o.expr() instanceof FieldRef f)) {
                return List.of();
            }
            keys.add(new SortKey(f.name(), o.descending(), o.nullsFirst()));
        }
        return keys;
    }

    /** Finds {@code @timestamp <op> now() ± span} conditions joined by AND. */
    private static void collectWindows(Expr e, List<String> out) {
        if (!(e instanceof Binary b)) {
            return;
        }
        if (b.op() == BinaryOp.AND) {
            collectWindows(b.left(), out);
            collectWindows(b.right(), out);
            return;
        }
        if (b.op().group() != BinaryOp.Group.COMPARISON || !(b.left() instanceof FieldRef f) || !f.name().equals(TIMESTAMP)) {
            return;
        }
        if (b.right() instanceof Binary shift && (shift.op() == BinaryOp.SUB || shift.op() == BinaryOp.ADD)
                && shift.left() instanceof FunctionCall now && now.name().equalsIgnoreCase("now")
                && shift.right() instanceof TimeSpan span) {
            String unit = span.unit().name().toLowerCase(Locale.ROOT);
            out.add(TIMESTAMP + " " + b.op().symbol() + " now " + shift.op().symbol() + " " + span.amount() + " "
                    + (span.amount() == 1 ? unit : unit + "s"));
        }
    }
}
