package dev.trailhunt.translate;

import static dev.trailhunt.translate.FunctionSql.typed;

import dev.trailhunt.model.ValueType;
import java.time.Duration;
import java.time.Period;
import java.util.Map;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Renders the scalar functions whose Trino SQL differs from DuckDB's and needs more than a template:
 * DATE_TRUNC, DATE_FORMAT and CIDR_MATCH. Each keeps to functions Trino 435 and Athena v3 have.
 */
final class TrinoFunctions {
    /** The Unix epoch as a Trino timestamp(6), from which fixed intervals are counted. */
    private static final String EPOCH = "TIMESTAMP '1970-01-01 00:00:00.000000'";

    private static final Map<Period, String> CALENDAR_UNITS = Map.of(Period.ofDays(1), "day", Period.ofWeeks(1), "week",
            Period.ofMonths(1), "month", Period.ofMonths(3), "quarter", Period.ofYears(1), "year");

    private TrinoFunctions() {}

    static Typed dateTrunc(Call c) {
        Typed span = c.raw(0);
        Typed date = c.arg(1);
        Duration fixed;
        if (span.value() instanceof Period p) {
            String unit = CALENDAR_UNITS.get(p);
            if (unit != null) {
                // Trino's date_trunc weeks start on Monday, as Elasticsearch's do.
                return typed("date_trunc('" + unit + "', {0})", ValueType.DATETIME, date.field());
            }
            if (p.getMonths() != 0 || p.getYears() != 0 || p.getDays() <= 0) {
                throw c.unsupported("DATE_TRUNC to " + p);
            }
            fixed = Duration.ofDays(p.getDays());
        } else {
            fixed = (Duration) span.value();
            if (fixed.isNegative() || fixed.isZero()) {
                throw c.semantic("zero or negative time interval is not supported");
            }
        }
        // Fixed intervals are counted from the Unix epoch in Elasticsearch's rounding; date_diff on
        // naive timestamps needs no session zone, unlike to_unixtime.
        long ms = fixed.toMillis();
        Field<Long> start = DSL.field("(CAST(floor(date_diff('millisecond', " + EPOCH + ", {0}) / {1}) AS BIGINT) * {2})", Long.class,
                date.field(), DSL.inline((double) ms), DSL.inline(ms));
        // date_add takes an int amount: add whole days first, then the milliseconds left over.
        return typed("date_add('millisecond', {0} % 86400000, date_add('day', {0} / 86400000, " + EPOCH + "))",
                ValueType.DATETIME, start);
    }

    static Typed dateFormat(Call c) {
        Typed d = c.arg(c.size() - 1);
        if (c.size() == 1) {
            // ES|QL's default format: ISO 8601 with milliseconds and Z.
            return typed("format_datetime({0}, 'yyyy-MM-dd''T''HH:mm:ss.SSS''Z''')", ValueType.KEYWORD, d.field());
        }
        String format;
        try {
            format = JavaDateFormat.toTrinoFormat(c.constantString(0));
        } catch (IllegalArgumentException e) {
            throw Errors.unsupportedOn(c.session().dialect(), "DATE_FORMAT " + e.getMessage(), c.node());
        }
        return Typed.of(DSL.function("date_format", String.class, d.field(), DSL.inline(format)), ValueType.KEYWORD);
    }

    /** Builds the IPv4 address number a CIDR_MATCH compares, from text that matched {@code ipv4Regex}; -1 for other text. */
    static Field<Long> ipv4Number(Field<?> ip, String ipv4Regex) {
        return DSL.field("CASE WHEN {0} IS NULL THEN NULL WHEN regexp_like({0}, {1}) THEN "
                + "reduce(split({0}, '.'), CAST(0 AS BIGINT), (acc, o) -> acc * 256 + CAST(o AS BIGINT), acc -> acc) ELSE -1 END",
                Long.class, ip, DSL.inline("^(?:" + ipv4Regex + ")$"));
    }
}
