package dev.trailhunt.translate;

import dev.trailhunt.model.ValueType;
import java.util.Objects;

/**
 * Describes one column of a source table as ES|QL sees it.
 *
 * @param name the ES|QL field name, dots included (also the DuckDB column name)
 * @param type the ES|QL type
 * @param multiValued whether the DuckDB column is a LIST that may hold several values
 */
public record SourceColumn(String name, ValueType type, boolean multiValued) {
    public SourceColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
