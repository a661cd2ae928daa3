package dev.trailhunt.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.engine.Store;
import dev.trailhunt.eql.Eql;
import dev.trailhunt.eql.EqlException;
import dev.trailhunt.eql.ast.EqlQuery;
import dev.trailhunt.eql.ast.FieldName;
import dev.trailhunt.esql.ast.Command;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.esql.ast.Source;
import dev.trailhunt.esql.ast.Where;
import dev.trailhunt.esql.parser.EsqlParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs lowered EQL conditions on DuckDB over hand-made events; every expectation follows Elasticsearch's EQL
 * semantics (term and wildcard queries match any value and never a missing field, {@code not} and {@code !=}
 * match the rest, scripts are false on null) as documented in the test names.
 */
class EqlFilterTest {
    private static Store store;
    private final EsqlTranslator translator = new EsqlTranslator(EventsFixture.sources(),
            TranslateOptions.defaults(Instant.parse("2024-06-01T00:00:00Z")));

    @BeforeAll
    static void events() {
        store = Store.openInMemory();
        EventsFixture.create(store);
        event("e1", "event.action", "AttachUserPolicy", "event.category", List.of("iam"), "event.type", List.of("change", "info"),
                "aws.cloudtrail.request_parameters", "policyArn=arn:aws:iam::aws:policy/AdministratorAccess",
                "source.ip", "10.1.2.3", "user_agent.original", "aws-cli/2.0 distrib#kali",
                "aws.cloudtrail.recipient_account_id", "111122223333");
        event("e2", "event.action", "attachuserpolicy", "event.category", List.of("configuration"),
                "aws.cloudtrail.request_parameters", "valuesToAdd=[all]; account 111122223333", "source.ip", "192.168.1.1",
                "aws.cloudtrail.recipient_account_id", "111122223333");
        event("e3", "event.action", "AddPermission20150331v2", "aws.cloudtrail.request_parameters", "principal=*, lambda:InvokeFunction",
                "aws.cloudtrail.user_identity.access_key_id", "ASIAEXAMPLE", "user_agent.original", "Boto3 TruffleHog");
        event("e4", "event.action", "AddPermission20150331v2", "aws.cloudtrail.request_parameters", "principal=arn:aws:iam::1:root",
                "aws.cloudtrail.user_identity.access_key_id", "AKIAEXAMPLE");
        event("e5", "event.action", "PutObject", "event.category", List.of("file"),
                "aws.cloudtrail.resources.arn", List.of("arn:aws:s3:::bucket/HOW_TO_DECRYPT.txt"));
        event("e6", "event.action", "PutObject", "event.category", List.of("file"),
                "aws.cloudtrail.resources.arn", List.of("arn:aws:s3:::bucket/AWSLogs/help.txt"));
        event("e7", "event.action", "PutBucketLifecycle",
                "aws.cloudtrail.request_parameters", "x".repeat(8179) + "Expiration=");
        event("e8", "event.action", "PutBucketLifecycle",
                "aws.cloudtrail.request_parameters", "x".repeat(8181) + "Expiration=");
    }

