package dev.trailhunt.translate;

import java.time.Duration;
import java.time.Period;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Renders ES|QL time spans as DuckDB intervals built by functions, never from text, and as Trino
 * interval literals whose text is a number trailhunt formatted.
 */
final class Intervals {
    private Intervals() {}

    static Field<?> field(Object span) {
        return DialectSql.either(Object.class, "{0}", "{1}", duckdb(span), DSL.field(trino(span)));
    }

    /** Writes a span as Trino interval literals: months and days are two intervals Trino cannot add, so such a span fails there. */
    private static String trino(Object span) {
        if (span instanceof Period p) {
            String months = p.toTotalMonths() == 0 ? null : "INTERVAL '" + p.toTotalMonths() + "' MONTH";
            String days = p.getDays() == 0 ? null : "INTERVAL '" + p.getDays() + "' DAY";
            if (months == null && days == null) {
                return "INTERVAL '0' DAY";
            }
            return months == null ? days : days == null ? months : "(" + months + " + " + days + ")";
        }
        long ms = ((Duration) span).toMillis();
        if (ms % 1000 == 0) {
            return "INTERVAL '" + ms / 1000 + "' SECOND";
        }
        return "INTERVAL '" + java.math.BigDecimal.valueOf(ms, 3).toPlainString() + "' SECOND";
    }

    private static Field<?> duckdb(Object span) {
        if (span instanceof Period p) {
            Field<?> months = p.toTotalMonths() == 0 ? null
                    : p.toTotalMonths() % 12 == 0 ? fn("to_years", p.toTotalMonths() / 12) : fn("to_months", p.toTotalMonths());
            Field<?> days = p.getDays() == 0 ? null : fn("to_days", p.getDays());
            if (months == null && days == null) {
                return fn("to_days", 0);
            }
            if (months == null || days == null) {
                return months == null ? days : months;
            }
            return DSL.field("({0} + {1})", Object.class, months, days);
        }
        long ms = ((Duration) span).toMillis();
        if (ms % 3_600_000 == 0) {
            return fn("to_hours", ms / 3_600_000);
        }
        if (ms % 60_000 == 0) {
            return fn("to_minutes", ms / 60_000);
        }
        if (ms % 1000 == 0) {
            return fn("to_seconds", ms / 1000);
        }
        return fn("to_milliseconds", ms);
    }

    private static Field<?> fn(String name, long n) {
        return DSL.function(name, Object.class, DSL.inline(n));
    }
}
