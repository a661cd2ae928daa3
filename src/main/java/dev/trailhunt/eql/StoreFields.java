package dev.trailhunt.eql;

import dev.trailhunt.model.EcsColumn;
import dev.trailhunt.model.EcsSchema;
import dev.trailhunt.model.ValueType;
import java.util.Map;
import java.util.Set;

/**
 * Answers what the store knows of a field: its column, and the length above which Elastic leaves a value unindexed.
 */
final class StoreFields {
    /**
     * Lists {@code ignore_above} where the aws package's fields.yml sets one; other keyword fields have ECS's and
     * Fleet's default of 1024 (KQL's {@code kql.SearchFields} holds the same table). Longer values are not
     * indexed, so EQL's queries never see them although the document holds them.
     */
    private static final Map<String, Integer> IGNORE_ABOVE = Map.of(
            "aws.cloudtrail.request_parameters", 8191,
            "aws.cloudtrail.response_elements", 8191);
    private static final int DEFAULT_IGNORE_ABOVE = 1024;
    /** Names the constant_keyword fields of the index template, which have no ignore_above. */
    private static final Set<String> CONSTANT_KEYWORDS = Set.of(
            "data_stream.type", "data_stream.dataset", "data_stream.namespace", "event.module", "event.dataset");

    private StoreFields() {}

    /** Returns the store column of {@code name}, or null when the store has no such field. */
    static EcsColumn column(String name) {
        int i = EcsSchema.indexOf(name);
        return i < 0 ? null : EcsSchema.columns().get(i);
    }

    /** Returns the field's ignore_above, or 0 when every value is indexed. */
    static int ignoreAbove(String name) {
        EcsColumn col = column(name);
        if (col == null || col.esqlType() != ValueType.KEYWORD || CONSTANT_KEYWORDS.contains(name)) {
            return 0;
        }
        return IGNORE_ABOVE.getOrDefault(name, DEFAULT_IGNORE_ABOVE);
    }
}
