package dev.trailhunt.translate;

import static dev.trailhunt.translate.ArgKind.ANY;
import static dev.trailhunt.translate.ArgKind.CONSTANT_STRING;
import static dev.trailhunt.translate.ArgKind.NUMBER;
import static dev.trailhunt.translate.ArgKind.NUMBERS;
import static dev.trailhunt.translate.ArgKind.STRING;
import static dev.trailhunt.translate.FunctionSql.asList;
import static dev.trailhunt.translate.FunctionSql.fn;
import static dev.trailhunt.translate.FunctionSql.typed;

import dev.trailhunt.model.ValueType;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Declares ES|QL's MV_* functions, which take a multi-valued argument whole (a DuckDB LIST) and
 * treat a single value as a list of one.
 */
final class MultiValueFunctions {
    private MultiValueFunctions() {}

    static void register(FunctionRegistry.Builder r) {
        r.scalar("mv_count").args(ANY).returns(ValueType.INTEGER).duckdb(c -> c.raw(0).multiValued()
                ? Typed.of(DSL.cast(DialectSql.len(c.raw(0).field()), SQLDataType.INTEGER), ValueType.INTEGER)
                : typed("CASE WHEN {0} IS NULL THEN NULL ELSE 1 END", ValueType.INTEGER, c.raw(0).field()))
                .trinoAsDuckdb();
        r.scalar("mv_dedupe").args(ANY).returns(ResultType.FIRST_ARGUMENT)
                .duckdb(c -> listOp(c.raw(0), "list_filter({0}, lambda v, i: list_position({0}, v) = i)", true));
        r.scalar("mv_first").args(ANY).returns(ResultType.FIRST_ARGUMENT).duckdb(c -> listOp(c.raw(0), "{0}[1]", false));
        r.scalar("mv_last").args(ANY).returns(ResultType.FIRST_ARGUMENT).duckdb(c -> listOp(c.raw(0), "{0}[-1]", false));
        r.scalar("mv_min").args(ANY).returns(ResultType.FIRST_ARGUMENT).duckdb(c -> listOp(c.raw(0), "list_min({0})", false));
        r.scalar("mv_max").args(ANY).returns(ResultType.FIRST_ARGUMENT).duckdb(c -> listOp(c.raw(0), "list_max({0})", false));
        r.scalar("mv_sum").args(NUMBERS).returns(ResultType.LONG_OR_DOUBLE).duckdb(MultiValueFunctions::sum);
        r.scalar("mv_avg").args(NUMBERS).returns(ValueType.DOUBLE).duckdb(c -> c.raw(0).multiValued()
                ? typed("list_avg({0})", ValueType.DOUBLE, c.raw(0).field())
                : typed("CAST({0} AS DOUBLE)", ValueType.DOUBLE, c.raw(0).field()));
        r.scalar("mv_concat").args(ANY, STRING).returns(ValueType.KEYWORD).duckdb(MultiValueFunctions::concat);
        r.scalar("mv_sort").args(ANY).optional(CONSTANT_STRING).returns(ResultType.FIRST_ARGUMENT).duckdb(MultiValueFunctions::sort)
                .trino(MultiValueFunctions::trinoSort);
        r.scalar("mv_append").args(ANY, ANY).returns(ResultType.COMMON).duckdb(c -> Typed.list(
                DSL.field("CASE WHEN {0} IS NULL OR {1} IS NULL THEN NULL ELSE list_concat({0}, {1}) END",
                        Object.class, asList(c.raw(0)), asList(c.raw(1))), FunctionSql.commonType(c, c.raw())));
        r.scalar("mv_slice").args(ANY, NUMBER).optional(NUMBER).returns(ResultType.FIRST_ARGUMENT).duckdb(MultiValueFunctions::slice);
        r.scalar("mv_zip").args(STRING, STRING).optional(STRING).returns(ValueType.KEYWORD).duckdb(MultiValueFunctions::zip);
        r.scalar("mv_contains").args(ANY, ANY).returns(ValueType.BOOLEAN).duckdb(c -> {
            FunctionSql.commonType(c, c.raw());
            // Every value of the second argument must be among the first's; a null second argument is always contained.
            return typed("CASE WHEN {1} IS NULL THEN true WHEN {0} IS NULL THEN false ELSE list_has_all({0}, {1}) END",
                    ValueType.BOOLEAN, asList(c.raw(0)), asList(c.raw(1)));
        });
        // True when any value matches; a null field gives false, not null.
        r.scalar("mv_like").args(STRING, CONSTANT_STRING).returns(ValueType.BOOLEAN).duckdb(c -> typed(
                "coalesce(list_bool_or(list_transform({0}, lambda v: v LIKE {1} ESCAPE '\\')), false)", ValueType.BOOLEAN,
                asList(c.raw(0)), DSL.inline(LikePattern.toSqlLike(c.constantString(1)))));
        r.scalar("mv_rlike").args(STRING, CONSTANT_STRING).returns(ValueType.BOOLEAN).duckdb(MultiValueFunctions::rlike);
    }

