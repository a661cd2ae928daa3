package dev.trailhunt.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds one event a rule's filter selected: its id, time and the values of the fields the rule groups by.
 *
 * @param id the event's {@code event.id}
 * @param key what tells this event from every other: its {@code event.hash} (the SHA-256 of the raw record), or its id
 * @param micros the event's {@code @timestamp} in microseconds since the epoch
 * @param values per field, its values as keyword strings (empty when the field is missing; several when multi-valued)
 */
record EventRow(String id, String key, long micros, List<List<String>> values) {
    /**
     * Returns every combination of one value per field; none when a field is missing, as Elasticsearch's terms skip it.
     *
     * @throws ValueCombinations.TooMany past {@link ValueCombinations#MAX} combinations
     */
    List<List<String>> combinations() {
        return ValueCombinations.of(values, ValueCombinations.Missing.NONE);
    }

    /** Converts a stored value to the keyword strings Elasticsearch would index for it. */
    static List<String> keywords(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object v : list) {
                if (v != null) {
                    out.add(v.toString());
                }
            }
        } else if (value != null) {
            out.add(value.toString());
        }
        return out;
    }
}
