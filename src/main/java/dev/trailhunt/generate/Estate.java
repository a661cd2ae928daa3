package dev.trailhunt.generate;

import dev.trailhunt.generate.Principal.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Describes the fictional AWS estate the logs come from: accounts, callers, and named resources.
 *
 * <p>Account numbers and addresses come from AWS's documentation examples and the IETF
 * documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) wherever a human is meant.
 */
final class Estate {
    static final String PROD = "111122223333";
    static final String DEV = "444455556666";
    static final String EXTERNAL = "999988887777";

    static final String UA_CHROME_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    static final String UA_FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
    static final String UA_SAFARI_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/18.1 Safari/605.1.15";
    static final String UA_CHROME_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    static final String UA_BOTO3 = "Boto3/1.35.68 md/Botocore#1.35.68 ua/2.0 os/linux#6.1.115-126.197.amzn2023.x86_64 "
            + "md/arch#x86_64 lang/python#3.11.10 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.68";
    static final String UA_BOTO3_LAMBDA = "Boto3/1.34.145 md/Botocore#1.34.145 ua/2.0 os/linux#5.10.227-239.884.amzn2.x86_64 "
            + "md/arch#x86_64 lang/python#3.12.7 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy "
            + "Botocore/1.34.145";
    static final String UA_NODE_LAMBDA = "aws-sdk-nodejs/2.1692.0 linux/v18.20.4 exec-env/AWS_Lambda_nodejs18.x promise";
    static final String UA_GO = "aws-sdk-go/1.55.5 (go1.22.9; linux; amd64)";
    static final String UA_JAVA = "aws-sdk-java/1.12.777 Linux/5.10.228-219.884.amzn2.x86_64 "
            + "OpenJDK_64-Bit_Server_VM/17.0.13+11-LTS java/17.0.13 vendor/Amazon.com_Inc. cfg/retry-mode/standard";
    static final String UA_CLI2_MAC = "aws-cli/2.22.4 md/awscrt#0.22.0 ua/2.0 os/macos#24.1.0 md/arch#arm64 "
            + "lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#source md/prompt#off "
            + "md/command#secretsmanager.get-secret-value";
    static final String UA_CLI1 = "aws-cli/1.36.9 Python/3.11.10 Linux/6.1.115-126.197.amzn2023.x86_64 botocore/1.35.68";
    static final String UA_TERRAFORM = "APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io) "
            + "terraform-provider-aws/5.78.0 (+https://registry.terraform.io/providers/hashicorp/aws) "
            + "aws-sdk-go-v2/1.32.5 ua/2.1 os/linux lang/go#1.23.3 md/GOOS#linux md/GOARCH#amd64 api/sts#1.33.1";
    static final String UA_SSM_AGENT = "aws-sdk-go/1.55.5 (go1.22.8; linux; amd64) amazon-ssm-agent/3.3.1142.0";
    static final String UA_KALI_CLI = "aws-cli/2.15.0 Python/3.11.6 Linux/6.5.0-kali3-amd64 exe/x86_64.kali.2023 "
            + "prompt/off command/secretsmanager.get-secret-value";
    static final String UA_CURL = "curl/8.5.0";

    /** Lists the regions that see ordinary traffic, per account, first busiest. */
    static final List<String> PROD_REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1");
    static final List<String> DEV_REGIONS = List.of("us-east-1", "eu-west-1");
    /** Lists the enabled regions a discovery sweep walks through. */
    static final List<String> ALL_REGIONS = List.of(
            "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "eu-west-1", "eu-west-2",
            "eu-west-3", "eu-central-1", "eu-north-1", "ap-south-1", "ap-northeast-1", "ap-northeast-2",
            "ap-southeast-1", "ap-southeast-2", "sa-east-1");

