package dev.trailhunt.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills in the call-specific parts of a record (request parameters, response elements, resources,
 * additional event data) with the shapes CloudTrail really logs for each API.
 */
final class CallShapes {
    private final Estate estate;

    CallShapes(Estate estate) {
        this.estate = estate;
    }

    /** Builds an insertion-ordered JSON object from alternating keys and values. */
    static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Sets the envelope of a call: source, name, ids, read-only flag, and default shapes. */
    void shape(TrailRecord r, Api api, Prng rnd) {
        r.eventSource = api.eventSource;
        r.eventName = api.eventName;
        r.readOnly = api.readOnly;
        r.eventId = rnd.uuid();
        r.requestId = api.eventSource.startsWith("s3.") ? rnd.upperAlnum(16) : rnd.uuid();
        r.recipientAccountId = r.principal.kind() == Principal.Kind.AWSAccount ? Estate.PROD : r.principal.account();
        Principal p = r.principal;
        // A second agent belongs to a side tool (the SSM agent on an instance), used for that service only.
        r.userAgent = p.userAgents().size() > 1 && api.eventSource.startsWith("ssm.") ? p.userAgents().get(1) : p.userAgents().get(0);
        r.sourceIp = p.sourceIps().size() > 1 && rnd.chance(0.3) ? p.sourceIps().get(1) : p.sourceIps().get(0);
        if (p.kind() == Principal.Kind.AssumedRole && r.userAgent.endsWith(".amazonaws.com")) {
            r.invokedBy = r.userAgent;
        }
        if (p.isService() || r.userAgent.equals("AWS Internal")) {
            r.tls = false;
        }
        r.consoleSession = p.console() && api != Api.CONSOLE_LOGIN;
        if (api.dataEvent()) {
            r.managementEvent = false;
            r.eventCategory = "Data";
        }
        fill(r, api, rnd);
    }

