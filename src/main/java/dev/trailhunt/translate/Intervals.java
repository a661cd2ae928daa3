package dev.trailhunt.translate;

import java.time.Duration;
import java.time.Period;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Renders ES|QL time spans as DuckDB intervals built by functions, never from text. */
final class Intervals {
    private Intervals() {}

    static Field<?> field(Object span) {
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
