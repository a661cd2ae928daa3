package dev.trailhunt.translate;

import static dev.trailhunt.translate.ArgKind.ANY;
import static dev.trailhunt.translate.ArgKind.CONSTANT_STRING;
import static dev.trailhunt.translate.ArgKind.DATETIME;
import static dev.trailhunt.translate.ArgKind.SPAN;
import static dev.trailhunt.translate.ArgKind.STRING;
import static dev.trailhunt.translate.FunctionSql.fn;
import static dev.trailhunt.translate.FunctionSql.typed;

import dev.trailhunt.esql.ast.Literal;
import dev.trailhunt.model.ValueType;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Declares ES|QL's date functions: now, truncating and bucketing, formatting and parsing, differences,
 * parts and names; calendar functions work on the wall clock of the session time zone.
 */
final class DateFunctions {
    private DateFunctions() {}

    static void register(FunctionRegistry.Builder r) {
        r.scalar("now").args().returns(ValueType.DATETIME).duckdb(c -> Typed.literal(c.session().now(), ValueType.DATETIME))
                .trinoAsDuckdb();
        r.scalar("date_trunc").args(SPAN, DATETIME).returns(ValueType.DATETIME).duckdb(c -> dateTrunc(c, c.raw(0), c.arg(1)))
                .trino(TrinoFunctions::dateTrunc);
        // Only the span form is translated; BUCKET(field, count, from, to) is reported as unsupported.
        r.scalar("bucket", "bin").args(ANY, ANY).optional(ANY, ANY).returns(ValueType.DATETIME).duckdb(c -> {
            if (c.size() == 2 && c.raw(1).isSpan()) {
                return dateTrunc(c, c.raw(1), DATETIME.check(c.node(), 0, c.raw(0)));
            }
            throw c.unsupported("BUCKET with a bucket count");
        });
        r.scalar("date_format").args(DATETIME).args(CONSTANT_STRING, DATETIME).returns(ValueType.KEYWORD).duckdb(DateFunctions::dateFormat)
                .trino(TrinoFunctions::dateFormat);
        r.scalar("date_parse").args(STRING).args(ANY, STRING).returns(ValueType.DATETIME).with(FunctionDef.Trait.OPTIONS)
                .duckdb(DateFunctions::dateParse);
        r.scalar("date_diff").args(CONSTANT_STRING, DATETIME, DATETIME).returns(ValueType.INTEGER).duckdb(DateFunctions::dateDiff);
        r.scalar("date_extract").args(CONSTANT_STRING, DATETIME).returns(ValueType.LONG).duckdb(DateFunctions::dateExtract);
        r.scalar("date_unit_count").args(CONSTANT_STRING, CONSTANT_STRING, DATETIME).returns(ValueType.LONG).duckdb(DateFunctions::dateUnitCount);
        r.scalar("day_name").args(DATETIME).returns(ValueType.KEYWORD)
                .duckdb(c -> Typed.of(fn("dayname", ValueType.KEYWORD, c.session().local(c.arg(0).field())), ValueType.KEYWORD));
        r.scalar("month_name").args(DATETIME).returns(ValueType.KEYWORD)
                .duckdb(c -> Typed.of(fn("monthname", ValueType.KEYWORD, c.session().local(c.arg(0).field())), ValueType.KEYWORD));
    }

    private static Typed dateFormat(Call c) {
        String format = JavaDateFormat.ISO;
        if (c.size() == 2) {
            try {
                format = JavaDateFormat.toStrftime(c.constantString(0));
            } catch (IllegalArgumentException e) {
                throw c.unsupported("DATE_FORMAT " + e.getMessage());
            }
        }
        Typed d = c.arg(c.size() - 1);
        Session s = c.session();
        if (s.zoned()) {
            if (c.size() == 1) {
                // The default format prints the session zone's offset instead of Z.
                String noZone = format.substring(0, format.length() - 1);
                return typed("(strftime({0}, {1}) || {2})", ValueType.KEYWORD, s.local(d.field()), DSL.inline(noZone), s.offsetText(d.field()));
            }
            if (JavaDateFormat.printsZone(c.constantString(0))) {
                throw c.unsupported("DATE_FORMAT printing a zone with SET time_zone");
            }
        }
        return Typed.of(fn("strftime", ValueType.KEYWORD, s.local(d.field()), DSL.inline(format)), ValueType.KEYWORD);
    }

