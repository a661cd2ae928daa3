package dev.trailhunt.translate;

import dev.trailhunt.model.ValueType;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Pairs a translated SQL expression with its ES|QL type, multi-value flag and, for constants, its value.
 *
 * <p>A time span ({@code 1 day}, {@code 2 hours}) is not a value: only date arithmetic, DATE_TRUNC and
 * BUCKET accept one. It is its own kind, asked with {@link #isSpan()}, and has no {@link #type()}.
 *
 * @param field the SQL expression
 * @param type the ES|QL type of a value; absent for a time span
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

    /** Creates a time span constant: a {@link Period} for calendar units, a {@link Duration} for exact ones. */
    static Typed span(Object span) {
        if (!(span instanceof Period) && !(span instanceof Duration)) {
            throw new IllegalArgumentException("not a time span: " + span);
        }
        return new Typed(Intervals.field(span), null, false, true, span);
    }

    static Typed bool(Condition c) {
        return of(DSL.field(c), ValueType.BOOLEAN);
    }

    /** Returns the ES|QL type of a value; a time span has none, so ask {@link #isSpan()} first. */
    @Override
    public ValueType type() {
        if (isSpan()) {
            throw new IllegalStateException("a time span has no value type");
        }
        return type;
    }

    boolean isSpan() {
        return value instanceof Period || value instanceof Duration;
    }

    /** Says whether this is a value of a numeric type, never a time span. */
    boolean isNumeric() {
        return !isSpan() && type.isNumeric();
    }

    /** Returns the type name ES|QL prints in errors: {@code date_period} and {@code time_duration} for spans. */
    String typeName() {
        if (value instanceof Period) {
            return "date_period";
        }
        if (value instanceof Duration) {
            return "time_duration";
        }
        return type.esqlName();
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
