package dev.trailhunt.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.trailhunt.engine.Store;
import dev.trailhunt.esql.ast.Command;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.esql.ast.Source;
import dev.trailhunt.esql.ast.Where;
import dev.trailhunt.esql.parser.EsqlParser;
import dev.trailhunt.ingest.ecs.EcsMapper;
import dev.trailhunt.kql.Kql;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs Elastic's KQL rules, as they ship, over Panther's labelled CloudTrail test events mapped by the ingest,
 * and checks how many events each matches. The expected counts come from the raw events with jq, by the
 * rule's own conditions and the pipeline's event.outcome (failure when errorCode or errorMessage is set;
 * ConsoleLogin's responseElements.ConsoleLogin, lower-cased), e.g. for the flow-log rule:
 * {@code jq 'select(.event.eventSource=="ec2.amazonaws.com" and .event.eventName=="DeleteFlowLogs" and .event.errorCode==null)'}.
 */
class KqlRulesCorpusTest {
    private static final Map<String, Integer> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("rules/integrations/aws/defense_evasion_ec2_flow_log_deletion.toml", 1);
        EXPECTED.put("rules/integrations/aws/collection_cloudtrail_logging_created.toml", 1);
        // event.action: (DeleteFunction or DeleteFunction20*): four DeleteFunction events
        EXPECTED.put("rules/integrations/aws/impact_lambda_function_deleted.toml", 4);
        // event.action: (PublishLayerVersion* or UpdateFunctionConfiguration*): five UpdateFunctionConfiguration20150331v2
        EXPECTED.put("rules/integrations/aws/execution_lambda_external_layer_added_to_function.toml", 5);
        // Root ConsoleLogin with responseElements.ConsoleLogin "Success"
        EXPECTED.put("rules/integrations/aws/initial_access_console_login_root.toml", 4);
        EXPECTED.put("rules/integrations/aws/persistence_ec2_route_table_modified_or_deleted.toml", 0);
    }

    @Test
    void rulesMatchTheLabelledEventsTheirConditionsSelect() throws IOException {
        Path shared = EventsFixture.shared().orElse(null);
        assumeTrue(shared != null, "../shared is absent");
        Path rules = shared.resolve("corpus/elastic-rules");
        List<JsonNode> records = CorpusEvents.panther(shared);
        EsqlTranslator translator = new EsqlTranslator(EventsFixture.sources(), TranslateOptions.defaults(FunctionCases.NOW));
        Query base = EsqlParser.parse("FROM logs-aws.cloudtrail-* | KEEP event.id");
        Map<String, Integer> actual = new LinkedHashMap<>();
        try (Store store = Store.openInMemory()) {
            EventsFixture.create(store);
            CorpusEvents.load(store, records, new EcsMapper(CorpusEvents.latest(records)));
            for (String rule : EXPECTED.keySet()) {
                String kql = new TomlMapper().readTree(rules.resolve(rule).toFile()).path("rule").path("query").asText();
                List<Command> commands = new ArrayList<>(base.commands());
                commands.add(1, new Where(Kql.toFilter(kql), Source.EMPTY));
                Translation t = translator.translate(new Query(commands, base.source()));
                actual.put(rule, store.query(t.sql(), t.columns()).size());
            }
        }
        assertEquals(EXPECTED, actual);
    }
}
