package dev.trailhunt.translate;

import dev.trailhunt.esql.ast.Binary;
import dev.trailhunt.esql.ast.BinaryOp;
import dev.trailhunt.esql.ast.Command;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.esql.ast.FieldRef;
import dev.trailhunt.esql.ast.In;
import dev.trailhunt.esql.ast.Literal;
import dev.trailhunt.esql.ast.LiteralType;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.esql.ast.Where;
import dev.trailhunt.model.PartitionLayout;
import dev.trailhunt.model.TimeBound;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Derives the predicates on the Hive partition columns of the ECS Parquet layout from a query, so
 * that Athena and Trino read only the partitions the query can match: {@code dt} (the UTC day of
 * {@code @timestamp}) from the run's time bound ({@code --from/--to/--now}) and from the time window
 * of the query's first WHERE, and {@code account}/{@code region} from that WHERE pinning
 * {@code cloud.account.id}/{@code cloud.region} to literals ({@code ==} or {@code IN}).
 *
 * <p>Only comparisons with constants, in the AND-ed conditions of a WHERE right after FROM, count;
 * anything else leaves that partition open. The predicates are added to the WHERE, never replace it,
 * so rows are still filtered exactly by the query's own conditions: a predicate is only ever implied
 * by them (a row whose field equals a plain literal lies in that literal's partition, any other value
 * in {@link PartitionLayout#OTHER}).
 */
final class PartitionWindow {
    private static final String TIMESTAMP = "@timestamp";

    private final Map<String, String> pinnable;
    private final Map<String, Set<String>> pinned = new LinkedHashMap<>();
    private LocalDate from;
    private LocalDate to;

    private PartitionWindow(Map<String, String> pinnable) {
        this.pinnable = pinnable;
    }

    /** Returns the partition predicates for {@code query}, or null when nothing bounds a partition. */
    static Condition of(Query query, PartitionLayout layout, Session session) {
        PartitionWindow w = new PartitionWindow(layout.fieldPartitions());
        TimeBound bound = session.bound();
        if (bound.from() != null) {
            w.lower(LocalDateTime.ofInstant(bound.from(), ZoneOffset.UTC).toLocalDate());
        }
        if (bound.until() != null) {
            // An exclusive end at midnight sees nothing of that day.
            Instant last = bound.untilInclusive() ? bound.until() : bound.until().minusNanos(1);
            w.upper(LocalDateTime.ofInstant(last, ZoneOffset.UTC).toLocalDate());
        }
        List<Command> commands = query.commands();
        if (commands.size() >= 2 && commands.get(1) instanceof Where where) {
            w.collect(where.condition(), session);
        }
        Field<String> dt = DSL.field(DSL.name(PartitionLayout.DAY), String.class);
        Condition c = DSL.noCondition();
        if (w.from != null) {
            c = c.and(dt.ge(DSL.inline(w.from.toString())));
        }
        if (w.to != null) {
            c = c.and(dt.le(DSL.inline(w.to.toString())));
        }
        for (Map.Entry<String, Set<String>> p : w.pinned.entrySet()) {
            Field<String> column = DSL.field(DSL.name(w.pinnable.get(p.getKey())), String.class);
            List<Field<String>> values = p.getValue().stream().sorted().<Field<String>>map(DSL::inline).toList();
            c = c.and(values.size() == 1 ? column.eq(values.get(0)) : column.in(values));
        }
        return c.equals(DSL.noCondition()) ? null : c;
    }

    private void collect(Expr e, Session session) {
        if (e instanceof In in && !in.negated() && in.value() instanceof FieldRef f && pinnable.containsKey(f.name())) {
            pin(f.name(), in.list());
            return;
        }
        if (!(e instanceof Binary b)) {
            return;
        }
        if (b.op() == BinaryOp.AND) {
            collect(b.left(), session);
            collect(b.right(), session);
            return;
        }
        if (b.op() == BinaryOp.EQ && b.left() instanceof FieldRef f && pinnable.containsKey(f.name())) {
            pin(f.name(), List.of(b.right()));
            return;
        }
        if (b.op() == BinaryOp.EQ && b.right() instanceof FieldRef f && pinnable.containsKey(f.name())) {
            pin(f.name(), List.of(b.left()));
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

    /** Narrows a field's partitions to those of the keyword literals it must equal; any other candidate leaves it open. */
    private void pin(String field, List<Expr> candidates) {
        Set<String> parts = new TreeSet<>();
        for (Expr c : candidates) {
            if (!(c instanceof Literal l) || l.type() != LiteralType.KEYWORD) {
                return;
            }
            String v = (String) l.value();
            parts.add(PartitionLayout.isPlain(v) ? v : PartitionLayout.OTHER);
        }
        // Two conditions on one field: a row meeting both lies in a partition both allow.
        pinned.merge(field, parts, (a, b) -> {
            Set<String> both = new TreeSet<>(a);
            both.retainAll(b);
            return both;
        });
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
