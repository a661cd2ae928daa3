package dev.trailhunt.ingest.ecs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * Reads a raw record as the pipeline sees it after its first cleanup script: null, {@code ""},
 * {@code "-"} and {@code "none"} values, and objects or arrays left empty by their removal, are absent.
 *
 * <p>Reading through this view instead of rebuilding the cleaned document keeps mapping allocation-free.
 */
final class CleanupView {

    private CleanupView() {
    }

    /** Returns the child {@code key} of {@code parent}, or null when absent after cleanup. */
    static JsonNode get(JsonNode parent, String key) {
        if (parent == null || !parent.isObject()) {
            return null;
        }
        JsonNode v = parent.get(key);
        return v == null || dropped(v) ? null : v;
    }

    /** Returns the node at {@code path} below {@code root}, or null when any step is absent after cleanup. */
    static JsonNode at(JsonNode root, String... path) {
        JsonNode n = root;
        for (String key : path) {
            n = get(n, key);
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    /** Returns the scalar at {@code path} as the text Elasticsearch indexes for it, or null when absent. */
    static String text(JsonNode root, String... path) {
        return scalarText(at(root, path));
    }

    /** Returns the text of a scalar node (numbers as Java renders the parsed value), null for containers. */
    static String scalarText(JsonNode n) {
        if (n == null || n.isContainerNode()) {
            return null;
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        return String.valueOf(JavaMapText.javaValue(n));
    }

    /** Tells whether cleanup #1 removes {@code v}. */
    static boolean dropped(JsonNode v) {
        switch (v.getNodeType()) {
            case NULL:
            case MISSING:
                return true;
            case STRING:
                return droppedText(v.textValue());
            case OBJECT:
                for (Map.Entry<String, JsonNode> e : v.properties()) {
                    if (!dropped(e.getValue())) {
                        return false;
                    }
                }
                return true;
            case ARRAY:
                for (JsonNode e : v) {
                    if (!dropped(e)) {
                        return false;
                    }
                }
                return true;
            default:
                return false;
        }
    }

    /** Tells whether cleanup #1 removes the string {@code s}. */
    static boolean droppedText(String s) {
        return s.isEmpty() || "-".equals(s) || "none".equals(s);
    }
}
