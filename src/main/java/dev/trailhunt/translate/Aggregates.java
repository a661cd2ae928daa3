package dev.trailhunt.translate;

import static dev.trailhunt.translate.ArgKind.ANY;
import static dev.trailhunt.translate.ArgKind.FIELD;
import static dev.trailhunt.translate.ArgKind.NUMBERS;
import static dev.trailhunt.translate.ArgKind.NUMERIC_FIELD;
import static dev.trailhunt.translate.FunctionSql.fn;

import dev.trailhunt.model.ValueType;
import java.util.List;
import java.util.Locale;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Declares ES|QL's aggregate functions. Each renders over the rows of one STATS group, restricted
 * by the call's STATS ... WHERE filter; a multi-valued argument contributes every one of its values.
 */
final class Aggregates {
    private Aggregates() {}

    static void register(FunctionRegistry.Builder r) {
        r.aggregate("count").args(FIELD).returns(ValueType.LONG).with(FunctionDef.Trait.STAR).duckdb(Aggregates::count)
                .trino(Aggregates::count);
        r.aggregate("count_distinct").args(FIELD).optional(ANY).returns(ValueType.LONG).duckdb(Aggregates::countDistinct)
                .trino(c -> countDistinct(single(c, "COUNT_DISTINCT")));
        r.aggregate("sum").args(NUMERIC_FIELD).returns(ResultType.LONG_OR_DOUBLE).duckdb(Aggregates::sum).trino(TrinoAggregates::sum);
        r.aggregate("avg").args(NUMERIC_FIELD).returns(ValueType.DOUBLE).duckdb(Aggregates::avg).trino(TrinoAggregates::avg);
        r.aggregate("min").args(FIELD).returns(ResultType.FIRST_ARGUMENT).duckdb(c -> extreme(c, "min"))
                .trino(c -> TrinoAggregates.extreme(single(c, "MIN"), "min"));
        r.aggregate("max").args(FIELD).returns(ResultType.FIRST_ARGUMENT).duckdb(c -> extreme(c, "max"))
                .trino(c -> TrinoAggregates.extreme(single(c, "MAX"), "max"));
        r.aggregate("values").args(FIELD).returns(ResultType.FIRST_ARGUMENT).duckdb(Aggregates::values).trino(TrinoAggregates::values);
        r.aggregate("median").args(NUMERIC_FIELD).returns(ValueType.DOUBLE).duckdb(c -> statistic(c, "quantile_cont", 0.5d));
        r.aggregate("percentile").args(NUMERIC_FIELD, ANY).returns(ValueType.DOUBLE).duckdb(Aggregates::percentile);
        r.aggregate("std_dev").args(NUMERIC_FIELD).returns(ValueType.DOUBLE).duckdb(c -> statistic(c, "stddev_pop", null));
        r.aggregate("variance", "std_var").args(NUMERIC_FIELD).returns(ValueType.DOUBLE).duckdb(c -> statistic(c, "var_pop", null));
        r.aggregate("median_absolute_deviation").args(NUMERIC_FIELD).returns(ValueType.DOUBLE).duckdb(c -> statistic(c, "mad", null));
        r.aggregate("weighted_avg").args(NUMBERS, NUMBERS).returns(ValueType.DOUBLE).duckdb(Aggregates::weightedAvg);
        r.aggregate("top").args(ANY, ANY, ANY).returns(ResultType.FIRST_ARGUMENT).with(FunctionDef.Trait.MORE_FORMS_UNSUPPORTED)
                .duckdb(Aggregates::top);
        // PRESENT says whether any row holds a value; ABSENT is its negation.
        r.aggregate("present").args(ANY).returns(ValueType.BOOLEAN).duckdb(c -> presence(c, "({0} > 0)"));
        r.aggregate("absent").args(ANY).returns(ValueType.BOOLEAN).duckdb(c -> presence(c, "({0} = 0)"));
    }

