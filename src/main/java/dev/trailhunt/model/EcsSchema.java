package dev.trailhunt.model;


import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists the ECS columns of the events table in their fixed order.
 *
 * <p>The columns are every field that default.yml (aws package 8.9.0) leaves in a document, every field
 * the CloudTrail hunts name, and the index template's constants. Not columns, on purpose:
 * {@code aws.cloudtrail.flattened.*} (flattened objects ES|QL cannot read; the pipeline also moves
 * {@code aws.cloudtrail.digest.*} and {@code insightDetails} there), the flattened
 * {@code web_id_federation_data.attributes}, and the entity fields the pipeline writes only for tag
 * {@code actor_target_mapping}. GeoIP/ASN columns are filled when MaxMind-format databases are at hand
 * (null otherwise); {@code source.geo.location} holds the geo_point as WKT, as ES|QL shows it. Keyword
 * arrays are {@code VARCHAR[]}, sorted and de-duplicated.
 */
public final class EcsSchema {

    private static final List<EcsColumn> COLUMNS;
    private static final Map<String, Integer> INDEX;

    static {
        List<EcsColumn> c = new ArrayList<>();
        timestamp(c, "@timestamp");
        timestamp(c, "event.created");
        keyword(c, "event.original");
        keyword(c, "ecs.version");
        keyword(c, "data_stream.type");
        keyword(c, "data_stream.dataset");
        keyword(c, "data_stream.namespace");
        keyword(c, "event.module");
        keyword(c, "event.dataset");
        keyword(c, "event.kind");
        keywords(c, "event.category");
        keywords(c, "event.type");
        keyword(c, "event.outcome");
        keyword(c, "event.action");
        keyword(c, "event.provider");
        keyword(c, "event.id");
        keyword(c, "cloud.provider");
        keyword(c, "cloud.region");
        keyword(c, "cloud.account.id");
        keyword(c, "cloud.service.name");
        keyword(c, "aws.cloudtrail.event_version");
        keyword(c, "aws.cloudtrail.event_category");
        keyword(c, "aws.cloudtrail.event_type");
        keyword(c, "aws.cloudtrail.api_version");
        keyword(c, "aws.cloudtrail.management_event");
        bool(c, "aws.cloudtrail.read_only");
        keyword(c, "aws.cloudtrail.request_id");
        keyword(c, "aws.cloudtrail.shared_event_id");
        keyword(c, "aws.cloudtrail.vpc_endpoint_id");
        keyword(c, "aws.cloudtrail.vpc_endpoint_account_id");
        keyword(c, "aws.cloudtrail.session_credential_from_console");
        keyword(c, "aws.cloudtrail.recipient_account_id");
        keyword(c, "aws.cloudtrail.error_code");
        keyword(c, "aws.cloudtrail.error_message");
        keyword(c, "aws.cloudtrail.request_parameters");
        keyword(c, "aws.cloudtrail.response_elements");
        keyword(c, "aws.cloudtrail.additional_eventdata");
        keyword(c, "aws.cloudtrail.service_event_details");
        keywords(c, "aws.cloudtrail.resources.arn");
        keywords(c, "aws.cloudtrail.resources.account_id");
        keywords(c, "aws.cloudtrail.resources.type");
        bool(c, "aws.cloudtrail.console_login.additional_eventdata.mobile_version");
        keyword(c, "aws.cloudtrail.console_login.additional_eventdata.login_to");
        bool(c, "aws.cloudtrail.console_login.additional_eventdata.mfa_used");
        keyword(c, "aws.cloudtrail.addendum.reason");
        keyword(c, "aws.cloudtrail.addendum.updated_fields");
        keyword(c, "aws.cloudtrail.addendum.original_request_id");
        keyword(c, "aws.cloudtrail.addendum.original_event_id");
        keyword(c, "aws.cloudtrail.tls_details.key_exchange");
        keyword(c, "aws.cloudtrail.user_identity.type");
        keyword(c, "aws.cloudtrail.user_identity.arn");
        keyword(c, "aws.cloudtrail.user_identity.access_key_id");
        keyword(c, "aws.cloudtrail.user_identity.invoked_by");
        keyword(c, "aws.cloudtrail.user_identity.invoked_by_delegate.account_id");
        keyword(c, "aws.cloudtrail.user_identity.credential_id");
        keyword(c, "aws.cloudtrail.user_identity.identity_provider");
        keyword(c, "aws.cloudtrail.user_identity.in_scope_of.issuer_type");
        keyword(c, "aws.cloudtrail.user_identity.in_scope_of.credentials_issued_to");
        keyword(c, "aws.cloudtrail.user_identity.in_scope_of.source_arn");
        keyword(c, "aws.cloudtrail.user_identity.in_scope_of.source_account");
        keyword(c, "aws.cloudtrail.user_identity.on_behalf_of.user_id");
        keyword(c, "aws.cloudtrail.user_identity.on_behalf_of.identity_store_arn");
        keyword(c, "aws.cloudtrail.user_identity.session_context.mfa_authenticated");
        timestamp(c, "aws.cloudtrail.user_identity.session_context.creation_date");
        keyword(c, "aws.cloudtrail.user_identity.session_context.session_issuer.type");
        keyword(c, "aws.cloudtrail.user_identity.session_context.session_issuer.principal_id");
        keyword(c, "aws.cloudtrail.user_identity.session_context.session_issuer.arn");
        keyword(c, "aws.cloudtrail.user_identity.session_context.session_issuer.account_id");
        keyword(c, "aws.cloudtrail.user_identity.session_context.ec2_role_delivery");
        keyword(c, "aws.cloudtrail.user_identity.session_context.source_identity");
        keyword(c, "aws.cloudtrail.user_identity.session_context.web_id_federation_data.federated_provider");
        bool(c, "aws.cloudtrail.user_identity.session_context.assumed_root");
        keyword(c, "aws.cloudtrail.user_identity.session_context.sign_in_session_arn");
        keyword(c, "user.name");
        keyword(c, "user.id");
        keyword(c, "user.email");
        keyword(c, "user.target.name");
        keyword(c, "user.target.id");
        keyword(c, "user.changes.name");
        keyword(c, "group.id");
        keyword(c, "group.name");
        keyword(c, "service.name");
        keyword(c, "source.address");
        ip(c, "source.ip");
        keyword(c, "source.geo.continent_name");
        keyword(c, "source.geo.country_iso_code");
        keyword(c, "source.geo.country_name");
        keyword(c, "source.geo.region_iso_code");
        keyword(c, "source.geo.region_name");
        keyword(c, "source.geo.city_name");
        c.add(new EcsColumn("source.geo.location", "VARCHAR", ValueType.GEO_POINT, false));
        bigint(c, "source.as.number");
        keyword(c, "source.as.organization.name");
        keyword(c, "user_agent.original");
        keyword(c, "user_agent.name");
        keyword(c, "user_agent.version");
        keyword(c, "user_agent.os.name");
        keyword(c, "user_agent.os.version");
        keyword(c, "user_agent.os.full");
        keyword(c, "user_agent.device.name");
        keyword(c, "tls.version");
        keyword(c, "tls.version_protocol");
        keyword(c, "tls.cipher");
        keyword(c, "tls.client.server_name");
        keywords(c, "related.user");
        ips(c, "related.ip");
        keywords(c, "related.hosts");
        keywords(c, "related.hash");
        keyword(c, "file.path");
        keywords(c, "error.message");
        keywords(c, "tags");
        COLUMNS = Collections.unmodifiableList(c);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < c.size(); i++) {
            index.put(c.get(i).name(), i);
        }
        INDEX = index;
    }

    private EcsSchema() {
    }

    /** Returns the columns in table order; the list is immutable. */
    public static List<EcsColumn> columns() {
        return COLUMNS;
    }

    /**
     * Returns the {@code ignore_above} of a keyword field in Elastic's mapping, or 0 when none is declared:
     * the aws package's fields.yml gives 8191 to request_parameters and response_elements. Elasticsearch
     * does not index a longer value (in UTF-16 units), so ES|QL reads it as null (elastic/elasticsearch#124678).
     */
    public static int ignoreAbove(String name) {
        return IGNORE_ABOVE.getOrDefault(name, 0);
    }

    private static final Map<String, Integer> IGNORE_ABOVE = Map.of(
            "aws.cloudtrail.request_parameters", 8191, "aws.cloudtrail.response_elements", 8191);

    /**
     * Returns the {@code ignore_above} a search (KQL, EQL) meets on the keyword field {@code name}: the declared
     * one, else ECS's and Fleet's default of 1024; 0 for the index template's constant_keyword fields, which
     * have none. Longer values are not indexed, so queries never match them although the document holds them.
     */
    public static int keywordIgnoreAbove(String name) {
        return isConstantKeyword(name) ? 0 : IGNORE_ABOVE.getOrDefault(name, DEFAULT_KEYWORD_IGNORE_ABOVE);
    }

    /** Tells whether {@code name} is a constant_keyword field of the index template (the data stream's names). */
    public static boolean isConstantKeyword(String name) {
        return CONSTANT_KEYWORDS.contains(name);
    }

    private static final int DEFAULT_KEYWORD_IGNORE_ABOVE = 1024;
    private static final java.util.Set<String> CONSTANT_KEYWORDS = java.util.Set.of(
            "data_stream.type", "data_stream.dataset", "data_stream.namespace", "event.module", "event.dataset");

    /** Returns the position of the named column, or -1 when the schema has no such column. */
    public static int indexOf(String name) {
        Integer i = INDEX.get(name);
        return i == null ? -1 : i;
    }

    private static void keyword(List<EcsColumn> c, String name) {
        c.add(new EcsColumn(name, "VARCHAR", ValueType.KEYWORD, false));
    }

    private static void keywords(List<EcsColumn> c, String name) {
        c.add(new EcsColumn(name, "VARCHAR[]", ValueType.KEYWORD, true));
    }

    private static void ip(List<EcsColumn> c, String name) {
        c.add(new EcsColumn(name, "VARCHAR", ValueType.IP, false));
    }

    private static void ips(List<EcsColumn> c, String name) {
        c.add(new EcsColumn(name, "VARCHAR[]", ValueType.IP, true));
    }

    private static void bool(List<EcsColumn> c, String name) {
        c.add(new EcsColumn(name, "BOOLEAN", ValueType.BOOLEAN, false));
    }

    private static void bigint(List<EcsColumn> c, String name) {
        c.add(new EcsColumn(name, "BIGINT", ValueType.LONG, false));
    }

    private static void timestamp(List<EcsColumn> c, String name) {
        c.add(new EcsColumn(name, "TIMESTAMP", ValueType.DATETIME, false));
    }
}
