package dev.trailhunt.translate;

import dev.trailhunt.esql.ast.Literal;
import dev.trailhunt.esql.ast.Node;
import dev.trailhunt.esql.ast.Setting;
import dev.trailhunt.model.TimeBound;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.jooq.Field;

/**
 * Carries what a query's session decides for every function call: the instant NOW() returns, the
 * time zone of {@code SET time_zone}, {@code SET unmapped_fields} and the dialect to render.
 *
 * @param now the UTC wall-clock time NOW() returns
 * @param zone the session time zone, normalized; calendar functions work on its wall clock
 * @param nullifyUnmapped whether an unknown name in an expression reads as null
 * @param dialect the SQL dialect functions render to
 * @param bound the {@code @timestamp} bound FROM applies
 */
record Session(LocalDateTime now, ZoneId zone, boolean nullifyUnmapped, Dialect dialect, TimeBound bound) {

    /** Reads the {@code SET} settings written before a query, rejecting unknown ones at their position. */
    static Session of(TranslateOptions options, List<Setting> settings, Dialect dialect) {
        ZoneId zone = ZoneOffset.UTC;
        boolean nullify = false;
        for (Setting setting : settings) {
            if (!(setting.value() instanceof Literal l) || !(l.value() instanceof String value)) {
                throw Errors.semantic(setting.name() + " must be a string", setting);
            }
            switch (setting.name()) {
                case "time_zone" -> {
                    try {
                        zone = ZoneId.of(value).normalized();
                    } catch (DateTimeException e) {
                        throw Errors.semantic("invalid time_zone [" + value + "]", setting);
                    }
                    if (dialect != Dialect.DUCKDB && !zone.equals(ZoneOffset.UTC)) {
                        // The zone conversions are DuckDB's ICU calls; Trino renders UTC only.
                        throw Errors.unsupportedOn(dialect, "SET time_zone", setting);
                    }
                }
                // Only unknown names inside expressions read as null; KEEP, DROP and the like still need known columns.
                case "unmapped_fields" -> nullify = switch (value.toLowerCase(Locale.ROOT)) {
                    case "nullify" -> true;
                    case "fail" -> false;
                    default -> throw Errors.unsupported("SET unmapped_fields=\"" + value + "\"", setting);
                };
                default -> throw Errors.unsupported("SET " + setting.name(), setting);
            }
        }
        return new Session(LocalDateTime.ofInstant(options.now(), ZoneOffset.UTC), zone.normalized(), nullify, dialect, options.bound());
    }

    /** Says whether a session time zone other than UTC is in force. */
    boolean zoned() {
        return !zone.equals(ZoneOffset.UTC);
    }

    /** Converts a UTC datetime to the wall-clock time of the session zone. */
    Field<?> local(Field<?> utc) {
        return SessionZone.toLocal(utc, zoned() ? zone : null);
    }

    /** Converts a wall-clock time of the session zone back to UTC. */
    Field<?> utc(Field<?> local) {
        return SessionZone.toUtc(local, zoned() ? zone : null);
    }

    /** Prints the session zone's offset at a UTC datetime. */
    Field<?> offsetText(Field<?> utc) {
        return SessionZone.offsetText(utc, zoned() ? zone : null);
    }

    /** Says whether the query renders to Trino (or Athena). */
    boolean trino() {
        return dialect == Dialect.TRINO;
    }

    /** Rejects a feature whose SQL is DuckDB's only, positioned at its node, when rendering for another dialect. */
    void requireDuckdb(Node at, String what) {
        if (dialect != Dialect.DUCKDB) {
            throw Errors.unsupportedOn(dialect, what, at);
        }
    }

    /** Rejects a feature that is only translated for UTC when another session zone is in force. */
    void requireUtc(Node at, String what) {
        if (zoned()) {
            throw Errors.unsupported(what + " with SET time_zone", at);
        }
    }
}
