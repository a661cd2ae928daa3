package dev.trailhunt.translate;

import dev.trailhunt.esql.ast.BinaryOp;
import dev.trailhunt.esql.ast.Node;
import dev.trailhunt.model.IpLiteral;
import dev.trailhunt.model.ValueType;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Translates comparisons with ES|QL's typing: numeric widening and implicit casts of string literals. */
final class Comparisons {
    private static final DateTimeFormatter DATE_OPTIONAL_TIME = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4)
            .optionalStart().appendLiteral('-').appendValue(ChronoField.MONTH_OF_YEAR, 2)
            .optionalStart().appendLiteral('-').appendValue(ChronoField.DAY_OF_MONTH, 2)
            .optionalStart().appendLiteral('T').appendValue(ChronoField.HOUR_OF_DAY, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd().optionalEnd().optionalEnd().optionalEnd().optionalEnd().optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .parseDefaulting(ChronoField.MONTH_OF_YEAR, 1)
            .parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
            .parseDefaulting(ChronoField.NANO_OF_SECOND, 0)
            .toFormatter(Locale.ROOT);

    private Comparisons() {}

    static Condition compare(BinaryOp op, Typed left, Typed right, Node at) {
        Typed l = ExpressionTranslator.single(coerce(left, right, at));
        Typed r = ExpressionTranslator.single(coerce(right, left, at));
        if (l.type() == ValueType.GEO_POINT || r.type() == ValueType.GEO_POINT) {
            // Elastic compares geo_points only through ST_* functions; comparing WKT text would be wrong.
            throw Errors.unsupported("comparison on [geo_point]", at);
        }
        requireComparable(l, r, at);
        if (l.isNullConstant() || r.isNullConstant()) {
            return DSL.condition((Boolean) null);
        }
        if ((op != BinaryOp.EQ && op != BinaryOp.NEQ) && (l.type() == ValueType.IP || l.type() == ValueType.VERSION)) {
            throw Errors.unsupported("ordering comparison on [" + l.type().esqlName() + "]", at);
        }
        Field<Object> a = l.obj();
        Field<Object> b = r.obj();
        return switch (op) {
            case EQ -> a.eq(b);
            case NEQ -> a.ne(b);
            case LT -> a.lt(b);
            case LTE -> a.le(b);
            case GT -> a.gt(b);
            case GTE -> a.ge(b);
            default -> throw new IllegalArgumentException(op.symbol());
        };
    }

    /** Converts a string literal to the type of the other operand, as ES|QL's implicit casting does. */
    static Typed coerce(Typed t, Typed other, Node at) {
        if (!t.isStringConstant() || other.isSpan()) {
            return t;
        }
        String s = (String) t.value();
        return switch (other.type()) {
            case DATETIME, DATE_NANOS -> Typed.literal(parseDatetime(s, at), ValueType.DATETIME);
            case IP -> Typed.literal(canonicalIp(s, at), ValueType.IP);
            case BOOLEAN -> {
                if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) {
                    throw Errors.semantic("Cannot convert string [" + s + "] to [BOOLEAN]", at);
                }
                yield Typed.literal(Boolean.parseBoolean(s), ValueType.BOOLEAN);
            }
            default -> t;
        };
    }

    static void requireComparable(Typed l, Typed r, Node at) {
        if (l.isSpan() || r.isSpan()) {
            throw Errors.semantic("time spans cannot be compared in [" + at.source().text() + "]", at);
        }
        ValueType a = l.type();
        ValueType b = r.type();
        boolean ok = a == b || a == ValueType.NULL || b == ValueType.NULL
                || (a.isNumeric() && b.isNumeric())
                || (SqlTypes.isString(a) && SqlTypes.isString(b))
                || (isDate(a) && isDate(b));
        if (!ok) {
            throw Errors.semantic("first argument of [" + at.source().text() + "] is [" + a.esqlName()
                    + "] so second argument must also be [" + a.esqlName() + "] but was [" + b.esqlName() + "]", at);
        }
    }

    private static boolean isDate(ValueType t) {
        return t == ValueType.DATETIME || t == ValueType.DATE_NANOS;
    }

    /** Parses a datetime the way Elasticsearch's {@code strict_date_optional_time} does, into UTC. */
    static LocalDateTime parseDatetime(String s, Node at) {
        try {
            var parsed = DATE_OPTIONAL_TIME.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime odt) {
                return odt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
            return (LocalDateTime) parsed;
        } catch (DateTimeParseException e) {
            throw Errors.semantic("Cannot convert string [" + s + "] to [DATETIME]", at);
        }
    }

    /** Returns the canonical text of an IP literal, as Elasticsearch's implicit cast reads it; never resolves host names. */
    static String canonicalIp(String s, Node at) {
        String canonical = IpLiteral.canonical(s);
        if (canonical == null) {
            throw Errors.semantic("Cannot convert string [" + s + "] to [IP]", at);
        }
        return canonical;
    }
}
