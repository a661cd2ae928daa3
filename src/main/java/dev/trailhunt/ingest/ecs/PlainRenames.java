package dev.trailhunt.ingest.ecs;

import com.fasterxml.jackson.databind.JsonNode;

import dev.trailhunt.model.EcsSchema;
import java.util.List;

/**
 * Lists the pipeline's unconditional rename/copy processors: one raw path to one keyword column each.
 * They depend on no other step, so they run first and the conditional steps read their results.
 */
final class PlainRenames {

    /** Copies the scalar at {@code path} (after cleanup) into {@code column}. */
    private record Rename(int column, String[] path) {
    }

    private static final String CT = "aws.cloudtrail.";
    private static final String UI = CT + "user_identity.";
    private static final String SC = UI + "session_context.";
    private static final String ISSUER = SC + "session_issuer.";

    private static final List<Rename> RENAMES = List.of(
            of(CT + "event_version", "eventVersion"),
            of(UI + "type", "userIdentity", "type"),
            of(UI + "arn", "userIdentity", "arn"),
            of(UI + "access_key_id", "userIdentity", "accessKeyId"),
            of(SC + "mfa_authenticated", "userIdentity", "sessionContext", "attributes", "mfaAuthenticated"),
            of(ISSUER + "type", "userIdentity", "sessionContext", "sessionIssuer", "type"),
            of(ISSUER + "principal_id", "userIdentity", "sessionContext", "sessionIssuer", "principalId"),
            of(ISSUER + "arn", "userIdentity", "sessionContext", "sessionIssuer", "arn"),
            of(ISSUER + "account_id", "userIdentity", "sessionContext", "sessionIssuer", "accountId"),
            of(UI + "on_behalf_of.user_id", "userIdentity", "onBehalfOf", "userId"),
            of(UI + "on_behalf_of.identity_store_arn", "userIdentity", "onBehalfOf", "identityStoreArn"),
            of(CT + "session_credential_from_console", "sessionCredentialFromConsole"),
            of(UI + "invoked_by", "userIdentity", "invokedBy"),
            of(UI + "invoked_by_delegate.account_id", "userIdentity", "invokedByDelegate", "accountId"),
            of(UI + "credential_id", "userIdentity", "credentialId"),
            of(UI + "identity_provider", "userIdentity", "identityProvider"),
            of(UI + "in_scope_of.issuer_type", "userIdentity", "inScopeOf", "issuerType"),
            of(UI + "in_scope_of.credentials_issued_to", "userIdentity", "inScopeOf", "credentialsIssuedTo"),
            of(UI + "in_scope_of.source_arn", "userIdentity", "inScopeOf", "sourceArn"),
            of(UI + "in_scope_of.source_account", "userIdentity", "inScopeOf", "sourceAccount"),
            of(SC + "ec2_role_delivery", "userIdentity", "sessionContext", "ec2RoleDelivery"),
            of(SC + "source_identity", "userIdentity", "sessionContext", "sourceIdentity"),
            of(SC + "web_id_federation_data.federated_provider",
                    "userIdentity", "sessionContext", "webIdFederationData", "federatedProvider"),
            of(SC + "sign_in_session_arn", "userIdentity", "sessionContext", "signInSessionArn"),
            of("event.provider", "eventSource"),
            of("event.action", "eventName"),
            of(CT + "event_category", "eventCategory"),
            of("cloud.region", "awsRegion"),
            of("source.address", "sourceIPAddress"),
            of(CT + "error_code", "errorCode"),
            of(CT + "error_message", "errorMessage"),
            of(CT + "request_id", "requestID"),
            of("event.id", "eventID"),
            of(CT + "event_type", "eventType"),
            of(CT + "api_version", "apiVersion"),
            of(CT + "management_event", "managementEvent"),
            of(CT + "recipient_account_id", "recipientAccountId"),
            of(CT + "vpc_endpoint_id", "vpcEndpointId"),
            of(CT + "vpc_endpoint_account_id", "vpcEndpointAccountId"),
            of(CT + "addendum.reason", "addendum", "reason"),
            of(CT + "addendum.updated_fields", "addendum", "updatedFields"),
            of(CT + "addendum.original_request_id", "addendum", "originalRequestID"),
            of(CT + "addendum.original_event_id", "addendum", "originalEventID"),
            of("file.path", "digestS3Object"),
            of("group.id", "responseElements", "group", "groupId"),
            of("user.target.id", "responseElements", "user", "userId"),
            of("user.changes.name", "requestParameters", "newUserName"),
            of("group.name", "requestParameters", "groupName"),
            of("user.target.name", "requestParameters", "userName"));

    private PlainRenames() {
    }

    /** Copies every listed field of {@code record} into {@code row}. */
    static void apply(JsonNode record, EcsRow row) {
        for (Rename r : RENAMES) {
            row.put(r.column(), CleanupView.text(record, r.path()));
        }
    }

    private static Rename of(String column, String... path) {
        int index = EcsSchema.indexOf(column);
        if (index < 0) {
            throw new IllegalStateException("EcsSchema has no column " + column);
        }
        return new Rename(index, path);
    }
}
