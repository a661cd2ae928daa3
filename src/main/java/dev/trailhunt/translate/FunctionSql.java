package dev.trailhunt.translate;

import dev.trailhunt.model.ValueType;
import java.util.List;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Builds the SQL pieces and type rules that several function families share. */
final class FunctionSql {
    private FunctionSql() {}

    /** Calls a DuckDB function by name; the name is always one of the family files', never query text. */
    static Field<?> fn(String name, ValueType type, Field<?>... args) {
        return DSL.function(name, SqlTypes.of(type), args);
    }

    /** Renders a jOOQ template of the arguments as a value of {@code type}. */
    static Typed typed(String template, ValueType type, Field<?>... args) {
        return Typed.of(DSL.field(template, SqlTypes.of(type), (Object[]) args), type);
    }

    /** Returns a value as a LIST: itself when multi-valued, a one-element list otherwise, null for null. */
    static Field<?> asList(Typed t) {
        if (t.multiValued()) {
            return t.field();
        }
        return DSL.field("CASE WHEN {0} IS NULL THEN NULL ELSE {1} END", Object.class, t.field(), DialectSql.listOf(t.field()));
    }

    /**
     * Returns the type all arguments share, numbers widened and keyword and text made keyword; nulls
     * do not count, time spans and other mixes are errors.
     */
    static ValueType commonType(Call c, List<Typed> args) {
        ValueType type = null;
        for (Typed t : args) {
            if (t.isNullConstant() || (!t.isSpan() && t.type() == ValueType.NULL)) {
                continue;
            }
            if (t.isSpan()) {
                throw c.semantic("[" + c.name() + "] does not accept a time span");
            }
            if (type == null) {
                type = t.type();
            } else if (type != t.type()) {
                if (type.isNumeric() && t.type().isNumeric()) {
                    type = SqlTypes.widerNumeric(type, t.type());
                } else if (SqlTypes.isString(type) && SqlTypes.isString(t.type())) {
                    type = ValueType.KEYWORD;
                } else {
                    throw c.semantic("arguments of [" + c.text() + "] must all be of type [" + type.esqlName()
                            + "], found [" + t.type().esqlName() + "]");
                }
            }
        }
        return type == null ? ValueType.NULL : type;
    }
}
