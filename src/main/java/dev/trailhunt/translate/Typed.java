package dev.trailhunt.translate;

import dev.trailhunt.engine.ValueType;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Pairs a translated SQL expression with its ES|QL type, multi-value flag and, for constants, its value.
 *
 * @param field the SQL expression
 * @param type the ES|QL type; {@code null} for a time span
 * @param multiValued whether the SQL value is a LIST
 * @param constant whether the expression is a constant known at translation time
 * @param value the constant's Java value ({@link LocalDateTime} for datetimes, {@link Period} or
 *     {@link Duration} for spans), or the string a column is known to hold in every row, or null
 */
record Typed(Field<?> field, ValueType type, boolean multiValued, boolean constant, Object value) {

    static Typed of(Field<?> field, ValueType type) {
        return new Typed(field, type, false, false, null);
    }

    static Typed list(Field<?> field, ValueType type) {
        return new Typed(field, type, true, false, null);
    }

    static Typed literal(Object value, ValueType type) {
        Field<?> f = value instanceof LocalDateTime t ? DSL.inline(t) : DSL.inline(value);
        return new Typed(f, type, false, true, value);
    }

    static Typed bool(Condition c) {
        return of(DSL.field(c), ValueType.BOOLEAN);
    }

    boolean isSpan() {
        return value instanceof Period || value instanceof Duration;
    }

    boolean isNullConstant() {
        return constant && value == null;
    }

    boolean isStringConstant() {
        return constant && value instanceof String;
    }

    /** Says whether the string is known at translation time: a constant, or a column ROW or EVAL set to one. */
    boolean isKnownString() {
        return value instanceof String;
    }

    @SuppressWarnings("unchecked")
    Field<Object> obj() {
        return (Field<Object>) field;
    }
}