    final Principal appBackend = role(PROD, "app-backend-ec2", "i-0a1b2c3d4e5f60718", "AROAR7KQ2XNS5EXAMPLE",
            List.of(UA_BOTO3, UA_SSM_AGENT), List.of("3.91.172.45"));
    final Principal ordersLambda = role(PROD, "orders-lambda-role", "orders-handler", "AROAQ3LKD9WTR7EXAMPLE",
            List.of(UA_NODE_LAMBDA), List.of("44.204.17.88", "44.204.17.90"));
    final Principal paymentsEks = role(PROD, "payments-eks-irsa", "aws-go-sdk-1732541123456789012", "AROAV8PJ4ZHMN2EXAMPLE",
            List.of(UA_GO), List.of("34.230.11.209"));
    final Principal jenkins = user(PROD, "jenkins-deploy", "X5RLM3P8QW2EXAMPL", List.of(UA_JAVA), List.of("52.23.140.15"));
    final Principal alice = consoleUser(PROD, "alice.nguyen", "W9TZK4L7MC3EXAMPL", UA_CHROME_WINDOWS, "203.0.113.24");
    final Principal bob = new Principal(Kind.AssumedRole, PROD, "AWSReservedSSO_AdministratorAccess_6f1b2c3d4e5a7b8c",
            "bob@example.com", "T2MVN6J8KD4EXAMPL", true, true, List.of(UA_FIREFOX_LINUX), List.of("203.0.113.25"));
    final Principal carol = user(PROD, "carol.diaz", "Z4HQW8N2LX6EXAMPL", List.of(UA_CLI2_MAC), List.of("192.0.2.44"));
    final Principal terraform = user(PROD, "terraform", "Y7FPM2K5RB8EXAMPL", List.of(UA_TERRAFORM), List.of("203.0.113.40"));
    final Principal configRole = role(PROD, "AWSServiceRoleForConfig", "AWSConfig-Describe", "AROAU2GHT6YKQ9EXAMPLE",
            List.of("config.amazonaws.com"), List.of("config.amazonaws.com"));
    final Principal advisorRole = role(PROD, "AWSServiceRoleForTrustedAdvisor", "TrustedAdvisor_111122223333_8f3a",
            "AROAS5JNB3WEP7EXAMPLE", List.of("AWS Internal"), List.of("AWS Internal"));
    final Principal ec2Service = service(PROD, "ec2.amazonaws.com");
    final Principal cloudtrailService = service(PROD, "cloudtrail.amazonaws.com");
    final Principal lambdaService = service(PROD, "lambda.amazonaws.com");

    final Principal devCi = role(DEV, "dev-ci-runner", "gitlab-ci-48213", "AROAN4KX7QZL3EXAMPLE",
            List.of(UA_CLI1), List.of("35.171.4.12"));
    final Principal devEtl = role(DEV, "dev-etl-lambda", "dev-etl", "AROAK8WQ3MZT6EXAMPLE",
            List.of(UA_BOTO3_LAMBDA), List.of("18.208.1.9"));
    final Principal dave = consoleUser(DEV, "dave.kim", "M3KXR9P4TZ5EXAMPL", UA_SAFARI_MAC, "192.0.2.61");
    final Principal devRoot = new Principal(Kind.Root, DEV, "root", null, "R00TC0NS0LEKEY0AB", true, false,
            List.of(UA_CHROME_MAC), List.of("192.0.2.61"));
    final Principal devConfig = role(DEV, "AWSServiceRoleForConfig", "AWSConfig-Describe", "AROAH6MVX2KRP4EXAMPLE",
            List.of("config.amazonaws.com"), List.of("config.amazonaws.com"));
    final Principal devEc2Service = service(DEV, "ec2.amazonaws.com");

    /** The one caller that appears only in the attack: a forgotten IAM user whose key leaked. */
    final Principal intruder = user(PROD, "legacy-reporting", "Q8ZP3XK7MW4EXAMPL", List.of(UA_KALI_CLI),
            List.of("198.51.100.77"));
    /** An unsigned caller scraping a public bucket. */
    final Principal anonymous = new Principal(Kind.AWSAccount, "anonymous", "anonymous", null, "", false, false,
            List.of(UA_CURL), List.of("192.0.2.201"));

