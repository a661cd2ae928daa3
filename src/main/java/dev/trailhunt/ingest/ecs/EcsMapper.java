package dev.trailhunt.ingest.ecs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.trailhunt.model.EcsSchema;
import dev.trailhunt.model.IpLiteral;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import static dev.trailhunt.ingest.ecs.CleanupView.at;
import static dev.trailhunt.ingest.ecs.CleanupView.get;
import static dev.trailhunt.ingest.ecs.CleanupView.scalarText;
import static dev.trailhunt.ingest.ecs.CleanupView.text;

/**
 * Maps raw CloudTrail records to ECS values as Elastic's aws.cloudtrail ingest pipeline
 * ({@code default.yml}, aws package 8.9.0) does, processor by processor in the pipeline's order.
 *
 * <p>Left out on purpose: the entity fields ({@code actor.entity.id}, {@code *.target.entity.id},
 * {@code related.entity}, …), which the pipeline only writes when the tag {@code actor_target_mapping}
 * is present; and {@code aws.cloudtrail.flattened.*} (including digest and insight details), a
 * {@code flattened} object ES|QL cannot read. GeoIP/ASN columns stay null: there is no MaxMind data.
 * Duplicate JSON keys, which make Elasticsearch's json processor fail, are the reader's concern.
 *
 * <p>Instances hold no mutable state and are safe to share between threads.
 */
public final class EcsMapper {

    private static final String PIPELINE = "logs-aws.cloudtrail-8.9.0";
    private static final String ECS_VERSION = "8.11.0";
    private static final String SERVICE_ROLE_MARKER = ":role/aws-service-role/";
    private static final String AMAZONAWS = ".amazonaws.com";

    static final int TIMESTAMP = col("@timestamp");
    static final int CREATED = col("event.created");
    static final int ORIGINAL = col("event.original");
    static final int ECS = col("ecs.version");
    static final int DS_TYPE = col("data_stream.type");
    static final int DS_DATASET = col("data_stream.dataset");
    static final int DS_NAMESPACE = col("data_stream.namespace");
    static final int MODULE = col("event.module");
    static final int DATASET = col("event.dataset");
    static final int KIND = col("event.kind");
    static final int CATEGORY = col("event.category");
    static final int TYPE = col("event.type");
    static final int OUTCOME = col("event.outcome");
    static final int ACTION = col("event.action");
    static final int PROVIDER = col("event.provider");
    static final int CLOUD_PROVIDER = col("cloud.provider");
    static final int ACCOUNT = col("cloud.account.id");
    static final int SERVICE = col("cloud.service.name");
    static final int RELATED_USER = col("related.user");
    static final int RELATED_IP = col("related.ip");
    static final int RELATED_HOSTS = col("related.hosts");
    static final int RELATED_HASH = col("related.hash");
    static final int ERROR = col("error.message");
    static final int TAGS = col("tags");
    static final int USER_NAME = col("user.name");
    static final int USER_ID = col("user.id");
    static final int USER_EMAIL = col("user.email");
    static final int SOURCE_ADDRESS = col("source.address");
    static final int SOURCE_IP = col("source.ip");
    static final int TLS_SERVER = col("tls.client.server_name");
    static final int CHANGES_NAME = col("user.changes.name");
    static final int ON_BEHALF_OF = col("aws.cloudtrail.user_identity.on_behalf_of.user_id");
    static final int ERROR_CODE = col("aws.cloudtrail.error_code");
    static final int ERROR_MESSAGE = col("aws.cloudtrail.error_message");
    static final int SERVICE_NAME = col("service.name");
    static final int IDENTITY_TYPE = col("aws.cloudtrail.user_identity.type");
    static final int IDENTITY_ARN = col("aws.cloudtrail.user_identity.arn");
    static final int CREATION_DATE = col("aws.cloudtrail.user_identity.session_context.creation_date");
    static final int ASSUMED_ROOT = col("aws.cloudtrail.user_identity.session_context.assumed_root");
    static final int READ_ONLY = col("aws.cloudtrail.read_only");
    static final int RECIPIENT = col("aws.cloudtrail.recipient_account_id");
    static final int SHARED_EVENT_ID = col("aws.cloudtrail.shared_event_id");
    static final int UA_ORIGINAL = col("user_agent.original");
    static final int UA_NAME = col("user_agent.name");
    static final int UA_VERSION = col("user_agent.version");
    static final int UA_OS_NAME = col("user_agent.os.name");
    static final int UA_OS_VERSION = col("user_agent.os.version");
    static final int UA_OS_FULL = col("user_agent.os.full");
    static final int UA_DEVICE = col("user_agent.device.name");