    /** Returns the call when its argument is single-valued; on Trino a multi-valued one is unsupported. */
    private static Call single(Call c, String function) {
        if (c.size() > 0 && c.arg(0).multiValued()) {
            throw Errors.unsupportedOn(c.session().dialect(), function + " of a multi-valued field", c.node());
        }
        return c;
    }

    private static Typed count(Call c) {
        if (c.node().star() || c.size() == 0) {
            return Typed.of(c.filtered(DSL.count()), ValueType.LONG);
        }
        Typed x = c.arg(0);
        if (x.isNullConstant()) {
            return Typed.literal(0L, ValueType.LONG);
        }
        if (x.multiValued()) {
            Field<?> sum = c.filtered(DSL.aggregate("sum", Object.class, DialectSql.len(x.field())));
            return Typed.of(DSL.field("CAST(coalesce({0}, 0) AS BIGINT)", SQLDataType.BIGINT, sum), ValueType.LONG);
        }
        return Typed.of(c.filtered(DSL.aggregate("count", Long.class, x.field())), ValueType.LONG);
    }

    private static Typed countDistinct(Call c) {
        Typed x = c.arg(0);
        if (x.multiValued()) {
            Field<?> all = c.filtered(DSL.aggregate("list", Object.class, x.field()));
            return Typed.of(DSL.field("CAST(coalesce(len(list_distinct(flatten({0}))), 0) AS BIGINT)", SQLDataType.BIGINT, all), ValueType.LONG);
        }
        return Typed.of(c.filtered(DSL.aggregateDistinct("count", Long.class, x.field())), ValueType.LONG);
    }

    private static Typed sum(Call c) {
        Typed x = c.arg(0);
        if (x.type() == ValueType.NULL) {
            return Typed.literal(null, ValueType.NULL);
        }
        Field<?> v = x.multiValued() ? fn("list_sum", x.type(), x.field()) : x.field();
        Field<?> sum = c.filtered(DSL.aggregate("sum", Object.class, v));
        if (x.type() == ValueType.DOUBLE && x.multiValued()) {
            // Every value takes part, in order, in Elasticsearch's Kahan sum (CompensatedSum), whose
            // result is the running sum plus its remaining correction.
            Field<?> all = c.filtered(DSL.aggregate("list", Object.class, x.field()));
            return Typed.of(DSL.field("CASE WHEN len(flatten({0})) > 0 THEN list_sum(list_reduce(list_transform(flatten({0}), lambda v: [v, 0.0]), "
                    + "lambda acc, e: [acc[1] + (e[1] + acc[2]), (e[1] + acc[2]) - ((acc[1] + (e[1] + acc[2])) - acc[1])])) END",
                    SQLDataType.DOUBLE, all), ValueType.DOUBLE);
        }
        if (x.type() == ValueType.DOUBLE) {
            // Elasticsearch sums doubles with Kahan compensation; fsum does the same.
            return Typed.of(c.filtered(DSL.aggregate("fsum", Double.class, v)), ValueType.DOUBLE);
        }
        // DuckDB sums integers into HUGEINT; ES|QL answers null when the long overflows.
        return Typed.of(DSL.field("try_cast({0} AS BIGINT)", SQLDataType.BIGINT, sum), ValueType.LONG);
    }

    private static Typed avg(Call c) {
        Typed x = c.arg(0);
        if (x.multiValued()) {
            Field<?> s = c.filtered(DSL.aggregate("sum", Object.class, fn("list_sum", x.type(), x.field())));
            Field<?> n = c.filtered(DSL.aggregate("sum", Object.class, fn("len", ValueType.LONG, x.field())));
            return Typed.of(DSL.field("CAST({0} AS DOUBLE) / nullif({1}, 0)", SQLDataType.DOUBLE, s, n), ValueType.DOUBLE);
        }
        return Typed.of(DSL.cast(c.filtered(DSL.aggregate(x.type() == ValueType.DOUBLE ? "favg" : "avg", Object.class, x.field())),
                SQLDataType.DOUBLE), ValueType.DOUBLE);
    }

