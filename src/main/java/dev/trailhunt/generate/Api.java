package dev.trailhunt.generate;

/** Lists the API calls the generator can write, with the constant parts of their records. */
enum Api {
    GET_CALLER_IDENTITY("sts", "GetCallerIdentity", true),
    ASSUME_ROLE("sts", "AssumeRole", true),
    GET_SECRET_VALUE("secretsmanager", "GetSecretValue", true),
    DESCRIBE_SECRET("secretsmanager", "DescribeSecret", true),
    LIST_SECRETS("secretsmanager", "ListSecrets", true),
    GET_OBJECT("s3", "GetObject", true),
    PUT_OBJECT("s3", "PutObject", false),
    LIST_BUCKETS("s3", "ListBuckets", true),
    GET_BUCKET_ACL("s3", "GetBucketAcl", true),
    DESCRIBE_INSTANCES("ec2", "DescribeInstances", true),
    DESCRIBE_SECURITY_GROUPS("ec2", "DescribeSecurityGroups", true),
    RUN_INSTANCES("ec2", "RunInstances", false),
    AUTHORIZE_SECURITY_GROUP_INGRESS("ec2", "AuthorizeSecurityGroupIngress", false),
    MODIFY_INSTANCE_ATTRIBUTE("ec2", "ModifyInstanceAttribute", false),
    DELETE_FLOW_LOGS("ec2", "DeleteFlowLogs", false),
    LIST_USERS("iam", "ListUsers", true),
    GET_USER("iam", "GetUser", true),
    GET_ROLE("iam", "GetRole", true),
    CREATE_USER("iam", "CreateUser", false),
    ATTACH_USER_POLICY("iam", "AttachUserPolicy", false),
    CREATE_ROLE("iam", "CreateRole", false),
    ATTACH_ROLE_POLICY("iam", "AttachRolePolicy", false),
    CREATE_ACCESS_KEY("iam", "CreateAccessKey", false),
    DECRYPT("kms", "Decrypt", true),
    GENERATE_DATA_KEY("kms", "GenerateDataKey", true),
    GET_PARAMETER("ssm", "GetParameter", true),
    SEND_COMMAND("ssm", "SendCommand", false),
    UPDATE_INSTANCE_INFORMATION("ssm", "UpdateInstanceInformation", false),
    CONSOLE_LOGIN("signin", "ConsoleLogin", false),
    LOOKUP_EVENTS("cloudtrail", "LookupEvents", true),
    DESCRIBE_TRAILS("cloudtrail", "DescribeTrails", true),
    STOP_LOGGING("cloudtrail", "StopLogging", false),
    DELETE_TRAIL("cloudtrail", "DeleteTrail", false),
    CREATE_LOG_STREAM("logs", "CreateLogStream", false),
    DESCRIBE_LOG_GROUPS("logs", "DescribeLogGroups", true),
    PUBLISH("sns", "Publish", false),
    LIST_TOPICS("sns", "ListTopics", true),
    LIST_FUNCTIONS("lambda", "ListFunctions20150331", true),
    DESCRIBE_STACKS("cloudformation", "DescribeStacks", true);

    final String eventSource;
    final String eventName;
    final boolean readOnly;

    Api(String service, String eventName, boolean readOnly) {
        this.eventSource = service + ".amazonaws.com";
        this.eventName = eventName;
        this.readOnly = readOnly;
    }

    /** Tells whether CloudTrail logs the call in us-east-1 whatever region the caller names (global services). */
    boolean global() {
        return eventSource.startsWith("iam.") || eventSource.startsWith("signin.");
    }

    /** Tells whether the call is an S3 object-level data event rather than a management event. */
    boolean dataEvent() {
        return this == GET_OBJECT || this == PUT_OBJECT;
    }
}
