package dev.trailhunt.translate;

import static dev.trailhunt.translate.ArgKind.ANY;
import static dev.trailhunt.translate.ArgKind.NUMBER;
import static dev.trailhunt.translate.FunctionSql.fn;
import static dev.trailhunt.translate.FunctionSql.typed;

import dev.trailhunt.model.ValueType;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Field;

/** Declares ES|QL's math functions: rounding, powers, logarithms, trigonometry, constants and extremes. */
final class MathFunctions {
    private MathFunctions() {}

    static void register(FunctionRegistry.Builder r) {
        r.scalar("abs").args(NUMBER).returns(ResultType.FIRST_ARGUMENT).duckdb(c -> {
            Typed t = c.arg(0);
            return typed(SqlTypes.isIntegral(t.type()) ? "try(abs({0}))" : "abs({0})", t.type(), t.field());
        });
        r.scalar("round").args(NUMBER).optional(NUMBER).returns(ResultType.FIRST_ARGUMENT).duckdb(MathFunctions::round);
        for (String f : List.of("ceil", "floor")) {
            r.scalar(f).args(NUMBER).returns(ResultType.FIRST_ARGUMENT).duckdb(c -> SqlTypes.isIntegral(c.arg(0).type())
                    ? c.arg(0) : Typed.of(fn(f, ValueType.DOUBLE, c.arg(0).field()), ValueType.DOUBLE));
        }
        // Elasticsearch answers null where the result is not a finite number.
        for (String f : List.of("sqrt", "log10", "exp", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "cbrt")) {
            r.template(f, "CASE WHEN isfinite(" + f + "(CAST({0} AS DOUBLE))) THEN " + f + "(CAST({0} AS DOUBLE)) END", ValueType.DOUBLE, NUMBER);
        }
        r.template("pow", "CASE WHEN isfinite(pow(CAST({0} AS DOUBLE), {1})) THEN pow(CAST({0} AS DOUBLE), {1}) END",
                ValueType.DOUBLE, NUMBER, NUMBER);
        r.template("signum", "CAST(sign({0}) AS DOUBLE)", ValueType.DOUBLE, NUMBER);
        r.scalar("pi").args().returns(ValueType.DOUBLE).duckdb(c -> Typed.literal(Math.PI, ValueType.DOUBLE));
        r.scalar("e").args().returns(ValueType.DOUBLE).duckdb(c -> Typed.literal(Math.E, ValueType.DOUBLE));
        r.scalar("greatest").args(ANY).rest(ANY).returns(ResultType.COMMON).duckdb(c -> extreme(c, "greatest"));
        r.scalar("least").args(ANY).rest(ANY).returns(ResultType.COMMON).duckdb(c -> extreme(c, "least"));
    }

    private static Typed round(Call c) {
        Typed t = c.arg(0);
        if (c.size() == 1) {
            return SqlTypes.isIntegral(t.type()) ? t : typed("round({0})", ValueType.DOUBLE, t.field());
        }
        Typed digits = c.arg(1);
        if (SqlTypes.isIntegral(t.type())) {
            return typed("CAST(round({0}, {1}) AS " + (t.type() == ValueType.INTEGER ? "INTEGER" : "BIGINT") + ")", t.type(), t.field(), digits.field());
        }
        return typed("round({0}, {1})", ValueType.DOUBLE, t.field(), digits.field());
    }

    private static Typed extreme(Call c, String fn) {
        List<Typed> a = c.raw();
        ValueType type = FunctionSql.commonType(c, a);
        List<Field<?>> fields = new ArrayList<>();
        StringBuilder nullCheck = new StringBuilder("CASE WHEN ");
        for (int i = 0; i < a.size(); i++) {
            fields.add(ExpressionTranslator.single(a.get(i)).field());
            nullCheck.append(i == 0 ? "" : " OR ").append('{').append(i).append("} IS NULL");
        }
        StringBuilder call = new StringBuilder(fn).append('(');
        for (int i = 0; i < a.size(); i++) {
            call.append(i == 0 ? "" : ", ").append('{').append(i).append('}');
        }
        // DuckDB's greatest/least skip nulls; ES|QL's return null when any argument is null.
        return typed(nullCheck + " THEN NULL ELSE " + call + ") END", type, fields.toArray(Field<?>[]::new));
    }
}