    final List<String> prodSecrets = secrets(List.of(
            "prod/orders/db-password", "prod/payments/db-password", "prod/payments/stripe-api-key",
            "prod/app/session-signing-key", "prod/app/jwt-private-key", "prod/app/smtp-credentials",
            "prod/orders/rabbitmq", "prod/search/opensearch-master", "prod/analytics/snowflake",
            "prod/analytics/redshift-admin", "prod/ci/github-deploy-key", "prod/ci/dockerhub-token",
            "prod/billing/quickbooks-oauth", "prod/support/zendesk-api", "prod/crm/salesforce-integration",
            "prod/hr/workday-sftp", "prod/backup/restic-repo-password", "prod/vpn/openvpn-ca-key",
            "prod/ldap/bind-password", "prod/monitoring/datadog-api-key", "prod/monitoring/pagerduty-token",
            "prod/marketing/mailchimp-key", "prod/legacy/ftp-partner", "prod/legacy/reporting-db",
            "prod/app/encryption-master-key", "prod/payments/adyen-hmac", "prod/orders/redis-auth",
            "prod/partners/shipping-api", "prod/mobile/apns-key", "prod/mobile/firebase-admin",
            "prod/security/okta-api-token", "prod/security/crowdstrike-api"));
    final List<String> devSecrets = secrets(List.of(
            "dev/app/db-password", "dev/app/jwt-key", "dev/etl/source-db", "dev/ci/test-user"));
    final List<String> prodBuckets = List.of("acme-prod-artifacts", "acme-prod-orders-exports", "acme-prod-app-uploads");
    final List<String> devBuckets = List.of("acme-dev-scratch", "acme-dev-etl-staging");
    final String publicBucket = "acme-public-assets";
    final List<String> prodInstances = List.of("i-0a1b2c3d4e5f60718", "i-0b2c3d4e5f6071829", "i-0c3d4e5f607182930",
            "i-0d4e5f60718293a41", "i-0e5f60718293a4b52");
    final List<String> devInstances = List.of("i-0f60718293a4b5c63", "i-07182930a4b5c6d74");

    private static List<String> secrets(List<String> names) {
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) {
            // Secrets Manager appends six random characters to every secret's ARN.
            out.add(n + "-" + Prng.derive(0, n).alnum(6));
        }
        return List.copyOf(out);
    }

    static String secretArn(String region, String account, String nameWithSuffix) {
        return "arn:aws:secretsmanager:" + region + ":" + account + ":secret:" + nameWithSuffix;
    }

    List<String> secretsOf(String account) {
        return account.equals(PROD) ? prodSecrets : devSecrets;
    }

    List<String> bucketsOf(String account) {
        return account.equals(PROD) ? prodBuckets : devBuckets;
    }

    List<String> instancesOf(String account) {
        return account.equals(PROD) ? prodInstances : devInstances;
    }

    private static Principal role(String account, String role, String session, String roleId,
            List<String> agents, List<String> ips) {
        return new Principal(Kind.AssumedRole, account, role, session, pad(roleId.substring(4)), false, false, agents, ips);
    }

    private static Principal user(String account, String name, String id, List<String> agents, List<String> ips) {
        return new Principal(Kind.IAMUser, account, name, null, pad(id), false, false, agents, ips);
    }

    private static Principal consoleUser(String account, String name, String id, String agent, String ip) {
        return new Principal(Kind.IAMUser, account, name, null, pad(id), true, true, List.of(agent), List.of(ip));
    }

    private static Principal service(String account, String service) {
        return new Principal(Kind.AWSService, account, service, null, "", false, false, List.of(service), List.of(service));
    }

    private static String pad(String id) {
        return (id + "XXXXXXXXXXXXXXXXX").substring(0, 17);
    }
}
