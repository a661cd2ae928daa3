package dev.trailhunt.ingest.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailhunt.geoip.GeoIpLookup;
import dev.trailhunt.model.EcsColumn;
import dev.trailhunt.model.EcsSchema;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compares the mapper with Elastic's own pipeline-test outputs, field by field.
 *
 * <p>The expected documents come from several aws package versions. The four Map-rendered strings and
 * {@code user_agent.*} are compared against every expected document and against derived-oracle.tsv; the
 * other fields follow default.yml (8.9.0), so each field where an older expected file differs is listed
 * in {@link #OLDER_PACKAGE} with the reason, and fields the project does not store in {@link #NOT_STORED}.
 */
class EcsFidelityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The harness turns the input's {@code @timestamp} into event.created (ES keeps ms precision). */
    private static final Instant HARNESS_CREATED = Instant.parse("2021-11-11T01:02:03.123456789Z");

    private static final List<String> ORACLE_FIELDS = List.of(
            "aws.cloudtrail.request_parameters", "aws.cloudtrail.response_elements",
            "aws.cloudtrail.additional_eventdata", "aws.cloudtrail.service_event_details",
            "user_agent.original", "user_agent.name", "user_agent.version", "user_agent.os.name",
            "user_agent.os.version", "user_agent.os.full", "user_agent.device.name");

    /** Expected-document fields the events table does not hold, by prefix, with the reason. */
    private static final Map<String, String> NOT_STORED = Map.of(
            "aws.cloudtrail.flattened.", "a flattened object ES|QL cannot read; hunts use the string fields",
            "tags", "the pipeline-test harness adds preserve_original_event to every input document",
            "aws.cloudtrail.user_identity.session_context.web_id_federation_data.attributes",
            "a flattened object keyed by the identity provider; ES|QL cannot read it");

    /** Entity fields exist only with tag actor_target_mapping (and in old entity-sub-pipeline versions). */
    private static final List<String> ENTITY_FIELDS = List.of("actor.entity.", "target.entity.", "user.entity.",
            "host.entity.", "service.entity.", "user.target.entity.", "host.target.", "service.target.",
            "entity.", "related.entity");

    /** Constant fields come from the index template (constant_keyword), never from the pipeline's output. */
    private static final List<String> TEMPLATE_CONSTANTS = List.of("data_stream.type", "data_stream.dataset",
            "data_stream.namespace", "event.module", "event.dataset");

    private static final String OLD = "expected file predates aws 8.x: ";
    private static final String PRE_89 = "expected file predates aws 8.9.0: ";

    /** Per expected file, the fields where it disagrees with default.yml 8.9.0, with the reason. */
    private static final Map<String, Map<String, String>> OLDER_PACKAGE = Map.of(
            "test-batch-get-secret-value-json.log", Map.of(
                    "cloud.provider", OLD + "no cloud.provider",
                    "cloud.service.name", OLD + "no cloud.service.name dissect",
                    "related.ip", OLD + "no related.ip"),
            "test-create-access-key-json.log", Map.of(
                    "cloud.provider", OLD + "no cloud.provider",
                    "cloud.service.name", OLD + "no cloud.service.name dissect",
                    "related.ip", OLD + "no related.ip",
                    "related.user", OLD + "user.id was not appended to related.user"),
            "test-get-caller-identity-json.log", Map.of(
                    "cloud.provider", OLD + "no cloud.provider",
                    "cloud.service.name", OLD + "no cloud.service.name dissect",
                    "related.ip", OLD + "no related.ip",
                    "related.user", OLD + "user.id was not appended to related.user",
                    "event.category", OLD + "GetCallerIdentity was not yet in the categorization table"),
            "test-open-control-channel-instance-arn-json.log", Map.of(
                    "user.id", "expected file comes from the unreleased 9.0.0 branch: user.id = role ARN",
                    "related.user", "expected file comes from the unreleased 9.0.0 branch: role ARN in related.user",
                    "aws.cloudtrail.user_identity.principal_id",
                    "expected file comes from the unreleased 9.0.0 branch, which adds principal_id"),
            "test-tls-details-json.log", Map.of(
                    "cloud.provider", OLD + "no cloud.provider",
                    "cloud.service.name", OLD + "no cloud.service.name dissect",
                    "related.ip", OLD + "no related.ip",
                    "related.user", OLD + "no session-name or user.id entries in related.user",
                    "cloud.account.id", OLD + "cloud.account.id did not fall back to recipientAccountId",
                    "user.email", OLD + "user.email was not derived from user.name or the session name",
                    "aws.cloudtrail.session_credential_from_console", OLD + "sessionCredentialFromConsole not mapped"),
            "test-user-authentication.log", Map.of(
                    "cloud.provider", PRE_89 + "no cloud.provider",
                    "cloud.service.name", PRE_89 + "no cloud.service.name dissect",
                    "related.user", PRE_89 + "onBehalfOf.userId was not related",
                    "user.id", PRE_89 + "IdentityCenterUser's onBehalfOf.userId did not become user.id",
                    "aws.cloudtrail.user_identity.credential_id", PRE_89 + "credentialId not mapped",
                    "aws.cloudtrail.user_identity.on_behalf_of.user_id", PRE_89 + "onBehalfOf not mapped",
                    "aws.cloudtrail.user_identity.on_behalf_of.identity_store_arn", PRE_89 + "onBehalfOf not mapped"));

    /**
     * Per expected file, a reason why its source.geo.* fields came from another MaxMind test database than
     * the one in ../shared/corpus/geoip (all other files' geo fields are compared).
     */
    private static final Map<String, String> OTHER_GEO_DATABASE = Map.of("test-tls-details-json.log",
            OLD + "its harness's City test database had no record for 81.2.69.142; MaxMind's current test"
                    + " data places 81.2.69.142/31 in London");

    @Test
    void mapsEveryPipelineTestDocumentAsElasticDoes() throws IOException {
        Path tests = SharedCorpus.require("corpus/elastic-pipeline/tests");
        Map<String, List<JsonNode>> oracle = oracle(tests.resolve("derived-oracle.tsv"));
        EcsMapper mapper = new EcsMapper(HARNESS_CREATED);
        // MaxMind's public test databases, the ones Elasticsearch's own geoip tests read.
        GeoIpLookup geoip = GeoIpLookup.open(SharedCorpus.require("corpus/geoip"), "test");
        int equal = 0;
        int total = 0;
        List<String> mismatches = new ArrayList<>();
        List<Path> logs;
        try (Stream<Path> s = Files.list(tests)) {
            logs = s.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList();
        }
        for (Path log : logs) {
            String file = log.getFileName().toString();
            List<JsonNode> records = records(log);
            Path expectedPath = log.resolveSibling(file + "-expected.json");
            List<JsonNode> expected = Files.exists(expectedPath)
                    ? list(JSON.readTree(expectedPath.toFile()).get("expected")) : null;
            List<JsonNode> oracleRows = oracle.getOrDefault(file, List.of());
            assertEquals(records.size(), oracleRows.size(), "oracle rows for " + file);
            if (expected != null) {
                assertEquals(records.size(), expected.size(), "expected documents for " + file);
            }
            for (int i = 0; i < records.size(); i++) {
                Object[] row = mapper.map(records.get(i));
                geoip.fill(row);
                Map<String, Object> ours = byName(row);
                String where = file + "#" + i + " ";
                Map<String, Object> fromOracle = oracleFields(oracleRows.get(i));
                for (String field : ORACLE_FIELDS) {
                    total++;
                    if (same(field, fromOracle.get(field), ours.get(field))) {
                        equal++;
                    } else {
                        mismatches.add(where + "oracle " + field + ": expected " + fromOracle.get(field)
                                + " got " + ours.get(field));
                    }
                }
                if (expected == null) {
                    continue;
                }
                Map<String, Object> doc = geoPoint(flatten(expected.get(i)));
                TreeSet<String> fields = new TreeSet<>(doc.keySet());
                ours.forEach((k, v) -> {
                    if (v != null) {
                        fields.add(k);
                    }
                });
                for (String field : fields) {
                    if (excluded(file, field)) {
                        continue;
                    }
                    total++;
                    if (same(field, doc.get(field), ours.get(field))) {
                        equal++;
                    } else {
                        mismatches.add(where + field + ": expected " + doc.get(field) + " got " + ours.get(field));
                    }
                }
            }
        }
        System.out.println("ecs fidelity: " + equal + "/" + total + " fields equal");
        mismatches.forEach(m -> System.out.println("  " + m));
        assertTrue(total > 300, "the corpus should yield hundreds of comparisons, got " + total);
        assertEquals(List.of(), mismatches);
    }

    /** Replaces the expected {@code location.lat}/{@code .lon} pair by the WKT ES|QL shows for a geo_point. */
    private static Map<String, Object> geoPoint(Map<String, Object> doc) {
        Object lat = doc.remove("source.geo.location.lat");
        Object lon = doc.remove("source.geo.location.lon");
        if (lat != null && lon != null) {
            doc.put("source.geo.location", "POINT (" + lon + " " + lat + ")");
        }
        return doc;
    }

    private static boolean excluded(String file, String field) {
        if (OLDER_PACKAGE.getOrDefault(file, Map.of()).containsKey(field) || TEMPLATE_CONSTANTS.contains(field)) {
            return true;
        }
        if (field.startsWith("source.geo.") && OTHER_GEO_DATABASE.containsKey(file)) {
            return true;
        }
        for (String p : NOT_STORED.keySet()) {
            if (field.startsWith(p)) {
                return true;
            }
        }
        for (String p : ENTITY_FIELDS) {
            if (field.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** Compares one expected JSON-derived value with a cell, in the column's ES|QL terms. */
    private static boolean same(String field, Object expected, Object actual) {
        int index = EcsSchema.indexOf(field);
        if (index < 0) {
            return expected == null && actual == null;
        }
        EcsColumn c = EcsSchema.columns().get(index);
        if (expected == null || actual == null) {
            return expected == null && actual == null;
        }
        if (c.multiValued()) {
            return new TreeSet<>(strings(expected)).equals(new TreeSet<>(strings(actual)))
                    && strings(actual).size() == new TreeSet<>(strings(actual)).size();
        }
        if (field.equals("event.original")) {
            // Some .log inputs were rebuilt compactly from the expected event.original: same content.
            return json(expected.toString()).equals(json(actual.toString()));
        }
        if (actual instanceof Instant) {
            return Instant.parse(expected.toString()).truncatedTo(ChronoUnit.MILLIS).equals(actual);
        }
        if (expected instanceof Collection) {
            return false;
        }
        return expected.toString().equals(actual.toString());
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof Collection) {
            for (Object o : (Collection<?>) v) {
                out.add(String.valueOf(o));
            }
        } else {
            out.add(String.valueOf(v));
        }
        return out;
    }

    private static Map<String, Object> byName(Object[] row) {
        Map<String, Object> m = new TreeMap<>();
        for (int i = 0; i < row.length; i++) {
            m.put(EcsSchema.columns().get(i).name(), row[i]);
        }
        return m;
    }

    /** Flattens a document to dotted names; arrays of objects contribute every element's values. */
    static Map<String, Object> flatten(JsonNode doc) {
        Map<String, Object> out = new TreeMap<>();
        flatten(doc, "", out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(JsonNode n, String name, Map<String, Object> out) {
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                flatten(e.getValue(), name.isEmpty() ? e.getKey() : name + "." + e.getKey(), out);
            }
        } else if (n.isArray()) {
            for (JsonNode e : n) {
                if (e.isContainerNode()) {
                    flatten(e, name, out);
                } else {
                    add(out, name, e);
                }
            }
        } else {
            Object previous = out.get(name);
            if (previous == null) {
                out.put(name, scalar(n));
            } else {
                List<Object> l = previous instanceof List ? (List<Object>) previous : new ArrayList<>(List.of(previous));
                l.add(scalar(n));
                out.put(name, l);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> out, String name, JsonNode e) {
        Object previous = out.get(name);
        List<Object> l;
        if (previous instanceof List) {
            l = (List<Object>) previous;
        } else {
            l = new ArrayList<>();
            if (previous != null) {
                l.add(previous);
            }
            out.put(name, l);
        }
        l.add(scalar(e));
    }

    private static Object scalar(JsonNode n) {
        return n.isTextual() ? n.textValue() : n.toString();
    }

    private static List<JsonNode> records(Path log) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    private static Map<String, List<JsonNode>> oracle(Path tsv) throws IOException {
        Map<String, List<JsonNode>> out = new TreeMap<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                JsonNode row = JSON.readTree(line.substring(tab + 1));
                out.computeIfAbsent(line.substring(0, tab), k -> new ArrayList<>()).add(row);
            }
        }
        return out;
    }

    /** Names an oracle row's values by field: its strings live under aws.cloudtrail, user_agent at the root. */
    private static Map<String, Object> oracleFields(JsonNode row) {
        Map<String, Object> out = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : row.properties()) {
            if (e.getKey().equals("user_agent")) {
                flatten(e.getValue(), "user_agent", out);
            } else {
                out.put("aws.cloudtrail." + e.getKey(), scalar(e.getValue()));
            }
        }
        return out;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
