package dev.trailhunt.model;


/**
 * Describes one ECS column of the events table.
 *
 * @param name        the ECS field name, e.g. {@code event.action} (one identifier, dots included)
 * @param duckdbType  the DuckDB column type: VARCHAR, BOOLEAN, BIGINT, DOUBLE, TIMESTAMP or VARCHAR[]
 * @param esqlType    the type ES|QL reports for the field in Elastic's mapping
 * @param multiValued whether the field holds a sorted, de-duplicated keyword list
 */
public record EcsColumn(String name, String duckdbType, ValueType esqlType, boolean multiValued) {
}
