package dev.trailhunt.translate;

import static dev.trailhunt.translate.ArgKind.ANY;
import static dev.trailhunt.translate.ArgKind.STRING;
import static dev.trailhunt.translate.FunctionDef.Trait.EACH_VALUE;
import static dev.trailhunt.translate.FunctionSql.typed;

import dev.trailhunt.esql.ast.Cast;
import dev.trailhunt.esql.ast.FunctionCall;
import dev.trailhunt.model.ValueType;
import java.util.List;
import org.jooq.impl.DSL;

/** Declares ES|QL's TO_* conversions and translates the {@code ::type} casts that stand for them. */
final class ConversionFunctions {
    private ConversionFunctions() {}

    static void register(FunctionRegistry.Builder r) {
        r.scalar("to_integer", "to_int").args(ANY).returns(ValueType.INTEGER).with(EACH_VALUE).duckdb(c -> toNumber(c, ValueType.INTEGER))
                .trino(c -> toNumber(c, ValueType.INTEGER));
        r.scalar("to_long").args(ANY).returns(ValueType.LONG).with(EACH_VALUE).duckdb(c -> toNumber(c, ValueType.LONG))
                .trino(c -> toNumber(c, ValueType.LONG));
        r.scalar("to_double", "to_dbl").args(ANY).returns(ValueType.DOUBLE).with(EACH_VALUE).duckdb(c -> toNumber(c, ValueType.DOUBLE))
                .trino(c -> toNumber(c, ValueType.DOUBLE));
        r.scalar("to_string", "to_str").args(ANY).returns(ValueType.KEYWORD).duckdb(ConversionFunctions::toText);
        r.scalar("to_datetime", "to_dt").args(ANY).returns(ValueType.DATETIME).with(EACH_VALUE).duckdb(ConversionFunctions::toDatetime)
                .trino(ConversionFunctions::toDatetimeOnTrino);
        r.scalar("to_boolean", "to_bool").args(ANY).returns(ValueType.BOOLEAN).with(EACH_VALUE).duckdb(ConversionFunctions::toBoolean);
        r.scalar("to_ip").args(ANY).returns(ValueType.IP).duckdb(ConversionFunctions::toIp);
        r.scalar("to_version", "to_ver").args(STRING).returns(ValueType.VERSION).with(EACH_VALUE).duckdb(ConversionFunctions::toVersion);
    }

    /** Translates {@code value::type} as the TO_* function of that type. */
    static Typed cast(Cast c, Typed value, Session session) {
        String fn = switch (c.type()) {
            case "int", "integer" -> "to_integer";
            case "long" -> "to_long";
            case "double" -> "to_double";
            case "string", "keyword", "text" -> "to_string";
            case "datetime", "date" -> "to_datetime";
            case "boolean", "bool" -> "to_boolean";
            case "ip" -> "to_ip";
            case "version" -> "to_version";
            default -> throw Errors.unsupported("cast to " + c.type(), c);
        };
        return FunctionRegistry.standard().render(new FunctionCall(fn, List.of(c.value()), false, c.source()), List.of(value), session, null);
    }

    private static Typed toNumber(Call c, ValueType to) {
        Typed t = ExpressionTranslator.single(c.raw(0));
        if (!t.isSpan() && t.type() == to) {
            return t;
        }
        String sqlType = to == ValueType.INTEGER ? "INTEGER" : to == ValueType.LONG ? "BIGINT" : "DOUBLE";
        if (t.isNullConstant()) {
            return Typed.literal(null, to);
        }
        if (t.isSpan()) {
            throw c.semantic("cannot convert a time span with [" + c.name() + "]");
        }
        if (t.type() == ValueType.BOOLEAN) {
            return typed("CAST({0} AS " + sqlType + ")", to, t.field());
        }
        if (t.type() == ValueType.DATETIME) {
            c.session().requireDuckdb(c.node(), c.upperName() + " of a datetime");
            return typed("try_cast(epoch_ms({0}) AS " + sqlType + ")", to, t.field());
        }
        if (to == ValueType.DOUBLE) {
            return typed("try_cast({0} AS DOUBLE)", to, t.field());
        }
        // Elasticsearch converts a double with Math.round (half up), where a DuckDB cast rounds half away from zero.
        if (t.type() == ValueType.DOUBLE) {
            return typed("try_cast(floor({0} + 0.5) AS " + sqlType + ")", to, t.field());
        }
        if (t.type().isNumeric()) {
            return typed("try_cast({0} AS " + sqlType + ")", to, t.field());
        }
        return typed("try_cast(floor(try_cast({0} AS DOUBLE) + 0.5) AS " + sqlType + ")", to, ArgKind.STRING.check(c.node(), 0, c.raw(0)).field());
    }

