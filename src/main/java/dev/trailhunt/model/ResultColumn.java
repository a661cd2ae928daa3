package dev.trailhunt.model;

import java.util.Objects;

/**
 * Describes one result column by its ES|QL name (dots and all) and ES|QL type.
 *
 * @param name the column name exactly as ES|QL shows it, e.g. {@code event.action} or {@code COUNT(*)}
 * @param type the ES|QL type
 */
public record ResultColumn(String name, ValueType type) {
    public ResultColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