    private static final String CT = "aws.cloudtrail.";

    /** Tags an event whose {@code event.original} is a rendering of what was read, not the input's own text. */
    public static final String NORMALISED = "trailhunt_original_normalised";

    private final Instant created;
    private final UserAgentParser agents = UserAgentParser.elastic();

    /** Creates a mapper whose events carry {@code created} (the ingest run's start) as {@code event.created}. */
    private static final ObjectWriter ORIGINAL_WRITER = new ObjectMapper(
            JsonFactory.builder()
                    .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build())
                    .build()).writer();

    public EcsMapper(Instant created) {
        this.created = created.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Renders the record compactly, as {@code JsonNode.toString()} does, but without Jackson's
     * default limit of 1000 nesting levels on writing: the reader accepts deeper records, and one
     * of them must not end the reading of its file.
     */
    private static String original(JsonNode record) {
        try {
            return ORIGINAL_WRITER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a record already parsed: " + e.getOriginalMessage(), e);
        }
    }

    /** Maps one raw CloudTrail record (a Jackson ObjectNode in document order) to values aligned with EcsSchema.columns(). */
    public Object[] map(JsonNode record) {
        return map(record, null, false);
    }

    /**
     * Maps a record as {@link #map(JsonNode)} does, tagging {@value #NORMALISED} an event whose
     * {@code event.original} is not the input's own text: {@code duplicateKey} names a key its object
     * repeated (the tree keeps the last value), or is null; {@code replacedBytes} tells that bytes of its
     * input could not be decoded and became U+FFFD, which marks the records whose text holds one.
     */
    public Object[] map(JsonNode record, String duplicateKey, boolean replacedBytes) {
        return map(record, null, duplicateKey, replacedBytes);
    }

    /**
     * Maps a record as {@link #map(JsonNode, String, boolean)} does, taking its {@code event.original}
     * from {@code original} when not null: the caller vouches that it is the record's compact rendering.
     */
    public Object[] map(JsonNode record, String original, String duplicateKey, boolean replacedBytes) {
        EcsRow row = new EcsRow();
        if (original == null) {
            original = original(record);
        }
        row.put(ORIGINAL, original);
        if (duplicateKey != null) {
            // Elasticsearch parses JSON with Jackson's strict duplicate detection, so its json step fails
            // on this record and the pipeline's on_failure marks it; the mapping below is kept anyway.
            row.add(ERROR, "Processor json with tag json_event_original_to_json_5e54dc16 in pipeline " + PIPELINE
                    + " failed with message: Duplicate field '" + duplicateKey + "'");
            row.add(TAGS, NORMALISED);
        }
        if (replacedBytes && original.indexOf('\uFFFD') >= 0) {
            row.add(TAGS, NORMALISED);
        }
        row.put(CREATED, created);
        row.put(TIMESTAMP, created);
        row.put(ECS, ECS_VERSION);
        row.put(DS_TYPE, "logs");
        row.put(DS_DATASET, "aws.cloudtrail");
        row.put(DS_NAMESPACE, "default");
        row.put(MODULE, "aws");
        row.put(DATASET, "aws.cloudtrail");
        if (!record.isObject()) {
            // The pipeline's json step leaves no object to read; its on_failure handler keeps the original.
            row.add(ERROR, "Processor json with tag json_event_original_to_json_5e54dc16 in pipeline " + PIPELINE
                    + " failed with message: the record is not a JSON object");
            return finish(row);
        }
        eventTime(record, row);
        PlainRenames.apply(record, row);
        JsonNode identity = get(record, "userIdentity");
        mapIdentity(identity, row);
        boolean userNameMoved = mapEventAndSource(record, row);
        mapPayloads(record, row, userNameMoved);
        mapRequestDetails(record, row);
        categorize(record, row);
        mapDigest(record, row);
        mapTls(record, row);
        relate(record, row);
        return finish(row);
    }

    /**
     * Tells whether a mapped row's {@code @timestamp} comes from the record: the mapper leaves the very
     * {@code event.created} instance there when the record has no valid eventTime (an equal instant
     * read from the record is another object).
     */
    public static boolean hasDataTime(Object[] row) {
        return row[TIMESTAMP] != row[CREATED];
    }

    /** Tells whether a mapped row is tagged {@value #NORMALISED}. */
    public static boolean isNormalised(Object[] row) {
        return row[TAGS] instanceof List<?> tags && tags.contains(NORMALISED);
    }

    /**
     * Returns the {@code @timestamp} a record's raw eventTime text gives, or null when the pipeline
     * would not date the record by it (empty or unparsable), so that the record is mapped in full.
     */
    public static Instant dataTime(String eventTime) {
        return eventTime.isEmpty() ? null : PipelineDate.iso8601(eventTime);
    }

    private Object[] finish(EcsRow row) {
        if (row.hasList(ERROR)) {
            row.put(KIND, "pipeline_error");
            row.add(TAGS, "preserve_original_event");
        }
        return row.finish();
    }

    /** Runs the date step, which sees the record before cleanup: "-" or "none" is a parse failure there. */
    private static void eventTime(JsonNode record, EcsRow row) {
        JsonNode raw = record.get("eventTime");
        if (raw == null || raw.isNull() || (raw.isTextual() && raw.textValue().isEmpty())) {
            return;
        }
        String value = raw.isTextual() ? raw.textValue() : raw.toString();
        Instant t = PipelineDate.iso8601(value);
        if (t == null) {
            dateError(row, "date_json_eventTime_to_timestamp_e9417ba3", value);
        } else {
            row.put(TIMESTAMP, t);
        }
    }

    private static void mapIdentity(JsonNode ui, EcsRow row) {
        String type = row.text(IDENTITY_TYPE);
        String service = ui == null ? null : serviceActor(ui, type);
        if (service != null) {
            row.put(SERVICE_NAME, service);
        } else {
            row.put(USER_NAME, text(ui, "userName"));
            row.put(USER_ID, text(ui, "principalId"));
        }
        row.put(ACCOUNT, text(ui, "accountId"));
        JsonNode context = get(ui, "sessionContext");
        String creation = text(context, "attributes", "creationDate");
        if (creation != null) {
            Instant t = PipelineDate.isoOrBasic(creation);
            if (t == null) {
                dateError(row, "date_json_userIdentity_sessionContext_attributes_creationDate_to_aws_cloudtrail"
                        + "_user_identity_session_context_creation_date_7cf57f10", creation);
            }
            row.put(CREATION_DATE, t);
        }
        boolean roleLike = "AssumedRole".equals(type) || "FederatedUser".equals(type);
        String issuerName = text(context, "sessionIssuer", "userName");
        if (roleLike && service == null && issuerName != null) {
            row.put(USER_NAME, issuerName);
        }
        sessionName(type, row.text(IDENTITY_ARN), row);
        if ("IdentityCenterUser".equals(type) && row.get(USER_ID) == null) {
            row.put(USER_ID, row.text(ON_BEHALF_OF));
        }
        row.put(ASSUMED_ROOT, bool(get(context, "assumedRoot")));
    }

    /** Names the AWS service behind an AWSService identity or a service-linked role, else null. */
    private static String serviceActor(JsonNode ui, String type) {
        String invokedBy = text(ui, "invokedBy");
        String service = null;
        if ("AWSService".equals(type)) {
            service = invokedBy;
        } else if ("AssumedRole".equals(type)) {
            String issuerArn = text(ui, "sessionContext", "sessionIssuer", "arn");
            int start = issuerArn == null ? -1 : issuerArn.indexOf(SERVICE_ROLE_MARKER);
            if (start >= 0) {
                String rest = issuerArn.substring(start + SERVICE_ROLE_MARKER.length());
                int slash = rest.indexOf('/');
                service = invokedBy != null ? invokedBy : (slash > 0 ? rest.substring(0, slash) : null);
            }
        }
        return service == null || service.isEmpty() ? null : service;
    }

    /** Applies the session-name grok, its email-prefix dissect and the user.email they imply. */
    private static void sessionName(String type, String arn, EcsRow row) {
        if (arn == null || !arn.contains(":sts:") || !arn.contains("/")
                || !("AssumedRole".equals(type) || "FederatedUser".equals(type) || "IdentityCenterUser".equals(type))) {
            return;
        }
        if (!arn.startsWith("arn:") || !stsPartition(arn)) {
            row.add(ERROR, "Processor grok with tag extract_session_name_from_arn in pipeline " + PIPELINE
                    + " failed with message: Provided Grok expressions do not match field value: [" + arn + "]");
            return;
        }
        String session = arn.substring(arn.lastIndexOf('/') + 1);
        row.add(RELATED_USER, session);
        int atSign = session.indexOf('@');
        if (atSign >= 0) {
            row.add(RELATED_USER, session.substring(0, atSign));
            if (row.get(USER_EMAIL) == null) {
                row.put(USER_EMAIL, session);
            }
        }
    }

    /** Tells whether {@code arn} matches grok's {@code ^arn:[a-z0-9-]+:sts:.*}{@code /} prefix. */
    private static boolean stsPartition(String arn) {
        int end = arn.indexOf(':', 4);
        if (end <= 4 || !arn.startsWith(":sts:", end)) {
            return false;
        }
        for (int i = 4; i < end; i++) {
            char c = arn.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return arn.indexOf('/', end + 5) >= 0;
    }

    /** Maps event, cloud, source and agent fields; tells whether additionalEventData.UserName moved to user.name. */
    private boolean mapEventAndSource(JsonNode record, EcsRow row) {
        String eventSource = row.text(PROVIDER);
        if (eventSource != null && eventSource.endsWith(AMAZONAWS)) {
            row.put(SERVICE, eventSource.substring(0, eventSource.indexOf(AMAZONAWS)));
        }
        String authUser = text(record, "additionalEventData", "UserName");
        boolean userNameMoved = "UserAuthentication".equals(row.text(ACTION)) && row.get(USER_NAME) == null
                && authUser != null;
        if (userNameMoved) {
            row.put(USER_NAME, authUser);
        }
        row.put(CLOUD_PROVIDER, "aws");
        row.put(SOURCE_IP, IpLiteral.canonical(row.text(SOURCE_ADDRESS)));
        String agent = text(record, "userAgent");
        if (agent != null) {
            UserAgent ua = agents.parse(agent);
            row.put(UA_ORIGINAL, ua.original());
            row.put(UA_NAME, ua.name());
            row.put(UA_VERSION, ua.version());
            row.put(UA_OS_NAME, ua.osName());
            row.put(UA_OS_VERSION, ua.osVersion());
            row.put(UA_OS_FULL, ua.osFull());
            row.put(UA_DEVICE, ua.deviceName());
        }
        return userNameMoved;
    }

    private static void mapPayloads(JsonNode record, EcsRow row, boolean userNameMoved) {
        put(row, CT + "request_parameters", JavaMapText.render(get(record, "requestParameters")));
        put(row, CT + "response_elements", JavaMapText.render(get(record, "responseElements")));
        // The UserAuthentication rename moved UserName out of the object before it is stringified.
        put(row, CT + "additional_eventdata",
                JavaMapText.render(get(record, "additionalEventData"), userNameMoved ? "UserName" : null));
        put(row, CT + "service_event_details", JavaMapText.render(get(record, "serviceEventDetails")));
    }

    private static void mapRequestDetails(JsonNode record, EcsRow row) {
        row.put(READ_ONLY, bool(get(record, "readOnly")));
        resources(get(record, "resources"), row);
        if (row.get(ACCOUNT) == null) {
            row.put(ACCOUNT, row.text(RECIPIENT));
        }
        String shared = text(record, "sharedEventID");
        row.put(SHARED_EVENT_ID, shared != null ? shared : text(record, "sharedEventId"));
        row.add(RELATED_USER, text(record, "requestParameters", "userName"));
        row.add(RELATED_USER, text(record, "requestParameters", "newUserName"));
        row.add(RELATED_USER, text(record, "responseElements", "user", "userId"));
        if ("ConsoleLogin".equals(text(record, "eventName"))) {
            JsonNode data = get(record, "additionalEventData");
            JsonNode mobile = get(data, "MobileVersion");
            JsonNode mfa = get(data, "MFAUsed");
            put(row, CT + "console_login.additional_eventdata.mobile_version",
                    mobile == null ? null : !"No".equals(mobile.textValue()));
            put(row, CT + "console_login.additional_eventdata.login_to", text(data, "LoginTo"));
            put(row, CT + "console_login.additional_eventdata.mfa_used",
                    mfa == null ? null : !"No".equals(mfa.textValue()));
        }
    }

    /** Splits resources into the three keyword lists ES|QL reads from {@code aws.cloudtrail.resources.*}. */
    private static void resources(JsonNode resources, EcsRow row) {
        if (resources == null) {
            return;
        }
        int arn = col(CT + "resources.arn");
        int account = col(CT + "resources.account_id");
        int type = col(CT + "resources.type");
        if (resources.isObject()) {
            // Not a list: the script stores it unchanged, so only lower-case keys reach these fields.
            row.add(arn, text(resources, "arn"));
            row.add(account, text(resources, "account_id"));
            row.add(type, text(resources, "type"));
            return;
        }
        for (JsonNode r : resources) {
            if (!r.isObject() || CleanupView.dropped(r)) {
                continue;
            }
            // The script renames ARN to arn and accountId to account_id, overwriting any lower-case key.
            String a = get(r, "ARN") != null ? text(r, "ARN") : text(r, "arn");
            String acc = get(r, "accountId") != null ? text(r, "accountId") : text(r, "account_id");
            row.add(arn, a);
            row.add(account, acc);
            row.add(type, text(r, "type"));
            if (a != null && a.contains(":instance/")) {
                addInstanceId(row, a.substring(a.lastIndexOf('/') + 1));
            }
        }
    }

    private static void categorize(JsonNode record, EcsRow row) {
        row.put(KIND, "event");
        boolean failed = row.get(ERROR_CODE) != null || row.get(ERROR_MESSAGE) != null;
        row.put(OUTCOME, failed ? "failure" : "success");
        String action = row.text(ACTION);
        List<String> type = EventCategorization.DEFAULT_TYPE;
        if (action != null) {
            String login = text(record, "responseElements", "ConsoleLogin");
            if ("ConsoleLogin".equals(action) && login != null) {
                row.put(OUTCOME, login.toLowerCase(Locale.ROOT));
            }
            EventCategorization.Category c = EventCategorization.of(action);
            if (c != null) {
                row.putList(CATEGORY, c.category());
                type = c.type();
            }
        }
        row.putList(TYPE, type);
    }

    private static void mapDigest(JsonNode record, EcsRow row) {
        if (row.get(ACCOUNT) == null) {
            row.put(ACCOUNT, text(record, "awsAccountId"));
        }
        row.add(RELATED_HASH, text(record, "previousDigestHashValue"));
        digestDate(record, row, "digestStartTime", "date_json_digestStartTime_to_aws_cloudtrail_digest_start_time_3c1d2845");
        Instant end = digestDate(record, row, "digestEndTime",
                "date_json_digestEndTime_to_aws_cloudtrail_digest_end_time_d95ac027");
        if (end != null) {
            row.put(TIMESTAMP, end);
        }
        digestDate(record, row, "newestEventTime",
                "date_json_newestEventTime_to_aws_cloudtrail_digest_newest_event_time_66ba4c38");
        digestDate(record, row, "oldestEventTime",
                "date_json_oldestEventTime_to_aws_cloudtrail_digest_oldest_event_time_51f01072");
    }

    /** Parses a digest date; its value lands in the flattened digest object, which is not stored. */
    private static Instant digestDate(JsonNode record, EcsRow row, String field, String tag) {
        String value = text(record, field);
        if (value == null) {
            return null;
        }
        Instant t = PipelineDate.iso8601(value);
        if (t == null) {
            dateError(row, tag, value);
        }
        return t;
    }

    private static void mapTls(JsonNode record, EcsRow row) {
        JsonNode tls = get(record, "tlsDetails");
        String version = text(tls, "tlsVersion");
        if ("tlsVersion".equals(version)) {
            return;
        }
        if (version != null) {
            int v = version.indexOf('v');
            if (v >= 0) {
                put(row, "tls.version_protocol", version.substring(0, v).toLowerCase(Locale.ROOT));
                put(row, "tls.version", version.substring(v + 1));
            } else {
                put(row, "tls.version", version);
            }
        }
        put(row, "tls.cipher", text(tls, "cipherSuite"));
        row.put(TLS_SERVER, text(tls, "clientProvidedHostHeader"));
        put(row, CT + "tls_details.key_exchange", text(tls, "keyExchange"));
    }

    private static void relate(JsonNode record, EcsRow row) {
        String name = row.text(USER_NAME);
        if (row.get(USER_EMAIL) == null && name != null && name.indexOf('@') > 0) {
            row.put(USER_EMAIL, name);
        }
        row.add(RELATED_USER, row.text(USER_ID));
        row.add(RELATED_USER, name);
        row.add(RELATED_USER, row.text(CHANGES_NAME));
        row.add(RELATED_USER, row.text(ON_BEHALF_OF));
        row.add(RELATED_IP, row.text(SOURCE_IP));
        row.add(RELATED_IP, IpLiteral.canonical(text(record, "serviceEventDetails", "sourceIpAddress")));
        String server = row.text(TLS_SERVER);
        if (server != null && !server.endsWith(AMAZONAWS)) {
            row.add(RELATED_HOSTS, server);
        }
        String address = row.text(SOURCE_ADDRESS);
        if (row.get(SOURCE_IP) == null && address != null && address.contains(".") && !address.contains(" ")
                && !address.endsWith(AMAZONAWS)) {
            row.add(RELATED_HOSTS, address);
        }
        row.add(RELATED_HOSTS, text(record, "requestParameters", "computerName"));
        instanceIds(get(record, "requestParameters"), row);
        instanceIds(get(record, "responseElements"), row);
    }

    /** Collects EC2 instance ids from the shapes the pipeline's related-hosts script knows. */
    private static void instanceIds(JsonNode container, EcsRow row) {
        if (container == null || !container.isObject()) {
            return;
        }
        addInstanceId(row, textual(get(container, "instanceId")));
        addInstanceId(row, textual(get(container, "target")));
        addInstanceId(row, textual(get(container, "resourceId")));
        JsonNode ids = get(container, "instanceIds");
        if (ids != null && ids.isArray()) {
            for (JsonNode id : ids) {
                addInstanceId(row, textual(id));
            }
        }
        JsonNode items = at(container, "instancesSet", "items");
        if (items != null && items.isArray()) {
            for (JsonNode item : items) {
                if (item.isObject()) {
                    addInstanceId(row, textual(get(item, "instanceId")));
                }
            }
        }
    }

    private static void addInstanceId(EcsRow row, String value) {
        if (value != null && value.length() >= 10 && value.startsWith("i-")) {
            row.add(RELATED_HOSTS, value);
        }
    }

    /** Returns the string value of a node that is a string after cleanup; the script ignores other types. */
    private static String textual(JsonNode n) {
        return n != null && n.isTextual() && !CleanupView.dropped(n) ? n.textValue() : null;
    }

    /** Reads a boolean field as Elasticsearch's boolean mapping accepts it (true/false or their strings). */
    private static Boolean bool(JsonNode n) {
        if (n == null) {
            return null;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        String s = scalarText(n);
        if ("true".equals(s)) {
            return Boolean.TRUE;
        }
        return "false".equals(s) ? Boolean.FALSE : null;
    }

    private static void dateError(EcsRow row, String tag, String value) {
        row.add(ERROR, "Processor date with tag " + tag + " in pipeline " + PIPELINE
                + " failed with message: unable to parse date [" + value + "]");
    }

    private static void put(EcsRow row, String column, Object value) {
        row.put(col(column), value);
    }

    private static int col(String name) {
        int i = EcsSchema.indexOf(name);
        if (i < 0) {
            throw new IllegalStateException("EcsSchema has no column " + name);
        }
        return i;
    }
}
