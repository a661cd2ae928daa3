package dev.trailhunt.translate;

import dev.trailhunt.model.ValueType;
import java.util.Objects;

/**
 * Declares the type a function returns for non-null arguments: a fixed one, or a rule on its arguments.
 *
 * @param rule how the type follows from the arguments
 * @param fixed the type for {@link Rule#FIXED}, else null
 */
record ResultType(Rule rule, ValueType fixed) {
    /** Names how a result type follows from the arguments. */
    enum Rule {
        /** Always the same type. */
        FIXED,
        /** The type of the first argument, e.g. ABS or MV_MIN. */
        FIRST_ARGUMENT,
        /** The type all arguments share, numbers widened, e.g. COALESCE or GREATEST. */
        COMMON,
        /** A long for integral numbers, a double for doubles, e.g. SUM. */
        LONG_OR_DOUBLE
    }

    static final ResultType FIRST_ARGUMENT = new ResultType(Rule.FIRST_ARGUMENT, null);
    static final ResultType COMMON = new ResultType(Rule.COMMON, null);
    static final ResultType LONG_OR_DOUBLE = new ResultType(Rule.LONG_OR_DOUBLE, null);

    ResultType {
        Objects.requireNonNull(rule, "rule");
        if ((rule == Rule.FIXED) != (fixed != null)) {
            throw new IllegalArgumentException("a fixed result type needs its type, and only it");
        }
    }

    static ResultType of(ValueType type) {
        return new ResultType(Rule.FIXED, type);
    }
}