    private static void event(String id, Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("event.id", id);
        row.put("@timestamp", Instant.parse("2024-05-01T00:00:00Z"));
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        EventsFixture.insert(store, row);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private List<String> ids(String eql) {
        return ids(eql, Eql.DEFAULT_CATEGORY_FIELD);
    }

    private List<String> ids(String eql, String categoryField) {
        Expr filter = Eql.toFilter((EqlQuery.Single) Eql.parse(eql), categoryField);
        Query base = EsqlParser.parse("from logs-* | where true | keep event.id | sort event.id | limit 100");
        List<Command> commands = new ArrayList<>(base.commands());
        commands.set(1, new Where(filter, Source.EMPTY));
        Translation t = translator.translate(new Query(commands, base.source()));
        return store.query(t.sql(), t.columns()).rows().stream().map(r -> (String) r.get(0)).toList();
    }

    private static List<String> all(String... ids) {
        return Arrays.asList(ids);
    }

    @Test
    void doubleEqualsIsCaseSensitiveAndColonIsNot() {
        assertEquals(all("e1"), ids("any where event.action == \"AttachUserPolicy\""));
        assertEquals(all("e1", "e2"), ids("any where event.action : \"attachUSERpolicy\""));
        assertEquals(all(), ids("any where event.action == \"attachUSERpolicy\""));
    }

    @Test
    void colonAndLikeTreatStarAndQuestionMarkAsWildcards() {
        assertEquals(all("e1", "e2"), ids("any where event.action : \"attach*\""));
        assertEquals(all("e3", "e4"), ids("any where event.action : (\"AddPermission*\", \"nothing\")"));
        assertEquals(all("e1"), ids("any where event.action like \"Attach*\""));
        assertEquals(all("e1", "e2"), ids("any where event.action like~ \"attach?ser*\""));
        // == never treats * as a wildcard.
        assertEquals(all(), ids("any where event.action == \"Attach*\""));
    }

    @Test
    void stringContainsIsAWildcardQueryWhoseStarMatchesAnythingUnlessEscaped() {
        // "valuesToAdd=[*]" is the pattern *valuesToAdd=[*]*: it matches [all] too.
        assertEquals(all("e2"), ids("any where stringContains(aws.cloudtrail.request_parameters, \"valuesToAdd=[*]\")"));
        // The EQL string "principal=\\*" is principal=\* : a literal star.
        assertEquals(all("e3"), ids("any where stringContains(aws.cloudtrail.request_parameters, \"principal=\\\\*\")"));
        // Case-sensitive.
        assertEquals(all(), ids("any where stringContains(aws.cloudtrail.request_parameters, \"POLICYARN\")"));
        assertEquals(all("e1"), ids("any where stringContains~(aws.cloudtrail.request_parameters, \"POLICYARN\")"));
    }

    @Test
    void inIsCaseSensitiveAndInTildeIsNot() {
        assertEquals(all("e2"), ids("any where event.action in (\"attachuserpolicy\", \"nothing\")"));
        assertEquals(all("e1", "e2"), ids("any where event.action in~ (\"attachuserpolicy\", \"nothing\")"));
        assertEquals(all("e3", "e4", "e5", "e6", "e7", "e8"), ids("any where event.action not in~ (\"attachuserpolicy\")"));
    }

    @Test
    void cidrMatchTestsTheIpAndItsNegationKeepsEventsWithoutOne() {
        assertEquals(all("e1"), ids("any where cidrMatch(source.ip, \"10.0.0.0/8\", \"172.16.0.0/12\")"));
        assertEquals(all("e2", "e3", "e4", "e5", "e6", "e7", "e8"), ids("any where not cidrMatch(source.ip, \"10.0.0.0/8\")"));
        assertEquals(all("e2"), ids("any where source.ip == \"192.168.1.1\""));
    }

    @Test
    void aMissingFieldNeverMatchesButNotAndNotEqualsMatchIt() {
        assertEquals(all("e3"), ids("any where user_agent.original == \"Boto3 TruffleHog\""));
        assertEquals(all("e1", "e2", "e4", "e5", "e6", "e7", "e8"), ids("any where user_agent.original != \"Boto3 TruffleHog\""));
        assertEquals(all("e1", "e2", "e4", "e5", "e6", "e7", "e8"), ids("any where not user_agent.original == \"Boto3 TruffleHog\""));
        assertEquals(all("e2", "e4", "e5", "e6", "e7", "e8"), ids("any where user_agent.original == null"));
        assertEquals(all("e1", "e3"), ids("any where user_agent.original != null"));
    }

    @Test
    void aFieldAgainstAFieldRunsAsAScriptThatIsFalseOnNullEvenUnderNot() {
        assertEquals(all("e2"), ids("any where stringContains(aws.cloudtrail.request_parameters, aws.cloudtrail.recipient_account_id)"));
        // e1 has both fields and no containment; every other event lacks recipient_account_id, so the script is null: false.
        assertEquals(all("e1"), ids("any where not stringContains(aws.cloudtrail.request_parameters, aws.cloudtrail.recipient_account_id)"));
        assertEquals(all("e3", "e4"), ids("any where endsWith(event.action, \"v2\")"));
        assertEquals(all("e1", "e2"), ids("any where not endsWith(event.action, \"v2\") and event.action : \"attach*\""));
    }

    @Test
    void lengthAndComparisonsOfComputedValuesRunAsScripts() {
        assertEquals(all("e5", "e6"), ids("any where length(event.action) == 9"));
        // PutBucketLifecycle has 18 characters, AddPermission20150331v2 23.
        assertEquals(all("e3", "e4"), ids("any where length(event.action) > 18"));
        assertEquals(all("e1", "e2", "e5", "e6", "e7", "e8"), ids("any where not length(event.action) > 18"));
        assertEquals(all("e1", "e2"), ids("any where event.action : \"attach*\" and event.action != \"AddPermission\""));
    }

    @Test
    void categoryIsATermOnTheCategoryFieldOrTheRulesOverride() {
        assertEquals(all("e1"), ids("iam where true"));
        assertEquals(all("e5", "e6"), ids("file where true"));
        assertEquals(all("e1"), ids("info where true", "event.type"));
        assertEquals(all("e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8"), ids("any where true"));
    }

    @Test
    void multiValuedFieldsMatchWhenAnyValueDoes() {
        assertEquals(all("e1"), ids("any where event.type == \"change\""));
        assertEquals(all("e5"), ids("file where aws.cloudtrail.resources.arn regex~ \"arn:aws:s3:::[^/]+/.*?(how|decrypt|ransom).*\""
                + " and not aws.cloudtrail.resources.arn regex~ \".*(AWSLogs|CloudTrail|access-logs).*\""));
        assertEquals(all(), ids("any where aws.cloudtrail.resources.arn regex \".*how.*\""));
    }

    @Test
    void startsWithIsAPrefixWhoseWildcardCharactersAreLiteral() {
        assertEquals(all("e3"), ids("any where startsWith(aws.cloudtrail.user_identity.access_key_id, \"ASIA\")"));
        assertEquals(all("e3"), ids("any where startsWith~(aws.cloudtrail.user_identity.access_key_id, \"asia\")"));
        assertEquals(all(), ids("any where startsWith(aws.cloudtrail.user_identity.access_key_id, \"AS*\")"));
    }

    @Test
    void aValueLongerThanIgnoreAboveIsNotIndexedSoQueriesMissIt() {
        // request_parameters has ignore_above 8191: e7 holds 8190 characters, e8 8192.
        assertEquals(all("e7"), ids("any where stringContains(aws.cloudtrail.request_parameters, \"Expiration=\")"));
    }

    @Test
    void fieldsTheStoreLacksAreMissingAndReported() {
        String eql = "any where aws.cloudtrail.flattened.request_parameters.bucketName == \"b\"";
        assertEquals(all(), ids(eql));
        assertEquals(all("e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8"), ids("any where not " + eql.substring(10)));
        List<FieldName> unknown = Eql.lower((EqlQuery.Single) Eql.parse(eql), Eql.DEFAULT_CATEGORY_FIELD).unknownFields();
        assertEquals(List.of("aws.cloudtrail.flattened.request_parameters.bucketName"), unknown.stream().map(FieldName::name).toList());
        assertEquals("1:11", unknown.get(0).position().toString());
    }

    @Test
    void anOptionalFieldTheStoreLacksIsNullSoEvenItsNegationIsFalse() {
        // Elasticsearch replaces a missing ?field with null: null == "x" is null, not null is null, both false.
        assertEquals(all(), ids("any where ?no.such.field == \"x\""));
        assertEquals(all(), ids("any where not ?no.such.field == \"x\""));
        assertEquals(all("e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8"), ids("any where ?no.such.field == null"));
        assertEquals(all(), ids("any where ?no.such.field != null"));
        assertEquals(List.of(), Eql.lower((EqlQuery.Single) Eql.parse("any where ?no.such.field == \"x\""),
                Eql.DEFAULT_CATEGORY_FIELD).unknownFields());
        // An optional field the store has behaves as the plain field.
        assertEquals(all("e3"), ids("any where ?user_agent.original == \"Boto3 TruffleHog\""));
    }

    @Test
    void unsupportedFunctionsAreReportedAtTheirPosition() {
        EqlException e = assertThrows(EqlException.class,
                () -> Eql.toFilter((EqlQuery.Single) Eql.parse("any where\n  substring(event.action, 1) == \"x\""), "event.category"));
        assertEquals("2:3: unsupported: function substring", e.getMessage());
        assertTrue(e.formatted().endsWith("  substring(event.action, 1) == \"x\"\n  ^"), e.formatted());
        EqlException multi = assertThrows(EqlException.class,
                () -> Eql.toFilter((EqlQuery.Single) Eql.parse("any where endsWith(event.type, \"o\")"), "event.category"));
        assertEquals("1:20: unsupported: multi-valued field [event.type] in a computed comparison or function", multi.getMessage());
    }
}
