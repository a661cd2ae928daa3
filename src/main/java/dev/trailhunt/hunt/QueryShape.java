package dev.trailhunt.hunt;

import dev.trailhunt.esql.ast.Binary;
import dev.trailhunt.esql.ast.BinaryOp;
import dev.trailhunt.esql.ast.Command;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.esql.ast.FieldRef;
import dev.trailhunt.esql.ast.FunctionCall;
import dev.trailhunt.esql.ast.MvExpand;
import dev.trailhunt.esql.ast.Order;
import dev.trailhunt.esql.ast.Query;
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
        Query query;
        try {
            query = EsqlParser.parse(esql);
        } catch (EsqlSyntaxException e) {
            return UNORDERED;
        }
        List<String> windows = new ArrayList<>();
        List<SortKey> keys = List.of();
        boolean sorted = false;
        for (Command c : query.commands()) {
            if (c instanceof Where w) {
                collectWindows(w.condition(), windows);
            } else if (c instanceof Sort s) {
                sorted = true;
                keys = sortKeys(s);
            } else if (c instanceof Stats || c instanceof MvExpand || c instanceof UnsupportedCommand) {
                // These regroup or multiply rows, so an earlier SORT no longer orders the output.
                sorted = false;
                keys = List.of();
            }
        }
        return new QueryShape(windows, keys, sorted);
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
