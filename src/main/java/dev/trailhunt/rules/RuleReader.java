package dev.trailhunt.rules;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one detection rule from the TOML Elastic's detection-rules repository ships. */
final class RuleReader {
    private static final TomlMapper TOML = new TomlMapper();
    private static final Pattern QUERY_KEY = Pattern.compile("(?m)^query\\s*=\\s*('''|\"\"\"|'|\")(\\r?\\n)?");
    private static final Duration DEFAULT_LOOKBACK = Duration.ofMinutes(6);
    private static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);

    private RuleReader() {}

    /**
     * Reads a rule file.
     *
     * @throws RuleFileException naming {@code location} and line:column when the file is not a rule
     */
    static Rule read(byte[] bytes, String location) {
        JsonNode root;
        try {
            root = TOML.readTree(bytes);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String pos = at == null ? "" : at.getLineNr() + ":" + at.getColumnNr() + ": ";
            throw new RuleFileException(location + ":" + pos + "not valid TOML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new RuleFileException(location + ": cannot read: " + e.getMessage());
        }
        JsonNode rule = root == null ? null : root.get("rule");
        if (rule == null || !rule.isObject()) {
            throw new RuleFileException(location + ": no [rule] table (expected Elastic's detection rule schema)");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        RuleType type = RuleType.of(text(rule, "type"));
        String id = text(rule, "rule_id");
        if (id.isEmpty()) {
            throw new RuleFileException(location + ": [rule] has no rule_id");
        }
        String query = text(rule, "query");
        if (query.isEmpty() && type != RuleType.MACHINE_LEARNING) {
            throw new RuleFileException(location + ": [rule] has no query");
        }
        Duration lookback;
        Duration interval;
        try {
            lookback = rule.has("from") ? RuleDuration.lookback(text(rule, "from")) : DEFAULT_LOOKBACK;
            interval = rule.has("interval") ? RuleDuration.interval(text(rule, "interval")) : DEFAULT_INTERVAL;
        } catch (IllegalArgumentException e) {
            throw new RuleFileException(location + ": " + e.getMessage());
        }
        Severity severity = Severity.parse(text(rule, "severity"))
                .orElseThrow(() -> new RuleFileException(location + ": severity must be low, medium, high or critical"));
        List<String> techniques = new ArrayList<>();
        List<String> tactics = new ArrayList<>();
        for (JsonNode threat : iterable(rule.get("threat"))) {
            JsonNode tactic = threat.get("tactic");
            if (tactic != null && !text(tactic, "name").isEmpty() && !tactics.contains(text(tactic, "name"))) {
                tactics.add(text(tactic, "name"));
            }
            for (JsonNode t : iterable(threat.get("technique"))) {
                addOnce(techniques, text(t, "id"));
                for (JsonNode s : iterable(t.get("subtechnique"))) {
                    addOnce(techniques, text(s, "id"));
                }
            }
        }
        return new Rule(id, text(rule, "name").isEmpty() ? id : text(rule, "name"), type, text(rule, "language"), query,
                queryLine(text), strings(rule.get("index")), lookback, interval, severity, rule.path("risk_score").asInt(0),
                techniques, tactics, strings(rule.get("tags")), newTerms(rule, location), threshold(rule, location),
                text(rule, "event_category_override"), !text(rule, "building_block_type").isEmpty(), location, maxSignals(rule, location),
                suppression(rule.get("alert_suppression"), type, rule, location));
    }

    /**
     * Reads alert_suppression as the detection-rules schema defines it: {@code group_by} 1 to 3 fields, an optional
     * {@code duration} of a whole number of s, m or h, and {@code missing_fields_strategy} {@code suppress} (the default) or
     * {@code doNotSuppress}. A threshold rule's alert_suppression holds a duration alone (Kibana's
     * {@code ThresholdAlertSuppression}): its groups are the threshold fields.
     */
    private static AlertSuppression suppression(JsonNode s, RuleType type, JsonNode rule, String location) {
        if (s == null) {
            return null;
        }
        if (!s.isObject()) {
            throw new RuleFileException(location + ": alert_suppression must be a table");
        }
        List<String> groupBy = strings(s.get("group_by"));
        if (type == RuleType.THRESHOLD && s.get("group_by") == null) {
            groupBy = strings(rule.path("threshold").get("field"));
        } else if (groupBy.isEmpty() || groupBy.size() > 3) {
            throw new RuleFileException(location + ": alert_suppression.group_by needs 1 to 3 fields, has " + groupBy.size());
        }
        Duration duration = null;
        JsonNode d = s.get("duration");
        if (d != null) {
            String unit = d.path("unit").asText("");
            JsonNode value = d.get("value");
            if (!d.isObject() || value == null || !value.isIntegralNumber() || value.asLong() < 1 || !unit.matches("[smh]")) {
                throw new RuleFileException(location + ": alert_suppression.duration must be {value = N, unit = \"s\", \"m\" or \"h\"} with N >= 1");
            }
            duration = RuleDuration.interval(value.asLong() + unit);
        }
        String strategy = s.path("missing_fields_strategy").asText("suppress");
        if (!strategy.equals("suppress") && !strategy.equals("doNotSuppress")) {
            throw new RuleFileException(location + ": alert_suppression.missing_fields_strategy must be suppress or doNotSuppress, not " + strategy);
        }
        return new AlertSuppression(groupBy, duration, strategy.equals("suppress"));
    }

    private static int maxSignals(JsonNode rule, String location) {
        JsonNode m = rule.get("max_signals");
        if (m == null) {
            return Rule.DEFAULT_MAX_SIGNALS;
        }
        if (!m.canConvertToInt() || !m.isIntegralNumber() || m.asInt() < 1) {
            throw new RuleFileException(location + ": max_signals must be a whole number of at least 1, not " + m.asText());
        }
        return m.asInt();
    }

    private static NewTermsSpec newTerms(JsonNode rule, String location) {
        JsonNode nt = rule.get("new_terms");
        if (nt == null) {
            return null;
        }
        List<String> fields = strings(nt.get("value"));
        if (fields.isEmpty() || fields.size() > 3) {
            throw new RuleFileException(location + ": new_terms needs 1 to 3 fields, has " + fields.size());
        }
        String start = "";
        for (JsonNode h : iterable(nt.get("history_window_start"))) {
            start = text(h, "value");
        }
        try {
            return new NewTermsSpec(fields, RuleDuration.lookback(start));
        } catch (IllegalArgumentException e) {
            throw new RuleFileException(location + ": history_window_start: " + e.getMessage());
        }
    }

    private static ThresholdSpec threshold(JsonNode rule, String location) {
        JsonNode th = rule.get("threshold");
        if (th == null) {
            return null;
        }
        long value = th.path("value").asLong(0);
        if (value < 1) {
            throw new RuleFileException(location + ": threshold value must be at least 1");
        }
        String cardField = "";
        long cardValue = 0;
        for (JsonNode c : iterable(th.get("cardinality"))) {
            cardField = text(c, "field");
            cardValue = c.path("value").asLong(0);
        }
        return new ThresholdSpec(strings(th.get("field")), value, cardField, cardValue);
    }

    /** Finds the line the query's text starts on, so that query errors point into the file. */
    private static int queryLine(String text) {
        Matcher m = QUERY_KEY.matcher(text);
        if (!m.find()) {
            return 1;
        }
        int line = 1;
        for (int i = 0; i < m.end(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static void addOnce(List<String> list, String value) {
        if (!value.isEmpty() && !list.contains(value)) {
            list.add(value);
        }
    }

    private static Iterable<JsonNode> iterable(JsonNode n) {
        if (n == null || n.isNull()) {
            return List.of();
        }
        return n.isArray() ? n : List.of(n);
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : iterable(n)) {
            if (e.isValueNode()) {
                out.add(e.asText());
            }
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode n = node.get(field);
        return n == null || n.isNull() || !n.isValueNode() ? "" : n.asText();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
