package dev.trailhunt.eql;

import dev.trailhunt.model.EcsColumn;
import dev.trailhunt.model.EcsSchema;
import dev.trailhunt.model.ValueType;

/**
 * Answers what the store knows of a field: its column, and the length above which Elastic leaves a value unindexed.
 */
final class StoreFields {
    private StoreFields() {}

    /** Returns the store column of {@code name}, or null when the store has no such field. */
    static EcsColumn column(String name) {
        int i = EcsSchema.indexOf(name);
        return i < 0 ? null : EcsSchema.columns().get(i);
    }

    /** Returns the field's ignore_above, or 0 when every value is indexed. */
    static int ignoreAbove(String name) {
        EcsColumn col = column(name);
        return col == null || col.esqlType() != ValueType.KEYWORD ? 0 : EcsSchema.keywordIgnoreAbove(name);
    }
}
