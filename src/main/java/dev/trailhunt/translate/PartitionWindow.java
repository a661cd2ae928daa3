package dev.trailhunt.translate;

import dev.trailhunt.esql.ast.Binary;
import dev.trailhunt.esql.ast.BinaryOp;
import dev.trailhunt.esql.ast.Command;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.esql.ast.FieldRef;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.esql.ast.Where;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Derives the predicate on a day partition column ({@code dt = 'YYYY-MM-DD'}, the UTC day of
 * {@code @timestamp}) from the time window of a query's first WHERE, so that Athena and Trino read
 * only the days the query can match.
 *
 * <p>Only {@code @timestamp} compared with a constant, in the AND-ed conditions of a WHERE right
 * after FROM, bounds the days; anything else leaves a side open. The partition predicate is added to
 * the WHERE, never replaces it, so rows are filtered exactly by {@code @timestamp} as before.
 */
final class PartitionWindow {
    private static final String TIMESTAMP = "@timestamp";

    private LocalDate from;
    private LocalDate to;

    private PartitionWindow() {}

    /** Returns the partition predicate for {@code query}, or null when its first WHERE puts no bound on {@code @timestamp}. */
    static Condition of(Query query, String partition, Session session) {
        List<Command> commands = query.commands();
        if (commands.size() < 2 || !(commands.get(1) instanceof Where where)) {
            return null;
        }
        PartitionWindow w = new PartitionWindow();
        w.collect(where.condition(), session);
        Field<String> dt = DSL.field(DSL.name(partition), String.class);
        Condition c = null;
        if (w.from != null) {
            c = dt.ge(DSL.inline(w.from.toString()));
        }
        if (w.to != null) {
            Condition upper = dt.le(DSL.inline(w.to.toString()));
            c = c == null ? upper : c.and(upper);
        }
        return c;
    }

    private void collect(Expr e, Session session) {
        if (!(e instanceof Binary b)) {
            return;
        }
        if (b.op() == BinaryOp.AND) {
            collect(b.left(), session);
            collect(b.right(), session);
            return;
        }
        if (b.op().group() != BinaryOp.Group.COMPARISON || b.op() == BinaryOp.NEQ) {
            return;
        }
        boolean left = b.left() instanceof FieldRef f && f.name().equals(TIMESTAMP);
        boolean right = b.right() instanceof FieldRef f && f.name().equals(TIMESTAMP);
        if (left == right) {
            return;
        }
        LocalDateTime bound = constant(left ? b.right() : b.left(), session);
        if (bound == null) {
            return;
        }
        // Written with @timestamp on the right, the comparison reads the other way round.
        BinaryOp op = left ? b.op() : flip(b.op());
        LocalDate day = bound.toLocalDate();
        switch (op) {
            case GT, GTE -> lower(day);
            case LT, LTE -> upper(day);
            case EQ -> {
                lower(day);
                upper(day);
            }
            default -> { }
        }
    }

    private void lower(LocalDate day) {
        from = from == null || day.isAfter(from) ? day : from;
    }

    private void upper(LocalDate day) {
        to = to == null || day.isBefore(to) ? day : to;
    }

    private static BinaryOp flip(BinaryOp op) {
        return switch (op) {
            case GT -> BinaryOp.LT;
            case GTE -> BinaryOp.LTE;
            case LT -> BinaryOp.GT;
            case LTE -> BinaryOp.GTE;
            default -> op;
        };
    }

    /** Translates an expression without columns; returns its datetime when it is a constant one, else null. */
    private static LocalDateTime constant(Expr e, Session session) {
        try {
            Typed t = new ExpressionTranslator(Pipeline.EMPTY.scope(), session, null).translate(e);
            return t.constant() && t.value() instanceof LocalDateTime d ? d : null;
        } catch (EsqlException notConstant) {
            // It names a column, or is invalid: the WHERE itself reports that; no bound here.
            return null;
        }
    }
}
