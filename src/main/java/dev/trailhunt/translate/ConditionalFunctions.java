package dev.trailhunt.translate;

import static dev.trailhunt.translate.ArgKind.ANY;

import dev.trailhunt.model.ValueType;
import java.util.ArrayList;
import java.util.List;
import org.jooq.CaseConditionStep;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Declares ES|QL's conditional functions, COALESCE and CASE. */
final class ConditionalFunctions {
    private ConditionalFunctions() {}

    static void register(FunctionRegistry.Builder r) {
        r.scalar("coalesce").args(ANY).rest(ANY).returns(ResultType.COMMON).duckdb(ConditionalFunctions::coalesce)
                .trinoAsDuckdb();
        r.scalar("case").args(ANY, ANY).rest(ANY).returns(ResultType.COMMON).duckdb(ConditionalFunctions::caseWhen)
                .trino(c -> {
                    if (c.raw().stream().anyMatch(Typed::multiValued)) {
                        throw Errors.unsupportedOn(c.session().dialect(), "CASE of a multi-valued field", c.node());
                    }
                    return caseWhen(c);
                });
    }

    private static Typed coalesce(Call c) {
        ValueType type = FunctionSql.commonType(c, c.raw());
        List<Field<?>> fields = new ArrayList<>();
        for (Typed t : c.raw()) {
            if (t.multiValued()) {
                throw c.unsupported("COALESCE of a multi-valued field");
            }
            fields.add(t.field());
        }
        return Typed.of(DSL.function("coalesce", SqlTypes.of(type), fields.toArray(Field<?>[]::new)), type);
    }

    private static Typed caseWhen(Call c) {
        List<Typed> a = c.raw();
        List<Typed> values = new ArrayList<>();
        for (int i = 1; i < a.size(); i += 2) {
            values.add(a.get(i));
        }
        if (a.size() % 2 == 1) {
            values.add(a.get(a.size() - 1));
        }
        ValueType type = FunctionSql.commonType(c, values);
        // CASE hands a multi-valued value on whole, so every branch becomes a LIST when one is.
        boolean lists = values.stream().anyMatch(Typed::multiValued);
        var choose = DSL.choose();
        CaseConditionStep<Object> step = null;
        for (int i = 0; i + 1 < a.size(); i += 2) {
            Condition cond = ExpressionTranslator.asCondition(a.get(i), c.node());
            Field<Object> v = caseValue(a.get(i + 1), lists);
            step = step == null ? choose.when(cond, v) : step.when(cond, v);
        }
        Field<Object> result = a.size() % 2 == 1
                ? step.otherwise(caseValue(a.get(a.size() - 1), lists))
                : step.otherwise(DSL.inline((Object) null));
        return lists ? Typed.list(result, type) : Typed.of(result, type);
    }

    /** Returns a branch value: as a LIST when any branch is multi-valued, else its single value. */
    @SuppressWarnings("unchecked")
    private static Field<Object> caseValue(Typed t, boolean lists) {
        return lists ? (Field<Object>) FunctionSql.asList(t) : ExpressionTranslator.single(t).obj();
    }
}
