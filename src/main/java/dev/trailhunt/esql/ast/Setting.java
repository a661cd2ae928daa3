package dev.trailhunt.esql.ast;

import java.util.Objects;

/**
 * Holds one session setting written before the query: {@code SET name = value;}.
 *
 * @param name the setting's name, such as {@code time_zone}
 * @param value the value expression as written
 * @param source the setting's text
 */
public record Setting(String name, Expr value, Source source) implements Node {

    /** Validates the components. */
    public Setting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
    }
}