    private void fill(TrailRecord r, Api api, Prng rnd) {
        String acct = r.recipientAccountId;
        switch (api) {
            case GET_CALLER_IDENTITY -> r.responseElements = null;
            case ASSUME_ROLE -> assumeRole(r, rnd);
            case GET_SECRET_VALUE -> getSecretValue(r, usualSecret(r.principal, acct, rnd), rnd.chance(0.6));
            case DESCRIBE_SECRET -> {
                String s = rnd.pick(estate.secretsOf(acct));
                r.requestParameters = obj("secretId", Estate.secretArn(r.region, acct, s));
            }
            case LIST_SECRETS -> r.requestParameters = rnd.chance(0.5) ? obj("maxResults", 100) : null;
            case GET_OBJECT, PUT_OBJECT -> s3Object(r, rnd.pick(estate.bucketsOf(acct)), objectKey(rnd), rnd);
            case LIST_BUCKETS -> {
                r.requestParameters = obj("Host", "s3.amazonaws.com");
                r.additionalEventData = s3Extras(rnd, 0);
            }
            case GET_BUCKET_ACL -> {
                String b = rnd.pick(estate.bucketsOf(acct));
                r.requestParameters = obj("bucketName", b, "Host", b + ".s3." + r.region + ".amazonaws.com", "acl", "");
                r.additionalEventData = s3Extras(rnd, 0);
                r.resources = List.of(obj("accountId", acct, "type", "AWS::S3::Bucket", "ARN", "arn:aws:s3:::" + b));
            }
            case DESCRIBE_INSTANCES -> r.requestParameters = rnd.chance(0.5)
                    ? obj("instancesSet", obj(), "filterSet", obj())
                    : obj("instancesSet", obj("items", List.of(obj("instanceId", rnd.pick(estate.instancesOf(acct))))),
                            "filterSet", obj());
            case DESCRIBE_SECURITY_GROUPS -> r.requestParameters = obj("securityGroupSet", obj(),
                    "securityGroupIdSet", obj(), "filterSet", obj("items", List.of(
                            obj("name", "vpc-id", "valueSet", obj("items", List.of(obj("value", vpc(acct))))))));
            case RUN_INSTANCES -> runInstances(r, rnd, 1, 1, "t3.medium");
            case AUTHORIZE_SECURITY_GROUP_INGRESS -> {
                String sg = "sg-0" + Prng.derive(0, acct).hex(16);
                r.requestParameters = obj("groupId", sg, "ipPermissions", obj("items", List.of(obj(
                        "ipProtocol", "tcp", "fromPort", 443, "toPort", 443, "groups", obj(),
                        "ipRanges", obj("items", List.of(obj("cidrIp", "10.20.0.0/16"))),
                        "ipv6Ranges", obj(), "prefixListIds", obj()))));
                r.responseElements = obj("requestId", r.requestId, "_return", true, "securityGroupRuleSet",
                        obj("items", List.of(obj("groupOwnerId", acct, "groupId", sg,
                                "securityGroupRuleId", "sgr-0" + rnd.hex(16), "isEgress", false, "ipProtocol", "tcp",
                                "fromPort", 443, "toPort", 443, "cidrIpv4", "10.20.0.0/16"))));
            }
            case MODIFY_INSTANCE_ATTRIBUTE -> {
                r.requestParameters = obj("instanceId", rnd.pick(estate.instancesOf(acct)),
                        "instanceType", obj("value", rnd.pick(List.of("t3.large", "m6i.large", "c6i.xlarge"))));
                r.responseElements = obj("requestId", r.requestId, "_return", true);
            }
            case DELETE_FLOW_LOGS -> {
                r.requestParameters = obj("DeleteFlowLogsRequest", obj("FlowLogId", obj("content", "fl-0" + rnd.hex(16), "tag", 1)));
                r.responseElements = obj("DeleteFlowLogsResponse", obj("xmlns", "http://ec2.amazonaws.com/doc/2016-11-15/",
                        "requestId", r.requestId, "unsuccessful", ""));
            }
            case LIST_USERS -> r.requestParameters = rnd.chance(0.5) ? obj("maxItems", 100) : null;
            case GET_USER -> r.requestParameters = obj("userName", rnd.pick(List.of("alice.nguyen", "carol.diaz", "jenkins-deploy")));
            case GET_ROLE -> r.requestParameters = obj("roleName", rnd.pick(List.of("app-backend-ec2", "orders-lambda-role",
                    "payments-eks-irsa")));
            case CREATE_USER -> createUser(r, rnd.pick(List.of("svc-metrics", "svc-exporter")));
            case ATTACH_USER_POLICY -> attachUserPolicy(r, "svc-metrics", "arn:aws:iam::aws:policy/ReadOnlyAccess");
            case CREATE_ROLE -> createRole(r, "app-worker-" + rnd.between(1, 9), null, rnd);
            case ATTACH_ROLE_POLICY -> {
                String role = rnd.pick(List.of("app-backend-ec2", "orders-lambda-role"));
                String policy = rnd.chance(0.5) ? "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
                        : "arn:aws:iam::" + acct + ":policy/" + role + "-inline-extras";
                r.requestParameters = obj("roleName", role, "policyArn", policy);
            }
            case CREATE_ACCESS_KEY -> createAccessKey(r, "svc-metrics", rnd);
            case DECRYPT, GENERATE_DATA_KEY -> kms(r, api, rnd);
            case GET_PARAMETER -> r.requestParameters = obj("name", rnd.pick(List.of("/app/config/feature-flags",
                    "/app/config/db-host", "/orders/queue-url")), "withDecryption", rnd.chance(0.5));
            case SEND_COMMAND -> sendCommand(r, rnd.pick(estate.instancesOf(acct)), "AWS-RunPatchBaseline", rnd);
            case UPDATE_INSTANCE_INFORMATION -> r.requestParameters = obj("instanceId", rnd.pick(estate.instancesOf(acct)),
                    "agentVersion", "3.3.1142.0", "agentStatus", "Active", "platformType", "Linux",
                    "platformName", "Amazon Linux", "platformVersion", "2023", "computerName", "ip-10-20-1-" + rnd.between(10, 250)
                            + ".ec2.internal", "iPAddress", "10.20.1." + rnd.between(10, 250), "agentName", "amazon-ssm-agent");
            case CONSOLE_LOGIN -> consoleLogin(r);
            case LOOKUP_EVENTS -> r.requestParameters = obj("maxResults", 50, "lookupAttributes",
                    List.of(obj("attributeKey", "ReadOnly", "attributeValue", "false")));
            case DESCRIBE_TRAILS -> r.requestParameters = obj("trailNameList", List.of(), "includeShadowTrails", true);
            case STOP_LOGGING, DELETE_TRAIL -> r.requestParameters = obj("name",
                    "arn:aws:cloudtrail:us-east-1:" + acct + ":trail/management-events");
            case CREATE_LOG_STREAM -> r.requestParameters = obj("logGroupName", "/aws/lambda/orders-handler",
                    "logStreamName", "2026/11/25/[$LATEST]" + rnd.hex(32));
            case DESCRIBE_LOG_GROUPS -> r.requestParameters = obj("limit", 50);
            case PUBLISH -> {
                r.requestParameters = obj("topicArn", "arn:aws:sns:" + r.region + ":" + acct + ":order-events",
                        "messageStructure", "json");
                r.responseElements = obj("messageId", rnd.uuid());
            }
            case LIST_TOPICS, LIST_FUNCTIONS -> r.requestParameters = null;
            case DESCRIBE_STACKS -> r.requestParameters = obj("stackName", "arn:aws:cloudformation:" + r.region + ":" + acct
                    + ":stack/app-platform/" + Prng.derive(0, acct + r.region).uuid());
        }
    }