    /** Applies a list template to a multi-value; a single value is its own answer. */
    private static Typed listOp(Typed t, String template, boolean returnsList) {
        if (!t.multiValued()) {
            return t;
        }
        Field<?> f = returnsList ? DSL.field(template, Object.class, t.field()) : DSL.field(template, SqlTypes.of(t.type()), t.field());
        return returnsList ? Typed.list(f, t.type()) : Typed.of(f, t.type());
    }

    private static Typed sum(Call c) {
        Typed values = c.raw(0);
        ValueType t = values.type() == ValueType.DOUBLE ? ValueType.DOUBLE : ValueType.LONG;
        if (values.multiValued()) {
            return Typed.of(listOp(values, t == ValueType.DOUBLE ? "list_sum({0})" : "try(CAST(list_sum({0}) AS BIGINT))", false).field(), t);
        }
        return typed("CAST({0} AS " + (t == ValueType.DOUBLE ? "DOUBLE" : "BIGINT") + ")", t, values.field());
    }

    private static Typed concat(Call c) {
        Typed t = c.raw(0);
        Field<?> sep = c.arg(1).field();
        if (!t.multiValued()) {
            return typed("CASE WHEN {1} IS NOT NULL THEN {0} END", ValueType.KEYWORD, STRING.check(c.node(), 0, t).field(), sep);
        }
        if (!c.raw(1).constant()) {
            // array_to_string wants a constant separator; a fold joins with one read from the row.
            return typed("list_reduce({0}, lambda p, q: p || {1} || q)", ValueType.KEYWORD, t.field(), sep);
        }
        return typed("array_to_string({0}, {1})", ValueType.KEYWORD, t.field(), sep);
    }

    private static Typed sort(Call c) {
        boolean desc = c.size() == 2 && c.constantString(1).equalsIgnoreCase("desc");
        if (c.size() == 2 && !desc && !c.constantString(1).equalsIgnoreCase("asc")) {
            throw c.semantic("Invalid order value in [" + c.text() + "], expected one of [ASC, DESC]");
        }
        return listOp(c.raw(0), desc ? "list_reverse_sort({0})" : "list_sort({0})", true);
    }

    /** Sorts on Trino: array_sort orders text by code point, as DuckDB's list_sort orders it by bytes of UTF-8. */
    private static Typed trinoSort(Call c) {
        boolean desc = c.size() == 2 && c.constantString(1).equalsIgnoreCase("desc");
        if (c.size() == 2 && !desc && !c.constantString(1).equalsIgnoreCase("asc")) {
            throw c.semantic("Invalid order value in [" + c.text() + "], expected one of [ASC, DESC]");
        }
        return listOp(c.raw(0), desc ? "reverse(array_sort({0}))" : "array_sort({0})", true);
    }

    private static Typed slice(Call c) {
        Typed t = c.raw(0);
        if (t.isSpan()) {
            throw c.unsupported("a time span as a column value");
        }
        // Counted in BIGINT: an index near the integer limit plus one would overflow DuckDB's INTEGER.
        Field<?> start = DSL.cast(c.arg(1).field(), SQLDataType.BIGINT);
        Field<?> end = c.size() == 3 ? DSL.cast(c.arg(2).field(), SQLDataType.BIGINT) : start;
        // ES|QL slices are 0-based with an inclusive end; DuckDB's are 1-based, and both count negatives from the end.
        Field<?> slice = DSL.field("list_slice({0}, CASE WHEN {1} >= 0 THEN {1} + 1 ELSE len({0}) + {1} + 1 END, "
                + "CASE WHEN {2} >= 0 THEN {2} + 1 ELSE len({0}) + {2} + 1 END)", Object.class, asList(t), start, end);
        return Typed.list(slice, t.type());
    }

    private static Typed zip(Call c) {
        Field<?> left = DSL.field("coalesce({0}, []::VARCHAR[])", Object.class, asList(c.raw(0)));
        Field<?> right = DSL.field("coalesce({0}, []::VARCHAR[])", Object.class, asList(c.raw(1)));
        Field<?> delim = c.size() == 3 ? c.arg(2).field() : DSL.inline(",");
        // Pairs are joined position by position; the longer side's extra values come through alone.
        return Typed.list(DSL.field("CASE WHEN {2} IS NULL OR (len({0}) = 0 AND len({1}) = 0) THEN NULL "
                + "ELSE list_transform(range(1, greatest(len({0}), len({1})) + 1), lambda i: CASE "
                + "WHEN i <= len({0}) AND i <= len({1}) THEN {0}[i] || {2} || {1}[i] WHEN i <= len({0}) THEN {0}[i] ELSE {1}[i] END) END",
                Object.class, left, right, delim), ValueType.KEYWORD);
    }

    private static Typed rlike(Call c) {
        String re;
        try {
            re = LikePattern.toRe2(c.constantString(1));
        } catch (IllegalArgumentException e) {
            throw c.unsupported(e.getMessage());
        }
        Re2.requireValid(re, "MV_RLIKE pattern [" + c.constantString(1) + "]", c.node());
        return typed("coalesce(list_bool_or(list_transform({0}, lambda v: regexp_full_match(v, {1}))), false)", ValueType.BOOLEAN,
                asList(c.raw(0)), DSL.inline(re));
    }
}
