package dev.trailhunt.translate;

import dev.trailhunt.model.ValueType;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Renders ES|QL's aggregates on Trino where its SQL differs from DuckDB's: no HUGEINT sums, no
 * {@code fsum}/{@code favg}, {@code min_by}/{@code max_by} for IPs, {@code array_agg} for VALUES.
 * Multi-valued arguments are reported as unsupported on trino.
 */
final class TrinoAggregates {
    private TrinoAggregates() {}

    static Typed sum(Call c) {
        Typed x = requireSingle(c, "SUM");
        if (x.type() == ValueType.NULL) {
            return Typed.literal(null, ValueType.NULL);
        }
        if (x.type() == ValueType.DOUBLE) {
            // Trino sums doubles without Kahan compensation: equal to Elasticsearch's up to rounding in the last bits.
            return Typed.of(c.filtered(DSL.aggregate("sum", Double.class, x.field())), ValueType.DOUBLE);
        }
        // Trino sums integers into BIGINT and fails the query on overflow, where ES|QL answers null.
        return Typed.of(c.filtered(DSL.aggregate("sum", Long.class, DSL.cast(x.field(), SQLDataType.BIGINT))), ValueType.LONG);
    }

    static Typed avg(Call c) {
        Typed x = requireSingle(c, "AVG");
        return Typed.of(c.filtered(DSL.aggregate("avg", Double.class, DSL.cast(x.field(), SQLDataType.DOUBLE))), ValueType.DOUBLE);
    }

    static Typed extreme(Call c, String name) {
        Typed x = c.arg(0);
        if (x.type() == ValueType.NULL) {
            return Typed.literal(null, ValueType.NULL);
        }
        if (x.type() == ValueType.VERSION) {
            throw Errors.unsupportedOn(c.session().dialect(), name.toUpperCase(java.util.Locale.ROOT) + " of a version", c.node());
        }
        if (x.type() == ValueType.IP) {
            // IPs compare by address, not as text: Trino's IPADDRESS orders as Elasticsearch does.
            return Typed.of(c.filtered(DSL.aggregate(name + "_by", String.class, x.field(), IpOrder.key(x.field()))), x.type());
        }
        return Typed.of(c.filtered(DSL.aggregate(name, SqlTypes.of(x.type()), x.field())), x.type());
    }

    static Typed values(Call c) {
        Typed x = requireSingle(c, "VALUES");
        if (x.type() == ValueType.NULL) {
            return Typed.literal(null, ValueType.NULL);
        }
        // array_agg keeps nulls, which VALUES drops; a group without values gets null, as DuckDB's empty list reads.
        Condition present = x.field().isNotNull();
        Field<?> all = DSL.aggregate("array_agg", Object.class, x.field()).filterWhere(c.filter() == null ? present : c.filter().and(present));
        return Typed.list(DSL.field("array_sort(array_distinct({0}))", Object.class, all), x.type());
    }

    private static Typed requireSingle(Call c, String function) {
        Typed x = c.arg(0);
        if (x.multiValued()) {
            throw Errors.unsupportedOn(c.session().dialect(), function + " of a multi-valued field", c.node());
        }
        return x;
    }
}