    private static Typed dateParse(Call c) {
        ZoneId parseZone = c.session().zoned() ? c.session().zone() : null;
        String locale = null;
        for (Map.Entry<String, Literal> o : c.node().options().entrySet()) {
            if (!(o.getValue().value() instanceof String v)) {
                throw c.semantic("option [" + o.getKey() + "] of [" + c.text() + "] must be a string");
            }
            switch (o.getKey()) {
                case "time_zone" -> {
                    try {
                        ZoneId z = ZoneId.of(v).normalized();
                        parseZone = z.equals(ZoneOffset.UTC) ? null : z;
                    } catch (DateTimeException e) {
                        throw c.semantic("invalid time_zone [" + v + "]");
                    }
                }
                case "locale" -> locale = v;
                default -> throw c.unsupported("DATE_PARSE option " + o.getKey());
            }
        }
        if (c.size() == 1) {
            Field<?> text = c.arg(0).field();
            if (parseZone != null) {
                // Text without an offset is a wall-clock time of the zone.
                return Typed.of(DSL.field("CASE WHEN regexp_matches({0}, '(Z|[+-][0-9][0-9](:?[0-9][0-9])?)$') "
                        + "THEN CAST(try_cast({0} AS TIMESTAMPTZ) AS TIMESTAMP) ELSE {1} END", SqlTypes.of(ValueType.DATETIME),
                        text, SessionZone.toUtc(DSL.field("try_cast({0} AS TIMESTAMP)", Object.class, text), parseZone)), ValueType.DATETIME);
            }
            return typed("CAST(try_cast({0} AS TIMESTAMPTZ) AS TIMESTAMP)", ValueType.DATETIME, text);
        }
        if (c.raw(0).isNullConstant()) {
            return Typed.literal(null, ValueType.DATETIME);
        }
        String pattern = c.constantString(0);
        if (locale != null && !locale.isEmpty() && !locale.toLowerCase(Locale.ROOT).startsWith("en") && JavaDateFormat.hasText(pattern)) {
            throw c.unsupported("DATE_PARSE of month or day names in locale " + locale);
        }
        if (JavaDateFormat.hasOrphanField(pattern)) {
            // Elasticsearch drops a day without a month and a minute without an hour; strptime keeps them.
            throw c.unsupported("DATE_PARSE of a day without a month or a minute without an hour");
        }
        String format;
        try {
            format = JavaDateFormat.toStrptime(pattern);
        } catch (IllegalArgumentException e) {
            throw c.unsupported("DATE_PARSE " + e.getMessage());
        }
        // With %z strptime yields a TIMESTAMPTZ; the session zone is UTC, so the cast gives UTC.
        Field<?> parsed = DSL.field("CAST(try_strptime({0}, {1}) AS TIMESTAMP)", Object.class, c.arg(1).field(), DSL.inline(format));
        return Typed.of(format.contains("%z") ? parsed : SessionZone.toUtc(parsed, parseZone), ValueType.DATETIME);
    }

    private static Typed dateDiff(Call c) {
        String unit = switch (c.constantString(0).toLowerCase(Locale.ROOT)) {
            case "year", "years", "yy", "yyyy" -> "year";
            case "quarter", "quarters", "qq", "q" -> "quarter";
            case "month", "months", "mm", "m" -> "month";
            case "week", "weeks", "wk", "ww" -> "week";
            case "day", "days", "dd", "d", "dayofyear", "dy", "y", "weekday", "weekdays", "dw" -> "day";
            case "hour", "hours", "hh" -> "hour";
            case "minute", "minutes", "mi", "n" -> "minute";
            case "second", "seconds", "ss", "s" -> "second";
            case "millisecond", "milliseconds", "ms" -> "millisecond";
            case "microsecond", "microseconds", "mcs" -> "microsecond";
            case "nanosecond", "nanoseconds", "ns" -> "nanosecond";
            default -> throw c.unsupported("DATE_DIFF unit " + c.constantString(0));
        };
        Field<?> start = c.arg(1).field();
        Field<?> end = c.arg(2).field();
        if (unit.equals("nanosecond")) {
            // Datetimes hold microseconds at most, so nanoseconds are whole microseconds times 1000.
            return typed("try_cast(try(date_sub('microsecond', {0}, {1}) * 1000) AS INTEGER)", ValueType.INTEGER, start, end);
        }
        // date_sub counts whole elapsed units, as ES|QL does; date_diff would count boundaries.
        // Calendar units count on the session zone's wall clock, as java.time's ZonedDateTime.until does.
        boolean calendar = List.of("year", "quarter", "month", "week", "day").contains(unit);
        Session s = c.session();
        return typed("try_cast(date_sub({0}, {1}, {2}) AS INTEGER)", ValueType.INTEGER, DSL.inline(unit),
                calendar ? s.local(start) : start, calendar ? s.local(end) : end);
    }

    private static Typed dateExtract(Call c) {
        String part = switch (c.constantString(0).toLowerCase(Locale.ROOT)) {
            case "year" -> "year";
            case "month_of_year" -> "month";
            case "day_of_month" -> "day";
            case "day_of_week" -> "isodow";
            case "day_of_year" -> "doy";
            case "hour_of_day" -> "hour";
            case "minute_of_hour" -> "minute";
            case "second_of_minute" -> "second";
            case "aligned_week_of_year", "iso_week_of_week_based_year" -> "week";
            case "quarter_of_year" -> "quarter";
            default -> throw c.unsupported("DATE_EXTRACT part " + c.constantString(0));
        };
        return typed("CAST(date_part({0}, {1}) AS BIGINT)", ValueType.LONG, DSL.inline(part), c.session().local(c.arg(1).field()));
    }

