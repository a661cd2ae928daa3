package dev.trailhunt.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Writes CloudTrail records as compact JSON, with CloudTrail's own key order. */
final class RecordWriter {
    private static final String[] TLS_VERSIONS = {"TLSv1.3", "TLSv1.3", "TLSv1.2"};
    private static final String[] TLS13_SUITES = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384"};

    private RecordWriter() {}

    static void write(JsonGenerator g, TrailRecord r) throws IOException {
        g.writeStartObject();
        g.writeStringField("eventVersion", r.managementEvent ? "1.09" : "1.10");
        writeUserIdentity(g, r);
        g.writeStringField("eventTime", Instant.ofEpochSecond(r.epochSecond).toString());
        g.writeStringField("eventSource", r.eventSource);
        g.writeStringField("eventName", r.eventName);
        g.writeStringField("awsRegion", r.region);
        g.writeStringField("sourceIPAddress", r.sourceIp);
        g.writeStringField("userAgent", r.userAgent);
        if (r.errorCode != null) {
            g.writeStringField("errorCode", r.errorCode);
            g.writeStringField("errorMessage", r.errorMessage);
        }
        g.writeFieldName("requestParameters");
        g.writeObject(r.requestParameters);
        g.writeFieldName("responseElements");
        g.writeObject(r.responseElements);
        if (r.additionalEventData != null) {
            g.writeFieldName("additionalEventData");
            g.writeObject(r.additionalEventData);
        }
        if (r.requestId != null) {
            g.writeStringField("requestID", r.requestId);
        }
        g.writeStringField("eventID", r.eventId);
        g.writeBooleanField("readOnly", r.readOnly);
        if (r.resources != null) {
            g.writeFieldName("resources");
            g.writeObject(r.resources);
        }
        g.writeStringField("eventType", r.eventType);
        g.writeBooleanField("managementEvent", r.managementEvent);
        g.writeStringField("recipientAccountId", r.recipientAccountId);
        if (r.sharedEventId != null) {
            g.writeStringField("sharedEventID", r.sharedEventId);
        }
        g.writeStringField("eventCategory", r.eventCategory);
        if (r.tls) {
            // Derived from the eventID so the TLS details do not consume the caller's random stream.
            int h = r.eventId.hashCode() & 0x7fffffff;
            String version = TLS_VERSIONS[h % TLS_VERSIONS.length];
            g.writeObjectFieldStart("tlsDetails");
            g.writeStringField("tlsVersion", version);
            g.writeStringField("cipherSuite", version.equals("TLSv1.3")
                    ? TLS13_SUITES[(h >> 4) % TLS13_SUITES.length] : "ECDHE-RSA-AES128-GCM-SHA256");
            g.writeStringField("clientProvidedHostHeader", hostHeader(r));
            g.writeEndObject();
        }
        if (r.consoleSession) {
            g.writeStringField("sessionCredentialFromConsole", "true");
        }
        g.writeEndObject();
    }

    private static String hostHeader(TrailRecord r) {
        String service = r.eventSource.substring(0, r.eventSource.indexOf('.'));
        return switch (service) {
            case "iam", "signin" -> service + ".amazonaws.com";
            case "s3" -> r.requestParameters != null && r.requestParameters.get("Host") instanceof String h
                    ? h : "s3." + r.region + ".amazonaws.com";
            default -> service + "." + r.region + ".amazonaws.com";
        };
    }

    private static void writeUserIdentity(JsonGenerator g, TrailRecord r) throws IOException {
        Principal p = r.principal;
        g.writeObjectFieldStart("userIdentity");
        g.writeStringField("type", p.kind().name());
        switch (p.kind()) {
            case AWSService -> g.writeStringField("invokedBy", p.name());
            case AWSAccount -> {
                g.writeStringField("principalId", "");
                g.writeStringField("accountId", p.account());
            }
            default -> {
                g.writeStringField("principalId", p.principalId());
                g.writeStringField("arn", p.arn());
                g.writeStringField("accountId", p.account());
                if (r.eventName.equals("ConsoleLogin")) {
                    if (p.kind() == Principal.Kind.IAMUser) {
                        g.writeStringField("userName", p.name());
                    }
                } else {
                    g.writeStringField("accessKeyId", p.accessKeyId());
                    if (p.kind() == Principal.Kind.IAMUser) {
                        g.writeStringField("userName", p.name());
                    }
                    if (p.kind() == Principal.Kind.AssumedRole || p.console()) {
                        writeSessionContext(g, r, p);
                    }
                }
                if (r.invokedBy != null) {
                    g.writeStringField("invokedBy", r.invokedBy);
                }
            }
        }
        g.writeEndObject();
    }

    private static void writeSessionContext(JsonGenerator g, TrailRecord r, Principal p) throws IOException {
        g.writeObjectFieldStart("sessionContext");
        g.writeObjectFieldStart("sessionIssuer");
        if (p.kind() == Principal.Kind.AssumedRole) {
            g.writeStringField("type", "Role");
            g.writeStringField("principalId", "AROA" + p.idSuffix());
            g.writeStringField("arn", p.roleArn());
            g.writeStringField("accountId", p.account());
            g.writeStringField("userName", p.name());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("webIdFederationData");
        g.writeEndObject();
        g.writeObjectFieldStart("attributes");
        // Sessions start on the hour before the call: stable, and always earlier than the event.
        long created = (r.epochSecond / 3600) * 3600 - 1800;
        g.writeStringField("creationDate", Instant.ofEpochSecond(created).toString());
        g.writeStringField("mfaAuthenticated", Boolean.toString(p.mfa()));
        g.writeEndObject();
        if (p.sessionName() != null && p.sessionName().startsWith("i-")) {
            g.writeStringField("ec2RoleDelivery", "2.0");
        }
        g.writeEndObject();
    }
}
