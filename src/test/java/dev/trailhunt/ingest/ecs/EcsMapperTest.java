package dev.trailhunt.ingest.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailhunt.model.EcsSchema;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks single pipeline rules of default.yml (aws 8.9.0) on small hand-written records. */
class EcsMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05.678Z");

    private static Map<String, Object> map(String record) throws IOException {
        Object[] row = new EcsMapper(CREATED).map(JSON.readTree(record));
        assertEquals(EcsSchema.columns().size(), row.length);
        Map<String, Object> m = new TreeMap<>();
        for (int i = 0; i < row.length; i++) {
            if (row[i] != null) {
                m.put(EcsSchema.columns().get(i).name(), row[i]);
            }
        }
        return m;
    }

    private static String q(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    @Test
    void ordersMapKeysAsAHashMapFilledBeforeCleanup() throws IOException {
        // The 13-key example of the research note: one null key still counts towards the table's growth.
        Map<String, Object> m = map(q("{'eventName':'PutBucketAcl','requestParameters':{'bucketName':'v','Host':'v',"
                + "'acl':'v','x-amz-acl':'v','encryption':'v','versioning':'v','logging':'v','tagging':'v','cors':'v',"
                + "'website':'v','lifecycle':'v','replication':'v','policy':null}}"));
        assertEquals("{replication=v, bucketName=v, tagging=v, website=v, versioning=v, cors=v, x-amz-acl=v, Host=v, "
                + "acl=v, lifecycle=v, encryption=v, logging=v}", m.get("aws.cloudtrail.request_parameters"));
    }

    @Test
    void rendersValuesAsJavaDoes() throws IOException {
        assertEquals("{d=1.0E20}", map(q("{'requestParameters':{'d':1e20}}")).get("aws.cloudtrail.request_parameters"));
        assertEquals("{d=1.5}", map(q("{'requestParameters':{'d':1.5}}")).get("aws.cloudtrail.request_parameters"));
        assertEquals("{l=12345678901}", map(q("{'requestParameters':{'l':12345678901}}"))
                .get("aws.cloudtrail.request_parameters"));
        assertEquals("{b=123456789012345678901}", map(q("{'requestParameters':{'b':123456789012345678901}}"))
                .get("aws.cloudtrail.request_parameters"));
        assertEquals("{f=false}", map(q("{'responseElements':{'f':false}}")).get("aws.cloudtrail.response_elements"));
        assertEquals("{a=[x, y]}", map(q("{'serviceEventDetails':{'a':['x','-','y','none',null]}}"))
                .get("aws.cloudtrail.service_event_details"));
        assertEquals("{a={b=c}}", map(q("{'additionalEventData':{'a':{'b':'c','e':''},'d':{'x':'-'},'l':[[]]}}"))
                .get("aws.cloudtrail.additional_eventdata"));
    }

    @Test
    void dropsValuesCleanupRemoves() throws IOException {
        Map<String, Object> m = map(q("{'eventName':'GetObject','requestParameters':{'a':'','b':{'c':'none'}},"
                + "'responseElements':null,'userAgent':'-','errorCode':'','awsRegion':'none','sourceIPAddress':'-',"
                + "'userIdentity':{'type':'IAMUser','userName':'-','principalId':'AIDA1','arn':''}}"));
        assertNull(m.get("aws.cloudtrail.request_parameters"));
        assertNull(m.get("aws.cloudtrail.response_elements"));
        assertTrue(m.keySet().stream().noneMatch(k -> k.startsWith("user_agent.")), m.toString());
        assertEquals("success", m.get("event.outcome"));
        assertNull(m.get("cloud.region"));
        assertNull(m.get("source.address"));
        assertNull(m.get("user.name"));
        assertNull(m.get("aws.cloudtrail.user_identity.arn"));
        assertEquals("AIDA1", m.get("user.id"));
        assertEquals(List.of("AIDA1"), m.get("related.user"));
    }

    @Test
    void categorizesFromTheEventNameTable() throws IOException {
        assertEquals(91, EventCategorization.size());
        Map<String, Object> group = map(q("{'eventName':'AddUserToGroup'}"));
        assertEquals(List.of("iam"), group.get("event.category"));
        assertEquals(List.of("change", "group"), group.get("event.type"));
        assertEquals("event", group.get("event.kind"));
        Map<String, Object> other = map(q("{'eventName':'GetSecretValue','errorCode':'AccessDenied'}"));
        assertNull(other.get("event.category"));
        assertEquals(List.of("info"), other.get("event.type"));
        assertEquals("failure", other.get("event.outcome"));
        assertEquals("failure", map(q("{'eventName':'X','errorMessage':'200'}")).get("event.outcome"));
        Map<String, Object> login = map(q("{'eventName':'ConsoleLogin','responseElements':{'ConsoleLogin':'Failure'},"
                + "'additionalEventData':{'MobileVersion':'No','LoginTo':'https://console.aws.amazon.com/','MFAUsed':'Yes'}}"));
        assertEquals("failure", login.get("event.outcome"));
        assertEquals(List.of("authentication"), login.get("event.category"));
        assertEquals(Boolean.FALSE, login.get("aws.cloudtrail.console_login.additional_eventdata.mobile_version"));
        assertEquals(Boolean.TRUE, login.get("aws.cloudtrail.console_login.additional_eventdata.mfa_used"));
        assertEquals("https://console.aws.amazon.com/", login.get("aws.cloudtrail.console_login.additional_eventdata.login_to"));
        assertEquals(List.of("file"), map(q("{'eventName':'PutObject'}")).get("event.category"));
    }

    @Test
    void setsSourceIpOnlyForLiteralAddresses() throws IOException {
        Map<String, Object> v4 = map(q("{'sourceIPAddress':'81.2.69.142'}"));
        assertEquals("81.2.69.142", v4.get("source.ip"));
        assertEquals(List.of("81.2.69.142"), v4.get("related.ip"));
        Map<String, Object> service = map(q("{'sourceIPAddress':'ec2.amazonaws.com'}"));
        assertNull(service.get("source.ip"));
        assertEquals("ec2.amazonaws.com", service.get("source.address"));
        assertNull(service.get("related.hosts"));
        Map<String, Object> pair = map(q("{'sourceIPAddress':'81.2.69.142, 192.168.10.10'}"));
        assertNull(pair.get("source.ip"));
        assertNull(pair.get("related.hosts"));
        assertEquals("81.2.69.142, 192.168.10.10", pair.get("source.address"));
        assertNull(map(q("{'sourceIPAddress':'AWS Internal'}")).get("source.ip"));
        assertEquals(List.of("host.example.com"), map(q("{'sourceIPAddress':'host.example.com'}")).get("related.hosts"));
        assertEquals("2001:db8::1", map(q("{'sourceIPAddress':'2001:DB8:0:0:0:0:0:1'}")).get("source.ip"));
        assertEquals("1.2.3.4", map(q("{'sourceIPAddress':'::ffff:1.2.3.4'}")).get("source.ip"));
        assertNull(map(q("{'sourceIPAddress':'01.2.3.4'}")).get("source.ip"));
        assertNull(map(q("{'sourceIPAddress':'1.2.3.256'}")).get("source.ip"));
        assertNull(map(q("{'sourceIPAddress':'fe80::1%eth0'}")).get("source.ip"));
        assertNull(map(q("{'sourceIPAddress':'redacted'}")).get("source.ip"));
        Map<String, Object> both = map(q("{'sourceIPAddress':'10.0.0.1','serviceEventDetails':{'sourceIpAddress':'9.9.9.9'}}"));
        assertEquals(List.of("9.9.9.9", "10.0.0.1"), both.get("related.ip"));
    }

    @Test
    void namesAssumedRoleUsersByRoleAndSessionEmail() throws IOException {
        Map<String, Object> m = map(q("{'userIdentity':{'type':'AssumedRole','principalId':"
                + "'AROAIN5ATK5U7KEXAMPLE:firstname.lastname@example.com','arn':'arn:aws:sts::111111111111:assumed-role/"
                + "AWSReservedSSO_SecurityAudit_8df5ccd37b/firstname.lastname@example.com','accountId':'111111111111',"
                + "'sessionContext':{'sessionIssuer':{'type':'Role','userName':'AWSReservedSSO_SecurityAudit_8df5ccd37b',"
                + "'arn':'arn:aws:iam::111111111111:role/aws-reserved/AWSReservedSSO_SecurityAudit_8df5ccd37b'},"
                + "'attributes':{'creationDate':'20131102T010628Z','mfaAuthenticated':'false'}}}}"));
        assertEquals("AWSReservedSSO_SecurityAudit_8df5ccd37b", m.get("user.name"));
        assertEquals("AROAIN5ATK5U7KEXAMPLE:firstname.lastname@example.com", m.get("user.id"));
        assertEquals("firstname.lastname@example.com", m.get("user.email"));
        assertEquals(List.of("AROAIN5ATK5U7KEXAMPLE:firstname.lastname@example.com",
                "AWSReservedSSO_SecurityAudit_8df5ccd37b", "firstname.lastname", "firstname.lastname@example.com"),
                m.get("related.user"));
        assertEquals("111111111111", m.get("cloud.account.id"));
        assertEquals("false", m.get("aws.cloudtrail.user_identity.session_context.mfa_authenticated"));
        assertEquals(Instant.parse("2013-11-02T01:06:28Z"),
                m.get("aws.cloudtrail.user_identity.session_context.creation_date"));
        assertNull(m.get("service.name"));
    }

    @Test
    void givesServiceActorsNoUserFields() throws IOException {
        Map<String, Object> aws = map(q("{'userIdentity':{'type':'AWSService','invokedBy':'ec2.amazonaws.com',"
                + "'userName':'x','principalId':'p'}}"));
        assertEquals("ec2.amazonaws.com", aws.get("service.name"));
        assertNull(aws.get("user.name"));
        assertNull(aws.get("user.id"));
        Map<String, Object> linked = map(q("{'userIdentity':{'type':'AssumedRole','principalId':'AROA1:s',"
                + "'arn':'arn:aws:sts::1:assumed-role/AWSServiceRoleForConfig/s','sessionContext':{'sessionIssuer':"
                + "{'userName':'AWSServiceRoleForConfig','arn':'arn:aws:iam::1:role/aws-service-role/"
                + "config.amazonaws.com/AWSServiceRoleForConfig'}}}}"));
        assertEquals("config.amazonaws.com", linked.get("service.name"));
        assertNull(linked.get("user.name"));
        assertNull(linked.get("user.id"));
        assertEquals(List.of("s"), linked.get("related.user"));
    }

    @Test
    void takesIdentityCenterAndAuthenticationUsers() throws IOException {
        Map<String, Object> m = map(q("{'eventName':'UserAuthentication','userIdentity':{'type':'IdentityCenterUser',"
                + "'onBehalfOf':{'userId':'u-1','identityStoreArn':'arn:aws:identitystore::1:identitystore/d-1'}},"
                + "'additionalEventData':{'UserName':'alice@example.com','LoginTo':'https://x/'}}"));
        assertEquals("u-1", m.get("user.id"));
        assertEquals("alice@example.com", m.get("user.name"));
        assertEquals("alice@example.com", m.get("user.email"));
        assertEquals("{LoginTo=https://x/}", m.get("aws.cloudtrail.additional_eventdata"));
        assertEquals(List.of("alice@example.com", "u-1"), m.get("related.user"));
        Map<String, Object> iam = map(q("{'eventName':'UpdateUser','userIdentity':{'type':'IAMUser','userName':'bob'},"
                + "'requestParameters':{'userName':'carol','newUserName':'dave','groupName':'g'},"
                + "'responseElements':{'user':{'userId':'AIDA9'},'group':{'groupId':'AGPA1'}}}"));
        assertEquals("carol", iam.get("user.target.name"));
        assertEquals("AIDA9", iam.get("user.target.id"));
        assertEquals("dave", iam.get("user.changes.name"));
        assertEquals("g", iam.get("group.name"));
        assertEquals("AGPA1", iam.get("group.id"));
        assertEquals(List.of("AIDA9", "bob", "carol", "dave"), iam.get("related.user"));
    }

    @Test
    void keepsMillisecondsAndReportsBadTimes() throws IOException {
        Map<String, Object> ok = map(q("{'eventTime':'2024-11-02T00:20:40.123456Z','eventName':'X'}"));
        assertEquals(Instant.parse("2024-11-02T00:20:40.123Z"), ok.get("@timestamp"));
        assertEquals(CREATED, ok.get("event.created"));
        assertNull(ok.get("error.message"));
        assertNull(ok.get("tags"));
        for (String bad : List.of("yesterday", "-", "2024-13-01T00:00:00Z")) {
            Map<String, Object> m = map(q("{'eventTime':'" + bad + "'}"));
            assertEquals(CREATED, m.get("@timestamp"), bad);
            assertEquals("pipeline_error", m.get("event.kind"), bad);
            assertEquals(List.of("Processor date with tag date_json_eventTime_to_timestamp_e9417ba3 in pipeline "
                    + "logs-aws.cloudtrail-8.9.0 failed with message: unable to parse date [" + bad + "]"),
                    m.get("error.message"), bad);
            assertEquals(List.of("preserve_original_event"), m.get("tags"), bad);
        }
        assertEquals(Instant.parse("2024-11-02T01:20:40Z"), map(q("{'eventTime':'2024-11-02T02:20:40+01:00'}"))
                .get("@timestamp"));
        assertNull(map(q("{'eventTime':''}")).get("error.message"));
    }

    @Test
    void mapsTlsDetails() throws IOException {
        Map<String, Object> m = map(q("{'tlsDetails':{'tlsVersion':'TLSv1.3','cipherSuite':'TLS_AES_128_GCM_SHA256',"
                + "'clientProvidedHostHeader':'my.example.org'}}"));
        assertEquals("tls", m.get("tls.version_protocol"));
        assertEquals("1.3", m.get("tls.version"));
        assertEquals("TLS_AES_128_GCM_SHA256", m.get("tls.cipher"));
        assertEquals(List.of("my.example.org"), m.get("related.hosts"));
        assertEquals("1.2", map(q("{'tlsDetails':{'tlsVersion':'1.2'}}")).get("tls.version"));
        Map<String, Object> literal = map(q("{'tlsDetails':{'tlsVersion':'tlsVersion','cipherSuite':'c'}}"));
        assertNull(literal.get("tls.version"));
        assertNull(literal.get("tls.cipher"));
    }

    @Test
    void relatesInstanceIdsAndResources() throws IOException {
        Map<String, Object> m = map(q("{'eventName':'RunInstances','requestParameters':{'instancesSet':{'items':"
                + "[{'instanceId':'i-0123456789abcdef0'}]},'target':'i-short'},'responseElements':{'instanceIds':"
                + "['i-0fedcba9876543210']},'resources':[{'ARN':'arn:aws:ec2:us-east-1:1:instance/i-0aaaaaaaaaaaaaaaa',"
                + "'accountId':'1','type':'AWS::EC2::Instance'},{'ARN':'arn:aws:ec2:us-east-1:1:instance/"
                + "i-0aaaaaaaaaaaaaaaa','accountId':'1','type':'AWS::EC2::Instance'},{'ARN':'arn:b','type':'AWS::S3::Bucket'}]}"));
        assertEquals(List.of("i-0123456789abcdef0", "i-0aaaaaaaaaaaaaaaa", "i-0fedcba9876543210"), m.get("related.hosts"));
        assertEquals(List.of("arn:aws:ec2:us-east-1:1:instance/i-0aaaaaaaaaaaaaaaa", "arn:b"),
                m.get("aws.cloudtrail.resources.arn"));
        assertEquals(List.of("1"), m.get("aws.cloudtrail.resources.account_id"));
        assertEquals(List.of("AWS::EC2::Instance", "AWS::S3::Bucket"), m.get("aws.cloudtrail.resources.type"));
    }

    @Test
    void mapsDigestRecords() throws IOException {
        Map<String, Object> m = map(q("{'awsAccountId':'123456789012','digestStartTime':'2024-01-01T00:00:00Z',"
                + "'digestEndTime':'2024-01-01T01:00:00Z','digestS3Bucket':'b','digestS3Object':'AWSLogs/d.json.gz',"
                + "'previousDigestHashValue':'abc123','newestEventTime':'2024-01-01T00:59:00Z'}"));
        assertEquals(Instant.parse("2024-01-01T01:00:00Z"), m.get("@timestamp"));
        assertEquals("123456789012", m.get("cloud.account.id"));
        assertEquals("AWSLogs/d.json.gz", m.get("file.path"));
        assertEquals(List.of("abc123"), m.get("related.hash"));
        assertEquals(List.of("info"), m.get("event.type"));
    }

    @Test
    void setsConstantsAndKeepsTheRecordLosslessly() throws IOException {
        String record = q("{'eventVersion':'1.08','eventSource':'sts.amazonaws.com','eventName':'GetCallerIdentity',"
                + "'awsRegion':'us-east-1','readOnly':true,'managementEvent':true,'n':1.50,'u':'\\u00e9'}");
        JsonNode node = JSON.readTree(record);
        Map<String, Object> m = map(record);
        assertEquals(node, JSON.readTree((String) m.get("event.original")));
        assertEquals("aws.cloudtrail", m.get("event.dataset"));
        assertEquals("aws.cloudtrail", m.get("data_stream.dataset"));
        assertEquals("logs", m.get("data_stream.type"));
        assertEquals("default", m.get("data_stream.namespace"));
        assertEquals("aws", m.get("event.module"));
        assertEquals("aws", m.get("cloud.provider"));
        assertEquals("8.11.0", m.get("ecs.version"));
        assertEquals("sts", m.get("cloud.service.name"));
        assertEquals("sts.amazonaws.com", m.get("event.provider"));
        assertEquals("GetCallerIdentity", m.get("event.action"));
        assertEquals(Boolean.TRUE, m.get("aws.cloudtrail.read_only"));
        assertEquals("true", m.get("aws.cloudtrail.management_event"));
    }

    @Test
    void reportsRecordsThatAreNotObjects() throws IOException {
        Map<String, Object> m = map("[1,2]");
        assertEquals("pipeline_error", m.get("event.kind"));
        assertEquals(CREATED, m.get("@timestamp"));
        assertEquals("[1,2]", m.get("event.original"));
    }
}
