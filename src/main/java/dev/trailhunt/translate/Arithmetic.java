package dev.trailhunt.translate;

import dev.trailhunt.esql.ast.BinaryOp;
import dev.trailhunt.esql.ast.Node;
import dev.trailhunt.model.ValueType;
import java.time.LocalDateTime;
import org.jooq.impl.DSL;

/**
 * Translates {@code + - * / %} with ES|QL's semantics: integer division truncates, division or
 * remainder by zero and integer overflow give null, datetimes shift by calendar or exact spans.
 */
final class Arithmetic {
    private Arithmetic() {}

    static Typed apply(BinaryOp op, Typed left, Typed right, Node at) {
        if (left.isSpan() || right.isSpan()) {
            return dateMath(op, left, right, at);
        }
        Typed l = ExpressionTranslator.single(left);
        Typed r = ExpressionTranslator.single(right);
        if (l.isNullConstant() || r.isNullConstant() || l.type() == ValueType.NULL || r.type() == ValueType.NULL) {
            return Typed.literal(null, l.type() == ValueType.NULL ? r.type() : l.type());
        }
        if (!l.type().isNumeric() || !r.type().isNumeric() || l.type() == ValueType.UNSIGNED_LONG || r.type() == ValueType.UNSIGNED_LONG) {
            throw Errors.semantic("[" + op.symbol() + "] has arguments with incompatible types [" + l.type().esqlName()
                    + "] and [" + r.type().esqlName() + "]", at);
        }
        ValueType type = SqlTypes.widerNumeric(l.type(), r.type());
        boolean integral = type != ValueType.DOUBLE;
        String template = switch (op) {
            case ADD -> integral ? "try({0} + {1})" : "({0} + {1})";
            case SUB -> integral ? "try({0} - {1})" : "({0} - {1})";
            case MUL -> integral ? "try({0} * {1})" : "({0} * {1})";
            // DuckDB's divide() (the // operator) truncates toward zero like Java and gives NULL for a zero divisor.
            case DIV -> integral ? "try(divide({0}, {1}))" : "({0} / nullif({1}, 0))";
            case MOD -> integral ? "try({0} % {1})" : "({0} % nullif({1}, 0))";
            default -> throw new IllegalArgumentException(op.symbol());
        };
        var l2 = type == ValueType.LONG && l.type() == ValueType.INTEGER ? DSL.cast(l.field(), SqlTypes.of(ValueType.LONG)) : l.field();
        var r2 = type == ValueType.LONG && r.type() == ValueType.INTEGER ? DSL.cast(r.field(), SqlTypes.of(ValueType.LONG)) : r.field();
        if (type == ValueType.DOUBLE) {
            l2 = l.type() == ValueType.DOUBLE ? l.field() : DSL.cast(l.field(), SqlTypes.of(ValueType.DOUBLE));
            r2 = r.type() == ValueType.DOUBLE ? r.field() : DSL.cast(r.field(), SqlTypes.of(ValueType.DOUBLE));
        }
        if (op == BinaryOp.DIV && integral) {
            // Trino's integer / truncates toward zero too, and try() turns its division-by-zero error into NULL.
            return Typed.of(DialectSql.either(SqlTypes.of(type).getType(), template, "try({0} / {1})", l2, r2), type);
        }
        return Typed.of(DSL.field(template, SqlTypes.of(type), l2, r2), type);
    }

    private static Typed spanMath(BinaryOp op, Object l, Object r, Node at) {
        if (op != BinaryOp.ADD && op != BinaryOp.SUB) {
            throw Errors.semantic("[" + op.symbol() + "] is not defined between time spans", at);
        }
        if (l instanceof java.time.Period a && r instanceof java.time.Period b) {
            return Typed.span(op == BinaryOp.ADD ? a.plus(b) : a.minus(b));
        }
        if (l instanceof java.time.Duration a && r instanceof java.time.Duration b) {
            return Typed.span(op == BinaryOp.ADD ? a.plus(b) : a.minus(b));
        }
        throw Errors.unsupported("arithmetic between a date period and a time duration", at);
    }

    private static Typed dateMath(BinaryOp op, Typed left, Typed right, Node at) {
        if (left.isSpan() && right.isSpan()) {
            return spanMath(op, left.value(), right.value(), at);
        }
        boolean spanFirst = left.isSpan();
        Typed span = spanFirst ? left : right;
        Typed date = spanFirst ? right : left;
        if (date.isStringConstant()) {
            date = Typed.literal(Comparisons.parseDatetime((String) date.value(), at), ValueType.DATETIME);
        }
        if (op != BinaryOp.ADD && !(op == BinaryOp.SUB && !spanFirst)) {
            throw Errors.semantic("[" + op.symbol() + "] is not defined between [" + left.typeName()
                    + "] and [" + right.typeName() + "]", at);
        }
        if (date.isNullConstant()) {
            return Typed.literal(null, ValueType.DATETIME);
        }
        if (date.type() != ValueType.DATETIME) {
            throw Errors.semantic("[" + op.symbol() + "] needs a datetime next to a time span, found [" + date.type().esqlName() + "]", at);
        }
        boolean minus = op == BinaryOp.SUB;
        if (date.constant() && date.value() instanceof LocalDateTime t) {
            return Typed.literal(ExpressionTranslator.shift(t, span.value(), minus), ValueType.DATETIME);
        }
        Typed d = ExpressionTranslator.single(date);
        String template = minus ? "try({0} - {1})" : "try({0} + {1})";
        return Typed.of(DSL.field(template, SqlTypes.of(ValueType.DATETIME), d.field(), span.field()), ValueType.DATETIME);
    }
}
