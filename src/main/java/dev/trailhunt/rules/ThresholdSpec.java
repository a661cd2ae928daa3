package dev.trailhunt.rules;

import java.util.List;

/**
 * Holds a threshold rule's settings.
 *
 * @param fields the group-by fields (none: all matching events form one group)
 * @param value the count a group must reach
 * @param cardinalityField the field whose distinct values are counted, or empty for none
 * @param cardinalityValue the distinct count the group must reach when {@code cardinalityField} is set
 */
public record ThresholdSpec(List<String> fields, long value, String cardinalityField, long cardinalityValue) {
    /** Copies the list so the record stays immutable. */
    public ThresholdSpec {
        fields = List.copyOf(fields);
    }
}
