package dev.trailhunt.translate;

import dev.trailhunt.esql.ast.FunctionCall;
import dev.trailhunt.esql.ast.Node;
import dev.trailhunt.model.ValueType;
import java.util.Locale;

/**
 * Says what one argument of a function may be, and how the registry checks and converts it before
 * the function renders; the errors name the argument's place in the call.
 */
enum ArgKind {
    /** Any value or time span; the function checks it itself, e.g. to convert or compare it. */
    ANY,
    /** One string (keyword, text, ip or version); a multi-value reads as null unless it holds one value. */
    STRING,
    /** One number; a string constant of digits is cast to an integer, as ES|QL does for numeric parameters. */
    NUMBER,
    /** Numbers, a multi-value kept whole, as the MV_* and aggregate functions take them. */
    NUMBERS,
    /** One datetime; a string constant is parsed as Elasticsearch's strict_date_optional_time. */
    DATETIME,
    /** A string known at translation time, such as a pattern or a unit name. */
    CONSTANT_STRING,
    /** A time span such as {@code 1 day}. */
    SPAN,
    /** The values an aggregate gathers: anything but a time span. */
    FIELD,
    /** The numbers an aggregate gathers: not a time span, and numeric. */
    NUMERIC_FIELD;

    /** Checks argument {@code i} of {@code call} and returns the value the function renders from. */
    Typed check(FunctionCall call, int i, Typed t) {
        return switch (this) {
            case ANY -> t;
            case STRING -> string(call, i, t);
            case NUMBER -> number(call, t);
            case NUMBERS -> requireNumeric(call, t);
            case DATETIME -> datetime(call, i, t);
            case CONSTANT_STRING -> constantString(call, i, t);
            case SPAN -> span(call, i, t);
            case FIELD -> field(call, t);
            case NUMERIC_FIELD -> requireNumeric(call, field(call, t));
        };
    }

    private static Typed string(FunctionCall call, int i, Typed t) {
        if (!t.isNullConstant() && (t.isSpan() || !(SqlTypes.isString(t.type()) || t.type() == ValueType.NULL
                || t.type() == ValueType.IP || t.type() == ValueType.VERSION))) {
            throw Errors.semantic("argument " + (i + 1) + " of [" + call.source().text() + "] must be [string], found [" + t.typeName() + "]", call);
        }
        return ExpressionTranslator.single(t);
    }

    private static Typed number(FunctionCall call, Typed t) {
        if (t.isStringConstant() && ((String) t.value()).matches("-?\\d{1,9}")) {
            return Typed.literal(Integer.parseInt((String) t.value()), ValueType.INTEGER);
        }
        return ExpressionTranslator.single(requireNumeric(call, t));
    }

    /** Rejects a value that is neither numeric nor null, naming the whole expression. */
    static Typed requireNumeric(Node at, Typed t) {
        if (t.isNullConstant() || (!t.isSpan() && t.type() == ValueType.NULL)) {
            return t;
        }
        if (!t.isNumeric()) {
            throw Errors.semantic("argument of [" + at.source().text() + "] must be numeric, found [" + t.typeName() + "]", at);
        }
        return t;
    }

    private static Typed datetime(FunctionCall call, int i, Typed t) {
        if (t.isStringConstant()) {
            return Typed.literal(Comparisons.parseDatetime((String) t.value(), call), ValueType.DATETIME);
        }
        if (!t.isNullConstant() && (t.isSpan() || (t.type() != ValueType.NULL && t.type() != ValueType.DATETIME
                && t.type() != ValueType.DATE_NANOS))) {
            throw Errors.semantic("argument " + (i + 1) + " of [" + call.source().text() + "] must be [datetime], found [" + t.typeName() + "]", call);
        }
        return ExpressionTranslator.single(t);
    }

    private static Typed constantString(FunctionCall call, int i, Typed t) {
        if (!t.isKnownString()) {
            throw Errors.unsupported("non-constant argument " + (i + 1) + " of " + call.name().toUpperCase(Locale.ROOT), call);
        }
        return t;
    }

    private static Typed span(FunctionCall call, int i, Typed t) {
        if (!t.isSpan()) {
            String which = i == 0 ? "first argument" : "argument " + (i + 1);
            throw Errors.semantic(which + " of [" + call.source().text() + "] must be a time span", call);
        }
        return t;
    }

    private static Typed field(FunctionCall call, Typed t) {
        if (t.isSpan()) {
            throw Errors.semantic("[" + call.name() + "] cannot aggregate a time span", call);
        }
        return t;
    }
}
