package dev.trailhunt.translate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Derives Elastic's {@code aws.cloudtrail.flattened.*} leaves at query time from the stored raw record
 * ({@code event.original}), instead of storing them, as the aws.cloudtrail pipeline fills them.
 *
 * <p>The pipeline copies the parsed {@code requestParameters}, {@code responseElements},
 * {@code additionalEventData} and {@code serviceEventDetails} into {@code flattened} when their
 * {@code Map.toString()} text is shorter than 32,766 characters, after removing null, empty, {@code "-"} and
 * {@code "none"} values. The {@code flattened} mapping indexes every leaf as a keyword under its dotted key
 * path, ignoring array positions: so {@code …request_parameters.ipPermissions.items.fromPort} holds every
 * {@code fromPort} of every item, as strings ({@code 22}, {@code true}).
 */
final class FlattenedFields {
    /** Starts every flattened field name. */
    static final String PREFIX = "aws.cloudtrail.flattened.";
    private static final int MAX_TEXT = 32_766;

    /** Maps each flattened object to the raw record's key and the stored Map.toString column. */
    private static final Map<String, String[]> OBJECTS = Map.of(
            "request_parameters", new String[] {"requestParameters", "aws.cloudtrail.request_parameters"},
            "response_elements", new String[] {"responseElements", "aws.cloudtrail.response_elements"},
            "additional_eventdata", new String[] {"additionalEventData", "aws.cloudtrail.additional_eventdata"},
            "service_event_details", new String[] {"serviceEventDetails", "aws.cloudtrail.service_event_details"});

    /** Unwraps one level of arrays in a list of JSON values, as the flattened mapping ignores array positions. */
    private static final String UNWRAP =
            "flatten(list_transform({0}, lambda x: CASE WHEN json_type(x) = 'ARRAY' THEN json_extract(x, '$[*]') ELSE [x] END))";

    private FlattenedFields() {}

    /** Tells whether a name is a leaf path under one of the four flattened objects. */
    static boolean isFlattened(String name) {
        return object(name).isPresent();
    }

    private static Optional<String[]> object(String name) {
        if (!name.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = name.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        if (dot <= 0 || dot == rest.length() - 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(OBJECTS.get(rest.substring(0, dot)));
    }

    /**
     * Returns the leaves of a flattened field as a list of strings (an empty list when the path has none,
     * null when the pipeline would not have copied the object), computed from the raw record.
     */
    static Field<?> leaves(String name) {
        String[] object = object(name).orElseThrow();
        String rest = name.substring(PREFIX.length());
        List<String> path = List.of(rest.substring(rest.indexOf('.') + 1).split("\\.", -1));
        Field<?> original = DSL.field(DSL.name("event.original"));
        // Each key reaches SQL as an inlined string literal inside a JSON path; jOOQ escapes it.
        Field<?> values = DSL.field("[json_extract({0}, {1})]", SQLDataType.OTHER, original, DSL.inline(jsonPath(object[0])));
        for (String key : path) {
            Field<?> unwrapped = DSL.field(UNWRAP, SQLDataType.OTHER, values);
            values = DSL.field("list_filter(list_transform({0}, lambda x: json_extract(x, {1})), lambda x: x IS NOT NULL)",
                    SQLDataType.OTHER, unwrapped, DSL.inline(jsonPath(key)));
        }
        Field<?> leaves = DSL.field("list_filter(list_transform(list_filter(" + UNWRAP + ", lambda x: json_type(x) NOT IN ('OBJECT', 'ARRAY', 'NULL')),"
                + " lambda x: json_extract_string(x, '$')), lambda v: v NOT IN ('', '-', 'none'))", SQLDataType.OTHER,
                DSL.field(UNWRAP, SQLDataType.OTHER, values));
        Field<?> text = DSL.field(DSL.name(object[1]));
        return DSL.field("CASE WHEN {0} IS NOT NULL AND length({0}) < {1} THEN {2} END", SQLDataType.OTHER, text, DSL.inline(MAX_TEXT), leaves);
    }

    private static String jsonPath(String key) {
        return "$.\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
