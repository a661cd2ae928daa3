package dev.trailhunt.esql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Parses every ES|QL query of Elastic's hunting library and checks that only the known-bad ones fail, where expected.
 */
class HuntCorpusParseTest {

    /**
     * Lists the upstream hunts that are not valid ES|QL, with the error each must get; the defects were checked by
     * reading the query text, not by running the parser.
     */
    private static final Map<String, String> KNOWN_BAD = knownBad();

    private static Map<String, String> knownBad() {
        Map<String, String> bad = new TreeMap<>();
        // '=' where '==' is meant (event.provider = "servicequotas.amazonaws.com").
        bad.put("aws/servicequotas_discovery_multi_region_get_service_quota_calls.toml #0",
                "5:62: '=' assigns; use '==' to compare");
        // "\?" and "\." in a plain string: Elasticsearch's lexer knows only \t \n \r \" \\.
        bad.put("other/azure/aks_kubelet_proxy_command_execution_from_external_source.toml #0",
                "12:85: invalid escape sequence '\\?'");
        // A dangling "or" before the closing parenthesis.
        bad.put("other/azure/entra_authentication_attempts_behind_rare_user_agents.toml #0",
                "42:5: expected an expression but found ')'");
        // "reset_counts = by ...": an assignment without an expression.
        bad.put("other/okta/credential_access_rapid_reset_password_requests_for_different_users.toml #0",
                "13:23: expected '|' or end of query but found 'okta'");
        // now(-): a minus with no operand.
        bad.put("other/windows/execution_via_windows_scheduled_task_with_low_occurrence_frequency.toml #0",
                "2:28: expected an expression but found ')'");
        // A stray "sql" line before FROM.
        for (String file : List.of("persistence_general_kernel_manipulation", "persistence_via_desktop_bus",
                "persistence_via_grub_bootloader", "persistence_via_initramfs",
                "persistence_via_network_manager_dispatcher_script")) {
            for (int i = 0; i < 2; i++) {
                bad.put("other/linux/" + file + ".toml #" + i, "1:1: expected a source command (FROM or ROW) but found 'sql'");
            }
        }
        bad.put("other/linux/persistence_via_policykit.toml #0",
                "1:1: expected a source command (FROM or ROW) but found 'sql'");
        return bad;
    }

    @Test
    void everyHuntQueryParsesOrFailsWhereExpected() {
        Path shared = ParserCorpus.shared().orElse(null);
        Assumptions.assumeTrue(shared != null, "../shared is absent");
        List<ParserCorpus.CorpusQuery> queries = ParserCorpus.huntQueries(shared.resolve("corpus/elastic-hunting"));
        int esql = 0;
        int parsed = 0;
        List<String> failures = new ArrayList<>();
        Map<String, String> badSeen = new TreeMap<>();
        for (ParserCorpus.CorpusQuery query : queries) {
            if (ParserCorpus.isSql(query.text())) {
                continue;
            }
            esql++;
            String key = query.file() + " " + query.name();
            try {
                EsqlParser.parse(query.text());
                parsed++;
                if (KNOWN_BAD.containsKey(key)) {
                    failures.add(key + " parsed but is known to be invalid");
                }
            } catch (EsqlSyntaxException e) {
                String expected = KNOWN_BAD.get(key);
                if (expected == null || !e.getMessage().startsWith(expected)) {
                    failures.add(key + " " + e.getMessage() + (expected == null ? "" : " (expected " + expected + ")"));
                } else {
                    badSeen.put(key, e.getMessage());
                }
            }
        }
        System.out.println("elastic hunts: parsed " + parsed + "/" + esql + " (" + badSeen.size()
                + " known-bad with positioned errors)");
        assertEquals(List.of(), failures);
        assertEquals(KNOWN_BAD.keySet(), badSeen.keySet());
        assertEquals(esql, parsed + KNOWN_BAD.size());
    }
}