    private static Typed extreme(Call c, String name) {
        Typed x = c.arg(0);
        if (x.type() == ValueType.NULL) {
            return Typed.literal(null, ValueType.NULL);
        }
        Field<?> v = x.multiValued() ? fn("list_" + name, x.type(), x.field()) : x.field();
        if (x.type() == ValueType.IP && !x.multiValued()) {
            // IPs compare by address, not as text.
            return Typed.of(c.filtered(DSL.aggregate("arg_" + name, String.class, x.field(), IpOrder.key(x.field()))), x.type());
        }
        if (x.type() == ValueType.IP || x.type() == ValueType.VERSION) {
            // IPs compare by address and versions by their parts, not as text: aggregate [key, value] pairs.
            String lambda = "lambda \"" + HiddenNames.VALUE + "\": [{1}, \"" + HiddenNames.VALUE + "\"]";
            Field<?> pairs = x.multiValued()
                    ? DSL.field("list_" + name + "(list_transform({0}, " + lambda + "))", Object.class,
                            x.field(), orderKey(x.type(), DSL.field(DSL.name(HiddenNames.VALUE))))
                    : DSL.field("CASE WHEN {1} IS NOT NULL THEN [{0}, {1}] END", Object.class, orderKey(x.type(), x.field()), x.field());
            return Typed.of(DSL.field("{0}[2]", String.class, c.filtered(DSL.aggregate(name, Object.class, pairs))), x.type());
        }
        return Typed.of(c.filtered(DSL.aggregate(name, SqlTypes.of(x.type()), v)), x.type());
    }

    private static Field<String> orderKey(ValueType type, Field<?> value) {
        return type == ValueType.IP ? IpOrder.key(value) : VersionOrder.key(value);
    }

    private static Typed values(Call c) {
        Typed x = c.arg(0);
        if (x.type() == ValueType.NULL) {
            return Typed.literal(null, ValueType.NULL);
        }
        Field<?> all = c.filtered(DSL.aggregate("list", Object.class, x.field()));
        String t = x.multiValued() ? "list_sort(list_distinct(flatten({0})))" : "list_sort(list_distinct({0}))";
        return Typed.list(DSL.field(t, Object.class, all), x.type());
    }

    /**
     * Renders a statistic of the numbers: {@code function} is DuckDB's aggregate, {@code fraction}
     * its second argument (a quantile) or null. A multi-value contributes every value: they are
     * gathered, flattened and aggregated as one list.
     */
    private static Typed statistic(Call c, String function, Double fraction) {
        Typed x = c.arg(0);
        if (x.multiValued()) {
            Field<?> all = c.filtered(DSL.aggregate("list", Object.class, x.field()));
            String flat = "list_transform(flatten({0}), lambda v: CAST(v AS DOUBLE))";
            String extra = fraction == null ? "" : ", " + fraction;
            return Typed.of(DSL.field("list_aggregate(" + flat + ", '" + function + "'" + extra + ")", SQLDataType.DOUBLE, all), ValueType.DOUBLE);
        }
        Field<?> d = DSL.cast(x.field(), SQLDataType.DOUBLE);
        Field<?> agg = fraction == null
                ? c.filtered(DSL.aggregate(function, Object.class, d))
                : c.filtered(DSL.aggregate(function, Object.class, d, DSL.inline(fraction)));
        return Typed.of(DSL.cast(agg, SQLDataType.DOUBLE), ValueType.DOUBLE);
    }

    private static Typed percentile(Call c) {
        if (c.arg(0).multiValued()) {
            throw c.unsupported("PERCENTILE of a multi-valued field");
        }
        Typed p = c.raw(1);
        if (!p.constant() || !(p.value() instanceof Number pn)) {
            throw c.unsupported("PERCENTILE with a non-constant percentile");
        }
        double q = pn.doubleValue() / 100.0;
        if (q < 0 || q > 1) {
            throw c.semantic("percentile must be between 0 and 100");
        }
        return statistic(c, "quantile_cont", q);
    }

