package dev.trailhunt.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trailhunt.engine.Store;
import dev.trailhunt.eql.Eql;
import dev.trailhunt.eql.SequenceMatcher;
import dev.trailhunt.eql.ast.EqlQuery;
import dev.trailhunt.eql.ast.Step;
import dev.trailhunt.esql.ast.Command;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.esql.ast.Source;
import dev.trailhunt.esql.ast.Where;
import dev.trailhunt.esql.parser.EsqlParser;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs three of Elastic's EQL rules (queries copied verbatim from the corpus) end to end on DuckDB over events
 * made from each rule: one that must fire, then variants that each break one condition.
 */
class EqlRuleEventsTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    /** discovery_bedrock_model_recon_and_invocation_via_long_term_key.toml. */
    private static final String BEDROCK = """
            sequence by aws.cloudtrail.user_identity.access_key_id with maxspan=15m
              [any where data_stream.dataset == "aws.cloudtrail"
                and event.provider == "bedrock.amazonaws.com"
                and event.action == "ListFoundationModels"
                and event.outcome == "success"
                and aws.cloudtrail.user_identity.access_key_id like "AKIA*"]
              [any where data_stream.dataset == "aws.cloudtrail"
                and event.provider == "bedrock.amazonaws.com"
                and event.action : ("InvokeModel", "InvokeModelWithResponseStream", "Converse", "ConverseStream")
                and event.outcome == "success"]
            """;
    /** persistence_lambda_backdoor_invoke_function_for_any_principal.toml, event_category_override event.type. */
    private static final String LAMBDA = """
            info where data_stream.dataset == "aws.cloudtrail"
                and event.provider == "lambda.amazonaws.com"
                and event.outcome == "success"
                and event.action : "AddPermission*"
                and stringContains(aws.cloudtrail.request_parameters, "lambda:InvokeFunction")
                and stringContains(aws.cloudtrail.request_parameters, "principal=\\\\*")
            """;

    private static Store store;
    private final EsqlTranslator translator = new EsqlTranslator(EventsFixture.sources(),
            TranslateOptions.defaults(Instant.parse("2024-06-01T00:00:00Z")));

    @BeforeAll
    static void events() {
        store = Store.openInMemory();
        EventsFixture.create(store);
        bedrock("b1", 0, "AKIA1", "ListFoundationModels");
        bedrock("b2", 15 * 60, "AKIA1", "InvokeModel");           // exactly maxspan after b1: fires
        bedrock("b3", 0, "AKIA2", "ListFoundationModels");
        bedrock("b4", 15 * 60 + 1, "AKIA2", "Converse");          // one second too late
        bedrock("b5", 0, "ASIA3", "ListFoundationModels");        // temporary key: not like "AKIA*"
        bedrock("b6", 60, "ASIA3", "InvokeModel");
        bedrock("b7", 0, "AKIA4", "ListFoundationModels");
        bedrock("b8", 60, "AKIA4", "invokemodel");                // ':' ignores case: fires
        bedrock("b9", 0, "AKIA5", "InvokeModel");                 // wrong order
        bedrock("b10", 60, "AKIA5", "ListFoundationModels");
        lambda("l1", "success", "AddPermission20150331v2", "lambda:InvokeFunction principal=*");
        lambda("l2", "success", "addpermission20150331v2", "lambda:InvokeFunction principal=*");   // ':' ignores case
        lambda("l3", "failure", "AddPermission20150331v2", "lambda:InvokeFunction principal=*");
        lambda("l4", "success", "AddPermission20150331v2", "lambda:InvokeFunction principal=arn:aws:iam::1:root");
        lambda("l5", "success", "AddPermission20150331v2", "lambda:GetFunction principal=*");
        Map<String, Object> noInfo = row("l6", 0);
        noInfo.putAll(Map.of("event.provider", "lambda.amazonaws.com", "event.outcome", "success",
                "event.action", "AddPermission20150331v2", "event.type", List.of("change"),
                "aws.cloudtrail.request_parameters", "lambda:InvokeFunction principal=*"));
        EventsFixture.insert(store, noInfo);
    }

    private static Map<String, Object> row(String id, long seconds) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("event.id", id);
        r.put("@timestamp", T0.plusSeconds(seconds));
        r.put("data_stream.dataset", "aws.cloudtrail");
        return r;
    }

    private static void bedrock(String id, long seconds, String key, String action) {
        Map<String, Object> r = row(id, seconds);
        r.put("event.provider", "bedrock.amazonaws.com");
        r.put("event.action", action);
        r.put("event.outcome", "success");
        r.put("aws.cloudtrail.user_identity.access_key_id", key);
        EventsFixture.insert(store, r);
    }

    private static void lambda(String id, String outcome, String action, String parameters) {
        Map<String, Object> r = row(id, 0);
        r.put("event.provider", "lambda.amazonaws.com");
        r.put("event.outcome", outcome);
        r.put("event.action", action);
        r.put("event.type", List.of("change", "info"));
        r.put("aws.cloudtrail.request_parameters", parameters);
        EventsFixture.insert(store, r);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private List<List<Object>> rows(Expr filter, String keep) {
        Query base = EsqlParser.parse("from logs-* | where true | keep " + keep + " | sort @timestamp, event.id | limit 1000");
        List<Command> commands = new ArrayList<>(base.commands());
        commands.set(1, new Where(filter, Source.EMPTY));
        Translation t = translator.translate(new Query(commands, base.source()));
        return store.query(t.sql(), t.columns()).rows();
    }

    private static Instant instant(Object v) {
        return v instanceof Instant i ? i : ((LocalDateTime) v).toInstant(ZoneOffset.UTC);
    }

    @Test
    void theBedrockSequenceFiresPerKeyInOrderWithinAnInclusiveMaxspan() {
        EqlQuery.Sequence seq = (EqlQuery.Sequence) Eql.parse(BEDROCK);
        assertEquals(Duration.ofMinutes(15), seq.maxspan());
        List<SequenceMatcher.Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < seq.steps().size(); i++) {
            Step step = seq.steps().get(i);
            Expr filter = Eql.toFilter(seq, step, Eql.DEFAULT_CATEGORY_FIELD);
            for (List<Object> r : rows(filter, "event.id, @timestamp, aws.cloudtrail.user_identity.access_key_id")) {
                candidates.add(new SequenceMatcher.Candidate(i, instant(r.get(1)), (String) r.get(0),
                        java.util.Arrays.asList(r.get(2)), (String) r.get(0)));
            }
        }
        List<List<String>> fired = SequenceMatcher.match(seq.steps().size(), seq.maxspan(), candidates).stream()
                .map(SequenceMatcher.Match::eventIds).toList();
        assertEquals(List.of(List.of("b7", "b8"), List.of("b1", "b2")), fired);
    }

    @Test
    void theLambdaRuleFiresOnlyOnALiteralStarPrincipalInAnInfoEvent() {
        Expr filter = Eql.toFilter((EqlQuery.Single) Eql.parse(LAMBDA), "event.type");
        List<Object> ids = rows(filter, "event.id, @timestamp").stream().map(r -> r.get(0)).toList();
        assertEquals(List.of("l1", "l2"), ids);
    }
}
