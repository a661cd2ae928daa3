package dev.trailhunt.generate;

import java.util.List;
import java.util.Map;

/**
 * Holds one CloudTrail record while it is being shaped, before it is written.
 *
 * <p>Fields left null are omitted from the output, as CloudTrail omits them.
 */
final class TrailRecord {
    long epochSecond;
    Principal principal;
    String invokedBy;
    String eventSource;
    String eventName;
    String region;
    String sourceIp;
    String userAgent;
    String errorCode;
    String errorMessage;
    Map<String, Object> requestParameters;
    Map<String, Object> responseElements;
    Map<String, Object> additionalEventData;
    String requestId;
    String eventId;
    boolean readOnly;
    List<Map<String, Object>> resources;
    String eventType = "AwsApiCall";
    boolean managementEvent = true;
    String recipientAccountId;
    String sharedEventId;
    String eventCategory = "Management";
    boolean tls = true;
    boolean consoleSession;

    TrailRecord(long epochSecond, Principal principal, String region) {
        this.epochSecond = epochSecond;
        this.principal = principal;
        this.region = region;
    }

    /** Returns the account whose trail receives this record. */
    String account() {
        return recipientAccountId;
    }
}