    /** Picks one of the few secrets a caller habitually reads; console users browse more of them. */
    private String usualSecret(Principal p, String acct, Prng rnd) {
        List<String> all = estate.secretsOf(acct);
        int span = Math.min(p.console() ? 12 : 3, all.size());
        int first = Math.floorMod(p.name().hashCode(), all.size());
        return all.get((first + rnd.nextInt(span)) % all.size());
    }

    private static String vpc(String acct) {
        return "vpc-0" + Prng.derive(1, acct).hex(16);
    }

    private static String objectKey(Prng rnd) {
        return rnd.pick(List.of("builds/app-", "exports/orders-", "uploads/avatars/", "reports/daily-"))
                + rnd.hex(12) + rnd.pick(List.of(".tar.gz", ".csv", ".png", ".json"));
    }

    void getSecretValue(TrailRecord r, String secret, boolean asArn) {
        r.requestParameters = obj("secretId", asArn ? Estate.secretArn(r.region, r.recipientAccountId, secret)
                : secret.substring(0, secret.length() - 7));
        r.responseElements = null;
    }

    void s3Object(TrailRecord r, String bucket, String key, Prng rnd) {
        String host = bucket + ".s3." + r.region + ".amazonaws.com";
        r.requestParameters = obj("bucketName", bucket, "Host", host, "key", key);
        if (r.eventName.equals("PutObject")) {
            r.responseElements = obj("x-amz-server-side-encryption", "AES256", "x-amz-version-id", rnd.alnum(32));
        }
        r.additionalEventData = s3Extras(rnd, r.eventName.equals("GetObject") ? rnd.between(2_000, 4_000_000) : 0);
        r.resources = List.of(
                obj("type", "AWS::S3::Object", "ARN", "arn:aws:s3:::" + bucket + "/" + key),
                obj("accountId", r.recipientAccountId, "type", "AWS::S3::Bucket", "ARN", "arn:aws:s3:::" + bucket));
    }

    private static Map<String, Object> s3Extras(Prng rnd, int bytesOut) {
        return obj("SignatureVersion", "SigV4", "CipherSuite", "TLS_AES_128_GCM_SHA256", "bytesTransferredIn", 0,
                "AuthenticationMethod", "AuthHeader", "x-amz-id-2", rnd.alnum(76), "bytesTransferredOut", bytesOut);
    }

    private void assumeRole(TrailRecord r, Prng rnd) {
        String acct = r.recipientAccountId;
        String role = rnd.pick(List.of("app-backend-ec2", "orders-lambda-role", "payments-eks-irsa"));
        String session = r.principal.isService() ? "i-0" + rnd.hex(16) : "session-" + rnd.between(1000, 9999);
        r.requestParameters = obj("roleArn", "arn:aws:iam::" + acct + ":role/" + role, "roleSessionName", session,
                "durationSeconds", 3600);
        String keyId = "ASIA" + rnd.upperAlnum(16);
        r.responseElements = obj("credentials", obj("accessKeyId", keyId, "sessionToken", rnd.alnum(64),
                        "expiration", java.time.Instant.ofEpochSecond(r.epochSecond + 3600).toString()),
                "assumedRoleUser", obj("assumedRoleId", "AROA" + rnd.upperAlnum(17) + ":" + session,
                        "arn", "arn:aws:sts::" + acct + ":assumed-role/" + role + "/" + session));
        r.resources = List.of(obj("accountId", acct, "type", "AWS::IAM::Role", "ARN", "arn:aws:iam::" + acct + ":role/" + role));
        r.sharedEventId = r.principal.isService() ? rnd.uuid() : null;
    }

