package dev.trailhunt.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the CloudTrail record inside one JSON object of an input: the object itself, a
 * LookupEvents / console-export entry's {@code CloudTrailEvent} string, an EventBridge
 * {@code detail}, or a shipper's wrapper object.
 */
final class RecordLocator {
    private static final Set<String> RECORD_KEYS = Set.of(
            "eventVersion", "eventTime", "eventName", "eventSource", "eventID", "awsRegion", "userIdentity");
    /**
     * Top-level keys that shippers add next to the record's own (Logstash {@code @timestamp} and
     * {@code @version}, Datadog's {@code aws}/{@code evt}/{@code http}/… attributes); none is a
     * CloudTrail field, and keeping them would change {@code event.original} and so defeat
     * de-duplication across shipping paths.
     */
    private static final Set<String> SHIPPER_KEYS = Set.of(
            "aws", "evt", "http", "network", "usr", "ddsource", "ddtags", "hostname", "service", "status", "date",
            "host", "tags", "source", "message");

    private final ObjectReader trees;
    /** Whether the last record returned lost shipper keys (or regained its eventTime). */
    private boolean changed;

    RecordLocator(ObjectReader trees) {
        this.trees = trees;
    }

    /** Tells whether the object is a CloudTrail-Digest document. */
    static boolean isDigest(JsonNode o) {
        return o.has("digestStartTime") && o.has("digestEndTime");
    }

    /** Returns the record the object holds, or null when it holds none. */
    ObjectNode locate(ObjectNode o) throws IOException {
        changed = false;
        if (isRecord(o)) {
            return stripShipperKeys(o);
        }
        JsonNode embedded = o.get("CloudTrailEvent");
        if (embedded != null && embedded.isTextual()) {
            JsonNode parsed = trees.readTree(embedded.textValue());
            return parsed instanceof ObjectNode r && isRecord(r) ? r : null;
        }
        if (embedded instanceof ObjectNode r && isRecord(r)) {
            return r;
        }
        return nested(o, 2);
    }

    private ObjectNode nested(ObjectNode o, int depth) throws IOException {
        if (depth == 0) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            JsonNode child = it.next().getValue();
            if (child instanceof ObjectNode c) {
                ObjectNode found = isRecord(c) ? stripShipperKeys(c) : nested(c, depth - 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static boolean isRecord(ObjectNode o) {
        int hits = 0;
        for (String k : RECORD_KEYS) {
            if (o.has(k) && ++hits >= 3) {
                return true;
            }
        }
        return false;
    }

    /** Tells whether the record last located is not the object read as it was: shipper keys were removed from it. */
    boolean changed() {
        return changed;
    }

    private ObjectNode stripShipperKeys(ObjectNode o) {
        List<String> keep = new ArrayList<>(o.size());
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.startsWith("@") && !SHIPPER_KEYS.contains(k)) {
                keep.add(k);
            }
        }
        if (keep.size() < o.size()) {
            changed = true;
            JsonNode shipped = o.get("@timestamp");
            o.retain(keep);
            // Logstash's date filter moves eventTime into @timestamp (the OTRF exports lack eventTime);
            // put it back in CloudTrail's own format, or every such event would be dated at ingest.
            if (!o.has("eventTime") && shipped != null && shipped.isTextual()) {
                o.put("eventTime", shipped.textValue().replaceFirst("^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d)\\.000Z$", "$1Z"));
            }
        }
        return o;
    }
}
