package dev.trailhunt.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import dev.trailhunt.model.Sha256;
import dev.trailhunt.model.ValueType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes result rows as JSON and reads them back with their column types, exactly: datetimes keep
 * their nanoseconds, doubles their every bit, so that a re-run compares equal only when it is equal.
 */
public final class ManifestValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ManifestValues() {}

    /** Returns one row as a JSON array. */
    static ArrayNode encode(List<Object> row) {
        ArrayNode a = NODES.arrayNode();
        for (Object v : row) {
            a.add(value(v));
        }
        return a;
    }

    private static JsonNode value(Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof List<?> list) {
            ArrayNode a = NODES.arrayNode();
            list.forEach(o -> a.add(value(o)));
            return a;
        }
        if (v instanceof Integer n) {
            return NODES.numberNode(n);
        }
        if (v instanceof Long n) {
            return NODES.numberNode(n);
        }
        if (v instanceof Double d) {
            // JSON has no NaN or infinities; Double.toString's text parses back to the same bits.
            return Double.isFinite(d) ? NODES.numberNode(d) : NODES.textNode(Double.toString(d));
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof Instant i) {
            return NODES.textNode(i.toString());
        }
        return NODES.textNode(v.toString());
    }

    /** Returns the canonical text of one row, the unit that digests and row differences compare. */
    public static String rowText(List<Object> row) {
        return encode(row).toString();
    }

    /** Returns the SHA-256 over the column names and types and every row's canonical text, in order. */
    public static String rowsSha256(ResultTable table) {
        MessageDigest d = Sha256.newDigest();
        for (ResultColumn c : table.columns()) {
            d.update((c.name() + "\t" + c.type().name() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        d.update((byte) '\n');
        for (List<Object> row : table.rows()) {
            d.update((rowText(row) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return Sha256.hex(d);
    }

    /** Reads a table back from its manifest columns and rows; a value of the wrong kind is kept as text, so it compares unequal. */
    static ResultTable table(JsonNode columns, JsonNode rows) {
        List<ResultColumn> cols = new ArrayList<>();
        for (JsonNode c : columns) {
            ValueType type;
            try {
                type = ValueType.valueOf(c.path("type").asText().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                type = ValueType.UNSUPPORTED;
            }
            cols.add(new ResultColumn(c.path("name").asText(), type));
        }
        List<List<Object>> out = new ArrayList<>();
        for (JsonNode r : rows) {
            List<Object> row = new ArrayList<>();
            for (int i = 0; i < cols.size(); i++) {
                row.add(decode(r.path(i), cols.get(i).type()));
            }
            out.add(java.util.Collections.unmodifiableList(row));
        }
        return new ResultTable(cols, out);
    }

    private static Object decode(JsonNode n, ValueType type) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isArray()) {
            List<Object> list = new ArrayList<>();
            n.forEach(e -> list.add(decode(e, type)));
            return java.util.Collections.unmodifiableList(list);
        }
        try {
            return switch (type) {
                case INTEGER -> n.isIntegralNumber() ? (Object) n.intValue() : n.asText();
                case LONG, UNSIGNED_LONG -> n.isIntegralNumber() ? (Object) n.longValue() : n.asText();
                case DOUBLE -> n.isNumber() ? (Object) n.doubleValue() : Double.parseDouble(n.asText());
                case BOOLEAN -> n.isBoolean() ? (Object) n.booleanValue() : n.asText();
                case DATETIME, DATE_NANOS -> Instant.parse(n.asText());
                case KEYWORD, TEXT, IP, VERSION, GEO_POINT, NULL, UNSUPPORTED -> n.isTextual() ? n.asText() : n.toString();
            };
        } catch (RuntimeException e) {
            return n.asText();
        }
    }
}
