package dev.trailhunt.hunt;

import dev.trailhunt.esql.parser.EsqlText;
import dev.trailhunt.model.IpLiteral;
import java.util.Locale;
import java.util.Objects;

/**
 * Names one entity a timeline follows, and the ES|QL condition that selects what it did.
 *
 * @param kind what the value identifies
 * @param value the ARN, access key id, address, user name, session or event id as given
 */
public record TimelineEntity(Kind kind, String value) {
    /** Says what a timeline value identifies. */
    public enum Kind {
        /** An IAM user, a role (all its sessions) or an assumed-role session ARN. */
        ARN("--arn"),
        /** An access key id; its timeline also holds the call that issued it. */
        ACCESS_KEY("--access-key"),
        /** A source address (or a service name such as {@code ec2.amazonaws.com}). */
        IP("--ip"),
        /** An ECS {@code user.name}. */
        USER("--user"),
        /** An assumed-role session name or ARN. */
        SESSION("--session"),
        /** An event id; its timeline is that of the identity behind the event. */
        EVENT_ID("--event-id");

        private final String option;

        Kind(String option) {
            this.option = option;
        }

        /** Returns the command-line option that names this kind. */
        public String option() {
            return option;
        }
    }

    static final String ARN = "aws.cloudtrail.user_identity.arn";
    static final String KEY = "aws.cloudtrail.user_identity.access_key_id";
    static final String ISSUER = "aws.cloudtrail.user_identity.session_context.session_issuer.arn";

    /** Checks the value, so that a key that cannot exist is a usage error rather than an empty timeline. */
    public TimelineEntity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException(kind.option() + " needs a value");
        }
        if (kind == Kind.ACCESS_KEY && !value.matches("[A-Z0-9]{16,128}")) {
            throw new IllegalArgumentException(kind.option() + " '" + value + "' is not an AWS access key id (16 to 128 capital letters and digits, e.g. AKIA…, ASIA…)");
        }
    }

    /** Returns the ES|QL condition selecting this entity's events. */
    public String condition() {
        String v = EsqlText.string(value);
        return switch (kind) {
            case ARN -> ARN + " == " + v + " OR " + ISSUER + " == " + v;
            // The access key also appears in the response of the call that issued it (AssumeRole, GetSessionToken, CreateAccessKey).
            case ACCESS_KEY -> KEY + " == " + v + " OR aws.cloudtrail.response_elements LIKE " + EsqlText.string("*" + value + "*");
            case IP -> IpLiteral.canonical(value.strip()) != null
                    ? "source.ip == TO_IP(" + EsqlText.string(IpLiteral.canonical(value.strip())) + ")"
                    : "source.address == " + v;
            case USER -> "user.name == " + v;
            case SESSION -> value.toLowerCase(Locale.ROOT).startsWith("arn:")
                    ? ARN + " == " + v
                    : "aws.cloudtrail.user_identity.type == \"AssumedRole\" AND ENDS_WITH(" + ARN + ", " + EsqlText.string("/" + value) + ")";
            case EVENT_ID -> "event.id == " + v;
        };
    }

    /** Describes the entity as its option, e.g. {@code --arn arn:aws:iam::1:user/a}. */
    public String text() {
        return kind.option() + " " + value;
    }
}
