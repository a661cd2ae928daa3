package dev.trailhunt.generate;

import java.util.List;

/**
 * Describes a caller that appears in the logs: its identity, and the agents and addresses it calls from.
 *
 * @param kind the CloudTrail {@code userIdentity.type}
 * @param account the account the identity lives in ({@code anonymous} for unsigned requests)
 * @param name the IAM user name, the role name, or the service name
 * @param sessionName the role session name (assumed roles only)
 * @param idSuffix the stable 17-character tail of the principal and access key ids
 * @param console whether the caller works through the console (session credentials, browser agent)
 * @param mfa whether the session was created with MFA
 * @param userAgents the agents the caller uses, first most often
 * @param sourceIps the addresses the caller calls from, first most often
 */
record Principal(
        Kind kind,
        String account,
        String name,
        String sessionName,
        String idSuffix,
        boolean console,
        boolean mfa,
        List<String> userAgents,
        List<String> sourceIps) {

    /** Lists the {@code userIdentity.type} values the generator produces. */
    enum Kind { IAMUser, AssumedRole, AWSService, Root, AWSAccount }

    /** Returns the identity's ARN, or null for services and anonymous callers. */
    String arn() {
        return switch (kind) {
            case IAMUser -> "arn:aws:iam::" + account + ":user/" + name;
            case AssumedRole -> "arn:aws:sts::" + account + ":assumed-role/" + name + "/" + sessionName;
            case Root -> "arn:aws:iam::" + account + ":root";
            case AWSService, AWSAccount -> null;
        };
    }

    /** Returns the ARN of the role behind an assumed-role session. */
    String roleArn() {
        return "arn:aws:iam::" + account + ":role/" + name;
    }

    String principalId() {
        return switch (kind) {
            case IAMUser -> "AIDA" + idSuffix;
            case AssumedRole -> "AROA" + idSuffix + ":" + sessionName;
            case Root -> account;
            case AWSService, AWSAccount -> "";
        };
    }

    /** Returns the access key the caller signs with; console and role sessions use temporary keys. */
    String accessKeyId() {
        if (kind == Kind.AWSService || kind == Kind.AWSAccount) {
            return null;
        }
        boolean temporary = console || kind == Kind.AssumedRole;
        return (temporary ? "ASIA" : "AKIA") + idSuffix.substring(1);
    }

    boolean isService() {
        return kind == Kind.AWSService;
    }
}
