package dev.trailhunt.eql;

import dev.trailhunt.model.EcsColumn;
import dev.trailhunt.model.EcsSchema;
import java.util.Map;

/**
 * Answers what the store knows of a field: its column, and the length above which Elastic leaves a value unindexed.
 */
final class StoreFields {
    /**
     * Lists {@code ignore_above} of the aws.cloudtrail fields that set one (the package's fields.yml): longer values are
     * not indexed, so EQL's queries never see them although the document holds them.
     */
    private static final Map<String, Integer> IGNORE_ABOVE = Map.of(
            "aws.cloudtrail.request_parameters", 8191,
            "aws.cloudtrail.response_elements", 8191);

    private StoreFields() {}

    /** Returns the store column of {@code name}, or null when the store has no such field. */
    static EcsColumn column(String name) {
        int i = EcsSchema.indexOf(name);
        return i < 0 ? null : EcsSchema.columns().get(i);
    }

    /** Returns the field's ignore_above, or 0 when every value is indexed. */
    static int ignoreAbove(String name) {
        return IGNORE_ABOVE.getOrDefault(name, 0);
    }
}
