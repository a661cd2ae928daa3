package dev.trailhunt.translate;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Converts datetimes between UTC, which the store holds, and the wall clock of a session time zone.
 *
 * <p>A fixed offset is plain arithmetic; a region zone goes through DuckDB's ICU {@code timezone()}
 * with the zone named explicitly, so the connection's own TimeZone setting (UTC) never changes.
 */
final class SessionZone {
    private SessionZone() {}

    /** Converts a UTC datetime to the wall-clock time of {@code zone} (null for UTC). */
    static Field<?> toLocal(Field<?> utc, ZoneId zone) {
        return shift(utc, zone, "+", "CAST(timezone({1}, CAST({0} AS TIMESTAMPTZ)) AS TIMESTAMP)");
    }

    /** Converts a wall-clock time of {@code zone} (null for UTC) to UTC. */
    static Field<?> toUtc(Field<?> local, ZoneId zone) {
        return shift(local, zone, "-", "CAST(timezone({1}, {0}) AS TIMESTAMP)");
    }

    /** Prints the offset of {@code zone} at a UTC datetime as ISO does: {@code Z} or {@code +01:00}. */
    static Field<?> offsetText(Field<?> utc, ZoneId zone) {
        Field<?> m = DSL.field("date_sub('minute', {0}, {1})", Long.class, utc, toLocal(utc, zone));
        return DSL.field("CASE WHEN {0} = 0 THEN 'Z' ELSE (CASE WHEN {0} < 0 THEN '-' ELSE '+' END) "
                + "|| lpad(CAST(CAST(floor(abs({0}) / 60) AS BIGINT) AS VARCHAR), 2, '0') || {1} || lpad(CAST(abs({0}) % 60 AS VARCHAR), 2, '0') END",
                String.class, m, DSL.inline(":"));
    }

    private static Field<?> shift(Field<?> value, ZoneId zone, String sign, String regionTemplate) {
        if (zone == null) {
            return value;
        }
        if (zone instanceof ZoneOffset o) {
            return DSL.field("({0} " + sign + " to_seconds({1}))", Object.class, value, DSL.inline((long) o.getTotalSeconds()));
        }
        return DSL.field(regionTemplate, Object.class, value, DSL.inline(zone.getId()));
    }
}
