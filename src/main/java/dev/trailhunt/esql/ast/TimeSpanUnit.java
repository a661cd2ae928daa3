package dev.trailhunt.esql.ast;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Lists the time-span units ES|QL accepts, with their spellings, and tells calendar periods from exact durations.
 */
public enum TimeSpanUnit {
    /** Milliseconds, an exact duration. */
    MILLISECOND(false, "millisecond", "milliseconds", "ms"),
    /** Seconds, an exact duration. */
    SECOND(false, "second", "seconds", "sec", "s"),
    /** Minutes, an exact duration. */
    MINUTE(false, "minute", "minutes", "min"),
    /** Hours, an exact duration. */
    HOUR(false, "hour", "hours", "h"),
    /** Days, a calendar period. */
    DAY(true, "day", "days", "d"),
    /** Weeks, a calendar period. */
    WEEK(true, "week", "weeks", "w"),
    /** Months, a calendar period. */
    MONTH(true, "month", "months", "mo"),
    /** Quarters (three months), a calendar period. */
    QUARTER(true, "quarter", "quarters", "q"),
    /** Years, a calendar period. */
    YEAR(true, "year", "years", "yr", "y");

    /** Tells a calendar period ({@code java.time.Period}) from an exact duration ({@code java.time.Duration}). */
    public enum Kind { DATE_PERIOD, TIME_DURATION }

    private final boolean calendar;
    private final List<String> spellings;

    TimeSpanUnit(boolean calendar, String... spellings) {
        this.calendar = calendar;
        this.spellings = List.of(spellings);
    }

    /** Returns whether this unit is a calendar period or an exact duration. */
    public Kind kind() {
        return calendar ? Kind.DATE_PERIOD : Kind.TIME_DURATION;
    }

    /** Returns the accepted spellings in lower case, singular first. */
    public List<String> spellings() {
        return spellings;
    }

    /** Finds the unit a spelling names, ignoring case as the ES|QL lexer does. */
    public static Optional<TimeSpanUnit> fromSpelling(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (TimeSpanUnit unit : values()) {
            if (unit.spellings.contains(lower)) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }
}
