package dev.trailhunt.engine;

/**
 * Describes one column of a store table.
 *
 * @param name       the column name, quoted as one identifier (an ECS name keeps its dots)
 * @param duckdbType the DuckDB type: VARCHAR, BOOLEAN, BIGINT, DOUBLE, TIMESTAMP or VARCHAR[]
 */
public record StoreColumn(String name, String duckdbType) {
    /** Returns the column name as a quoted SQL identifier. */
    public String quoted() {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
