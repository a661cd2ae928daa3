package dev.trailhunt.translate;

import dev.trailhunt.model.PartitionLayout;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps the index patterns Elastic's CloudTrail hunts read to the store's {@code events} table.
 *
 * <p>Only the fixed patterns below resolve; everything else is unknown, so hunt text can never
 * name any other table.
 */
public final class CloudTrailSources implements SourceCatalog {
    private static final List<String> PATTERNS = List.of(
            "logs-aws.cloudtrail*", "logs-aws.cloudtrail-*", "logs-aws.cloudtrail-default", "logs-*");

    private final SourceTable events;

    /** Creates the catalog for an {@code events} table with the given columns. */
    public CloudTrailSources(String table, List<SourceColumn> columns) {
        this.events = new SourceTable(table, columns);
    }

    /** Creates the catalog for a table partitioned as {@code partitions} says (the ECS Parquet layout). */
    public CloudTrailSources(String table, List<SourceColumn> columns, PartitionLayout partitions) {
        this.events = new SourceTable(table, columns, null, partitions);
    }

    @Override
    public Optional<SourceTable> resolve(String indexPattern) {
        String p = indexPattern.trim().toLowerCase(Locale.ROOT);
        return PATTERNS.contains(p) ? Optional.of(events) : Optional.empty();
    }

    @Override
    public List<String> knownSources() {
        return PATTERNS;
    }
}
