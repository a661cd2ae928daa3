package dev.trailhunt.ingest.ecs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a JSON object as the pipeline's stringify script does: Java {@code HashMap.toString()} of the
 * object Elasticsearch's json processor built, after cleanup #1.
 *
 * <p>Key order is HashMap bucket order, which depends on the table capacity reached while all keys were
 * inserted in document order; so every key is inserted first and cleanup runs afterwards, exactly as in
 * Elasticsearch. Hunts {@code DISSECT} these strings by position, so the order is part of the contract.
 */
final class JavaMapText {

    private JavaMapText() {
    }

    /** Returns the rendered text of {@code object}, or null when it is absent after cleanup. */
    static String render(JsonNode object) {
        return render(object, null);
    }

    /**
     * Returns the rendered text of {@code object} with top-level key {@code removedKey} taken out after
     * cleanup (the pipeline renames it away before stringifying), or null when the object is absent.
     */
    static String render(JsonNode object, String removedKey) {
        if (object == null) {
            return null;
        }
        Object value = javaValue(object);
        if (!(value instanceof Map || value instanceof List)) {
            // A scalar where an object is expected: the script calls toString() on it all the same.
            return dropped(value) ? null : String.valueOf(value);
        }
        if (clean(value)) {
            return null;
        }
        if (removedKey != null && value instanceof Map) {
            ((Map<?, ?>) value).remove(removedKey);
        }
        return value.toString();
    }

    /** Converts a node to the Java value Elasticsearch's json processor yields (HashMap, ArrayList, …). */
    static Object javaValue(JsonNode n) {
        switch (n.getNodeType()) {
            case OBJECT: {
                Map<String, Object> map = new HashMap<>();
                for (Map.Entry<String, JsonNode> e : n.properties()) {
                    map.put(e.getKey(), javaValue(e.getValue()));
                }
                return map;
            }
            case ARRAY: {
                List<Object> list = new ArrayList<>(n.size());
                for (JsonNode e : n) {
                    list.add(javaValue(e));
                }
                return list;
            }
            case STRING:
                return n.textValue();
            case BOOLEAN:
                return n.booleanValue();
            case NUMBER:
                // IntNode → Integer, LongNode → Long, BigIntegerNode → BigInteger, DoubleNode → Double.
                return n.numberValue();
            case NULL:
            case MISSING:
                return null;
            default:
                return n.toString();
        }
    }

    /** Applies cleanup #1 in place and tells whether {@code container} is now empty. */
    private static boolean clean(Object container) {
        if (container instanceof Map) {
            Map<?, ?> map = (Map<?, ?>) container;
            map.values().removeIf(JavaMapText::removable);
            return map.isEmpty();
        }
        List<?> list = (List<?>) container;
        list.removeIf(JavaMapText::removable);
        return list.isEmpty();
    }

    private static boolean removable(Object v) {
        if (v instanceof Map || v instanceof List) {
            return clean(v);
        }
        return dropped(v);
    }

    private static boolean dropped(Object v) {
        return v == null || (v instanceof String && CleanupView.droppedText((String) v));
    }
}
