package dev.trailhunt.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Remembers the first key that a JSON object read since the last {@link #reset()} repeated: the tree
 * keeps only its last value, so the record's {@code event.original} is not the input's text.
 */
final class DuplicateKeys {
    private String first;

    /** Forgets the keys seen, before the next record is read. */
    void reset() {
        first = null;
    }

    /** Notes that an object repeated {@code key}. */
    void seen(String key) {
        if (first == null) {
            first = key;
        }
    }

    /** Returns the first key repeated since the last reset, or null. */
    String first() {
        return first;
    }

    /** Returns the Jackson module whose trees report repeated keys to the {@code DuplicateKeys} attribute of a reader. */
    static SimpleModule module() {
        return new SimpleModule("trailhunt-duplicate-keys").addDeserializer(JsonNode.class, new Deserializer());
    }

    /** Builds trees as Jackson does (the last value of a repeated key wins) and tells the reading's DuplicateKeys. */
    private static final class Deserializer extends com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer {
        @Override
        protected void _handleDuplicateField(JsonParser p, DeserializationContext ctxt, JsonNodeFactory nodeFactory,
                String fieldName, ObjectNode objectNode, JsonNode oldValue, JsonNode newValue) throws IOException {
            super._handleDuplicateField(p, ctxt, nodeFactory, fieldName, objectNode, oldValue, newValue);
            if (ctxt.getAttribute(DuplicateKeys.class) instanceof DuplicateKeys keys) {
                keys.seen(fieldName);
            }
        }
    }
}