    void runInstances(TrailRecord r, Prng rnd, int min, int max, String type) {
        String acct = r.recipientAccountId;
        String subnet = "subnet-0" + Prng.derive(2, acct + r.region).hex(16);
        String ami = "ami-0" + Prng.derive(3, r.region).hex(16);
        r.requestParameters = obj(
                "instancesSet", obj("items", List.of(obj("imageId", ami, "minCount", min, "maxCount", max))),
                "instanceType", type, "blockDeviceMapping", obj(), "monitoring", obj("enabled", false),
                "disableApiTermination", false, "disableApiStop", false, "clientToken", rnd.uuid(),
                "subnetId", subnet, "ebsOptimized", false);
        if (r.errorCode != null) {
            return;
        }
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            items.add(obj("instanceId", "i-0" + rnd.hex(16), "imageId", ami,
                    "instanceState", obj("code", 0, "name", "pending"),
                    "privateDnsName", "ip-10-20-" + rnd.between(1, 3) + "-" + rnd.between(4, 250) + "." + r.region + ".compute.internal",
                    "amiLaunchIndex", i, "productCodes", obj(), "instanceType", type,
                    "launchTime", r.epochSecond * 1000, "placement", obj("availabilityZone", r.region + "a", "tenancy", "default"),
                    "monitoring", obj("state", "disabled"), "subnetId", subnet, "vpcId", vpc(acct),
                    "privateIpAddress", "10.20.1." + rnd.between(4, 250), "stateReason", obj("code", "pending", "message", "pending"),
                    "architecture", "x86_64", "rootDeviceType", "ebs", "rootDeviceName", "/dev/xvda",
                    "blockDeviceMapping", obj(), "virtualizationType", "hvm", "hypervisor", "xen",
                    "groupSet", obj("items", List.of(obj("groupId", "sg-0" + Prng.derive(0, acct).hex(16), "groupName", "default"))),
                    "sourceDestCheck", true, "ebsOptimized", false, "enaSupport", true,
                    "cpuOptions", obj("coreCount", 1, "threadsPerCore", 2),
                    "capacityReservationSpecification", obj("capacityReservationPreference", "open"),
                    "enclaveOptions", obj("enabled", false),
                    "metadataOptions", obj("state", "pending", "httpTokens", "required", "httpPutResponseHopLimit", 2,
                            "httpEndpoint", "enabled", "httpProtocolIpv4", "enabled", "httpProtocolIpv6", "disabled",
                            "instanceMetadataTags", "disabled"),
                    "maintenanceOptions", obj("autoRecovery", "default"), "currentInstanceBootMode", "legacy-bios"));
        }
        r.responseElements = obj("requestId", r.requestId, "reservationId", "r-0" + rnd.hex(16), "ownerId", acct,
                "groupSet", obj(), "instancesSet", obj("items", items));
    }

    void createUser(TrailRecord r, String userName) {
        String acct = r.recipientAccountId;
        r.requestParameters = obj("userName", userName);
        r.responseElements = obj("user", obj("path", "/", "userName", userName,
                "userId", "AIDA" + Prng.derive(4, userName).upperAlnum(17),
                "arn", "arn:aws:iam::" + acct + ":user/" + userName,
                "createDate", monthDayYear(r.epochSecond)));
    }

    void attachUserPolicy(TrailRecord r, String userName, String policyArn) {
        r.requestParameters = obj("userName", userName, "policyArn", policyArn);
        r.responseElements = null;
    }

    void createAccessKey(TrailRecord r, String userName, Prng rnd) {
        r.requestParameters = obj("userName", userName);
        r.responseElements = obj("accessKey", obj("userName", userName, "accessKeyId", "AKIA" + rnd.upperAlnum(16),
                "status", "Active", "createDate", monthDayYear(r.epochSecond)));
    }

    void createRole(TrailRecord r, String roleName, String trustedAccount, Prng rnd) {
        String principal = trustedAccount == null
                ? "\"Service\": \"ec2.amazonaws.com\"" : "\"AWS\": \"arn:aws:iam::" + trustedAccount + ":root\"";
        String policy = "{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n        {\n"
                + "            \"Effect\": \"Allow\",\n            \"Principal\": {\n                " + principal + "\n"
                + "            },\n            \"Action\": \"sts:AssumeRole\"\n        }\n    ]\n}";
        r.requestParameters = obj("roleName", roleName, "assumeRolePolicyDocument", policy);
        r.responseElements = obj("role", obj("assumeRolePolicyDocument", java.net.URLEncoder.encode(policy,
                        java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"),
                "arn", "arn:aws:iam::" + r.recipientAccountId + ":role/" + roleName,
                "roleId", "AROA" + rnd.upperAlnum(17), "createDate", monthDayYear(r.epochSecond),
                "roleName", roleName, "path", "/"));
    }

    void sendCommand(TrailRecord r, String instanceId, String document, Prng rnd) {
        String commandId = rnd.uuid();
        r.requestParameters = obj("instanceIds", List.of(instanceId), "documentName", document,
                "parameters", "HIDDEN_DUE_TO_SECURITY_REASONS", "interactive", false);
        r.responseElements = obj("command", obj("commandId", commandId, "documentName", document,
                "documentVersion", "$DEFAULT", "comment", "", "expiresAfter", monthDayYear(r.epochSecond + 7200),
                "parameters", "HIDDEN_DUE_TO_SECURITY_REASONS", "instanceIds", List.of(instanceId), "targets", List.of(),
                "requestedDateTime", monthDayYear(r.epochSecond), "status", "Pending", "statusDetails", "Pending",
                "outputS3Region", r.region, "outputS3BucketName", "", "outputS3KeyPrefix", "",
                "maxConcurrency", "50", "maxErrors", "0", "targetCount", 1, "completedCount", 0, "errorCount", 0,
                "deliveryTimedOutCount", 0, "serviceRole", "", "notificationConfig",
                obj("notificationArn", "", "notificationEvents", List.of(), "notificationType", ""),
                "cloudWatchOutputConfig", obj("cloudWatchLogGroupName", "", "cloudWatchOutputEnabled", false),
                "timeoutSeconds", 3600, "alarmConfiguration", obj("ignorePollAlarmFailure", false, "alarms", List.of()),
                "triggeredAlarms", List.of()));
    }

    private void kms(TrailRecord r, Api api, Prng rnd) {
        String acct = r.recipientAccountId;
        String keyId = Prng.derive(5, acct + r.region).uuid();
        String keyArn = "arn:aws:kms:" + r.region + ":" + acct + ":key/" + keyId;
        Map<String, Object> context = rnd.chance(0.5)
                ? obj("SecretARN", Estate.secretArn(r.region, acct, rnd.pick(estate.secretsOf(acct))),
                        "SecretVersionId", rnd.uuid())
                : obj("aws:lambda:FunctionArn", "arn:aws:lambda:" + r.region + ":" + acct + ":function:orders-handler");
        r.requestParameters = api == Api.DECRYPT
                ? obj("encryptionContext", context, "encryptionAlgorithm", "SYMMETRIC_DEFAULT")
                : obj("keyId", keyArn, "encryptionContext", context, "keySpec", "AES_256");
        r.resources = List.of(obj("accountId", acct, "type", "AWS::KMS::Key", "ARN", keyArn));
    }

    private static void consoleLogin(TrailRecord r) {
        r.region = "us-east-1";
        r.eventType = "AwsConsoleSignIn";
        r.requestParameters = null;
        r.responseElements = obj("ConsoleLogin", "Success");
        r.additionalEventData = obj("LoginTo", "https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state=hashArgsFromTB_us-east-1_" + r.eventId.substring(0, 16).replace("-", ""),
                "MobileVersion", "No", "MFAIdentifier", r.principal.mfa() ? "arn:aws:iam::" + r.principal.account()
                        + ":mfa/" + r.principal.name() : null,
                "MFAUsed", r.principal.mfa() ? "Yes" : "No");
        if (r.additionalEventData.get("MFAIdentifier") == null) {
            r.additionalEventData.remove("MFAIdentifier");
        }
        r.requestId = null;
    }

    /** Formats a time as IAM and SSM responses do: {@code Nov 25, 2026, 1:37:00 PM}. */
    static String monthDayYear(long epochSecond) {
        return java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a", java.util.Locale.ROOT)
                .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.ofEpochSecond(epochSecond));
    }
}