    private static Typed toText(Call c) {
        Typed t = c.raw(0);
        if (t.isSpan()) {
            throw c.unsupported("TO_STRING of a time span");
        }
        String per = switch (t.type()) {
            case DATETIME, DATE_NANOS -> "strftime(%s, '" + JavaDateFormat.ISO + "')";
            case BOOLEAN -> "CASE WHEN %s THEN 'true' ELSE 'false' END";
            // DuckDB and Java both print the shortest digits that round-trip; Java switches to E notation
            // outside [1e-3, 1e7), which is not reproduced here, so such values fail the query instead.
            case DOUBLE -> "CASE WHEN %s IS NULL THEN NULL WHEN %s = 0 OR (abs(%s) >= 0.001 AND abs(%s) < 10000000) THEN CAST(%s AS VARCHAR) "
                    + "ELSE error('unsupported: TO_STRING of a double outside [1e-3, 1e7), which Java prints in E notation') END";
            default -> "CAST(%s AS VARCHAR)";
        };
        if (t.multiValued()) {
            return Typed.list(DSL.field("list_transform({0}, lambda v: " + per.replace("%s", "v") + ")", Object.class, t.field()), ValueType.KEYWORD);
        }
        return typed(per.replace("%s", "{0}"), ValueType.KEYWORD, t.field());
    }

    private static Typed toDatetime(Call c) {
        Typed t = ExpressionTranslator.single(c.raw(0));
        if (!t.isSpan() && t.type() == ValueType.DATETIME) {
            return t;
        }
        if (t.isStringConstant()) {
            return Typed.literal(Comparisons.parseDatetime((String) t.value(), c.node()), ValueType.DATETIME);
        }
        if (t.isNumeric()) {
            return typed("epoch_ms(CAST({0} AS BIGINT))", ValueType.DATETIME, t.field());
        }
        // Elasticsearch's strict_date_optional_time needs a 'T' before the time; DuckDB would also take a space.
        return typed("CASE WHEN strpos({0}, ' ') = 0 THEN CAST(try_cast({0} AS TIMESTAMPTZ) AS TIMESTAMP) END", ValueType.DATETIME,
                ArgKind.STRING.check(c.node(), 0, c.raw(0)).field());
    }

    /** Renders TO_DATETIME on Trino where it needs no parsing in SQL: a datetime as it is, a constant string as a literal. */
    private static Typed toDatetimeOnTrino(Call c) {
        Typed t = ExpressionTranslator.single(c.raw(0));
        if (!t.isSpan() && t.type() == ValueType.DATETIME || t.isStringConstant()) {
            return toDatetime(c);
        }
        throw Errors.unsupportedOn(Dialect.TRINO, "TO_DATETIME of a value that is not a constant string", c.node());
    }

    private static Typed toBoolean(Call c) {
        Typed t = ExpressionTranslator.single(c.raw(0));
        if (!t.isSpan() && t.type() == ValueType.BOOLEAN) {
            return t;
        }
        if (t.isNumeric()) {
            return typed("({0} <> 0)", ValueType.BOOLEAN, t.field());
        }
        return typed("(lower({0}) = 'true')", ValueType.BOOLEAN, ArgKind.STRING.check(c.node(), 0, c.raw(0)).field());
    }

    private static Typed toVersion(Call c) {
        if (c.raw(0).isStringConstant()) {
            return Typed.literal(c.raw(0).value(), ValueType.VERSION);
        }
        // The store holds versions as their text, so a string becomes a version unchanged.
        return Typed.of(c.arg(0).field(), ValueType.VERSION);
    }

    private static Typed toIp(Call c) {
        Typed t = c.raw(0);
        if (t.isStringConstant()) {
            return Typed.literal(Comparisons.canonicalIp((String) t.value(), c.node()), ValueType.IP);
        }
        if (!t.isSpan() && t.type() == ValueType.IP) {
            return t;
        }
        throw c.unsupported("TO_IP of a non-constant string");
    }
}
