package dev.trailhunt.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.trailhunt.rules.Alert;
import dev.trailhunt.rules.Detection;
import dev.trailhunt.rules.RuleRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/** Writes a detect run as one JSON object: the run's range, every rule's outcome and its alerts. */
public final class DetectionJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private DetectionJson() {}

    /** Writes the run. */
    public static void write(Detection d, Writer out) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("start", d.start() == null ? null : d.start().toString());
            g.writeStringField("end", d.end() == null ? null : d.end().toString());
            g.writeStringField("history", d.history().name().toLowerCase(java.util.Locale.ROOT));
            g.writeNumberField("alerts", d.alerts());
            g.writeArrayFieldStart("rules");
            for (RuleRun r : d.runs()) {
                g.writeStartObject();
                g.writeStringField("rule_id", r.rule().id());
                g.writeStringField("name", r.rule().name());
                g.writeStringField("type", r.rule().type().tomlName());
                g.writeStringField("severity", r.rule().severity().label());
                g.writeNumberField("risk_score", r.rule().riskScore());
                strings(g, "techniques", r.rule().techniques());
                g.writeStringField("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
                g.writeStringField("reason", r.reason());
                g.writeArrayFieldStart("alerts");
                for (Alert a : r.alerts()) {
                    g.writeStartObject();
                    g.writeStringField("@timestamp", a.timestamp().toString());
                    strings(g, "event_ids", a.eventIds());
                    strings(g, "group_by", a.groupBy());
                    if (a.suppression() != null) {
                        // Named as Kibana's kibana.alert.suppression.* fields.
                        g.writeObjectFieldStart("suppression");
                        g.writeNumberField("docs_count", a.suppression().docsCount());
                        g.writeStringField("start", a.suppression().start().toString());
                        g.writeStringField("end", a.suppression().end().toString());
                        strings(g, "terms", a.suppression().terms());
                        g.writeEndObject();
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