    /** Names the calendar unit an argument of DATE_UNIT_COUNT spells, with its length in microseconds (0 for months and longer). */
    private record CountUnit(String name, long micros, int months) {
        static CountUnit of(Call c, int i) {
            String text = c.constantString(i).toLowerCase(Locale.ROOT);
            return switch (text.endsWith("s") ? text.substring(0, text.length() - 1) : text) {
                case "year" -> new CountUnit("year", 0, 12);
                case "quarter" -> new CountUnit("quarter", 0, 3);
                case "month" -> new CountUnit("month", 0, 1);
                case "week" -> new CountUnit("week", 7 * 86_400_000_000L, 0);
                case "day" -> new CountUnit("day", 86_400_000_000L, 0);
                case "hour" -> new CountUnit("hour", 3_600_000_000L, 0);
                case "minute" -> new CountUnit("minute", 60_000_000L, 0);
                case "second" -> new CountUnit("second", 1_000_000L, 0);
                case "millisecond" -> new CountUnit("millisecond", 1_000L, 0);
                case "microsecond" -> new CountUnit("microsecond", 1L, 0);
                case "nanosecond" -> new CountUnit("nanosecond", -1L, 0);
                default -> throw c.unsupported("DATE_UNIT_COUNT unit " + text);
            };
        }
    }

    private static Typed dateUnitCount(Call c) {
        c.session().requireUtc(c.node(), "DATE_UNIT_COUNT");
        CountUnit unit = CountUnit.of(c, 0);
        CountUnit period = CountUnit.of(c, 1);
        Typed date = c.arg(2);
        if (unit.months() > 0) {
            if (period.months() == 0 || period.months() < unit.months()) {
                throw c.unsupported("DATE_UNIT_COUNT of " + unit.name() + " in a " + period.name());
            }
            return typed("CASE WHEN {0} IS NOT NULL THEN " + (period.months() / unit.months()) + "::BIGINT END", ValueType.LONG, date.field());
        }
        if (period.micros() < 0 || period.name().equals("microsecond") || period.name().equals("millisecond")) {
            throw c.unsupported("DATE_UNIT_COUNT in a " + period.name());
        }
        // The period is the calendar one holding the date, so months and years have their real lengths.
        String micros = "date_sub('microsecond', date_trunc({0}, {1}), date_trunc({0}, {1}) + to_" + period.name() + "s(1))";
        String count = unit.micros() < 0 ? micros + " * 1000" : "floor(" + micros + " / " + unit.micros() + ")";
        return typed("CAST(" + count + " AS BIGINT)", ValueType.LONG, DSL.inline(period.name()), date.field());
    }

    private static Typed dateTrunc(Call c, Typed span, Typed date) {
        Session s = c.session();
        if (span.value() instanceof Period p) {
            String unit = null;
            if (p.equals(Period.ofDays(1))) {
                unit = "day";
            } else if (p.equals(Period.ofWeeks(1))) {
                unit = "week";
            } else if (p.equals(Period.ofMonths(1))) {
                unit = "month";
            } else if (p.equals(Period.ofMonths(3))) {
                unit = "quarter";
            } else if (p.equals(Period.ofYears(1))) {
                unit = "year";
            }
            if (unit != null) {
                // Calendar units round the wall-clock time of the session zone.
                return Typed.of(s.utc(fn("date_trunc", ValueType.DATETIME, DSL.inline(unit), s.local(date.field()))), ValueType.DATETIME);
            }
            s.requireUtc(c.node(), "DATE_TRUNC to " + p);
            if (p.getMonths() == 0 && p.getYears() == 0 && p.getDays() > 0) {
                return fixedBucket(date, Duration.ofDays(p.getDays()));
            }
            throw c.unsupported("DATE_TRUNC to " + p);
        }
        s.requireUtc(c.node(), "DATE_TRUNC to a fixed interval");
        Duration d = (Duration) span.value();
        if (d.isNegative() || d.isZero()) {
            throw c.semantic("zero or negative time interval is not supported");
        }
        return fixedBucket(date, d);
    }

    private static Typed fixedBucket(Typed date, Duration d) {
        // Fixed intervals are counted from the Unix epoch in Elasticsearch's rounding.
        return Typed.of(fn("time_bucket", ValueType.DATETIME, Intervals.field(d), date.field(),
                DSL.inline(LocalDateTime.of(1970, 1, 1, 0, 0))), ValueType.DATETIME);
    }
}