    private static Typed weightedAvg(Call c) {
        Typed x = c.arg(0);
        Typed w = c.arg(1);
        // Elasticsearch rewrites WEIGHTED_AVG: a constant number is its MV_AVG, a constant weight makes it AVG.
        if (x.constant()) {
            return c.delegate("mv_avg", List.of(x));
        }
        if (w.constant()) {
            // SUM / COUNT, so a long sum that overflows makes the result null.
            Typed sum = c.delegate("sum", List.of(x));
            Typed count = c.delegate("count", List.of(x));
            return Typed.of(DSL.field("(CAST({0} AS DOUBLE) / nullif({1}, 0))", SQLDataType.DOUBLE, sum.field(), count.field()), ValueType.DOUBLE);
        }
        if (x.multiValued() || w.multiValued()) {
            // SUM(number * weight) / SUM(weight): a product with a multi-value is null, the weights all count.
            Field<?> product = DSL.field("CAST({0} AS DOUBLE) * {1}", Object.class, ExpressionTranslator.single(x).field(),
                    ExpressionTranslator.single(w).field());
            Field<?> weights = w.multiValued() ? fn("list_sum", w.type(), w.field()) : w.field();
            Field<?> numerator = c.filtered(DSL.aggregate("fsum", Object.class, product));
            Field<?> denominator = c.filtered(DSL.aggregate("fsum", Object.class, DSL.cast(weights, SQLDataType.DOUBLE)));
            return Typed.of(DSL.field("({0} / nullif({1}, 0))", SQLDataType.DOUBLE, numerator, denominator), ValueType.DOUBLE);
        }
        Field<?> num;
        if (SqlTypes.isIntegral(x.type()) && SqlTypes.isIntegral(w.type())) {
            // Integral products and their sum are longs in Elasticsearch: an overflow makes the result null.
            Field<?> sum = c.filtered(DSL.aggregate("sum", Object.class, DSL.field("try({0} * {1})", Object.class, x.field(), w.field())));
            num = DSL.field("CAST(try_cast({0} AS BIGINT) AS DOUBLE)", Object.class, sum);
        } else {
            num = c.filtered(DSL.aggregate("fsum", Object.class, DSL.field("CAST({0} AS DOUBLE) * {1}", Object.class, x.field(), w.field())));
        }
        Field<?> den = c.filtered(DSL.aggregate("fsum", Object.class,
                DSL.field("CASE WHEN {0} IS NOT NULL THEN CAST({1} AS DOUBLE) END", Object.class, x.field(), w.field())));
        return Typed.of(DSL.field("({0} / nullif({1}, 0))", SQLDataType.DOUBLE, num, den), ValueType.DOUBLE);
    }

    private static Typed top(Call c) {
        Typed x = c.raw(0);
        Typed n = c.raw(1);
        Typed order = c.raw(2);
        if (!n.constant() || !(n.value() instanceof Integer) || !order.isStringConstant()
                || !List.of("asc", "desc").contains(((String) order.value()).toLowerCase(Locale.ROOT))) {
            throw c.unsupported("TOP with a non-constant limit or order");
        }
        if (x.isSpan() || x.type() == ValueType.IP || x.type() == ValueType.VERSION || x.type() == ValueType.NULL) {
            throw c.unsupported("TOP of " + x.typeName());
        }
        boolean desc = ((String) order.value()).equalsIgnoreCase("desc");
        Field<?> all = c.filtered(DSL.aggregate("list", Object.class, x.field()));
        String values = x.multiValued() ? "flatten({0})" : "{0}";
        String sorted = (desc ? "list_reverse_sort(" : "list_sort(") + values + ")";
        return Typed.list(DSL.field("list_slice(" + sorted + ", 1, {1})", Object.class, all, DSL.inline(n.value())), x.type());
    }

    private static Typed presence(Call c, String test) {
        Field<?> count = c.raw(0).isNullConstant() ? DSL.inline(0L)
                : c.filtered(DSL.aggregate("count", Long.class, c.raw(0).field()));
        return Typed.of(DSL.field(test, SQLDataType.BOOLEAN, count), ValueType.BOOLEAN);
    }
}
