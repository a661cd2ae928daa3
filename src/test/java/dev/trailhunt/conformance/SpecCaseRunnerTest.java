package dev.trailhunt.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecCaseRunnerTest {
    private static final String SPEC = String.join("\n",
            "rowPasses",
            "row a = 1, b = \"x\";",
            "a:integer | b:keyword",
            "1         | x",
            ";",
            "fromPasses",
            "from people | sort n | keep n, tags;",
            "n:keyword | tags:keyword",
            "ann       | [a, b]",
            "bob       | c",
            ";",
            "unorderedPasses",
            "from people | keep n;",
            "ignoreOrder:true",
            "n:keyword",
            "bob",
            "ann",
            ";",
            "wrongValue",
            "row a = 1;",
            "a:integer",
            "2",
            ";",
            "wrongType",
            "row a = 1;",
            "a:keyword",
            "1",
            ";",
            "missingDataset",
            "from airports | keep name;",
            "name:keyword",
            ";",
            "sessionSetting",
            "SET time_zone=\"+03:00\"\\;",
            "row a = 1;",
            "a:integer",
            "1",
            ";",
            "notValidEsql",
            "row a = ;",
            "a:integer",
            ";",
            "switchedOff-Ignore",
            "row a = 1;",
            "a:integer",
            "2",
            ";",
            "spatialResult",
            "row a = 1;",
            "a:geo_point",
            ";");

    @Test
    void classifiesCasesEndToEnd() throws Exception {
        SpecDatasets datasets = SpecDatasets.of(List.of(SpecDataset.parse("people", List.of("n:keyword,tags:keyword", "bob,c", "ann,[b,a]"))));
        Map<String, CaseResult> results = new LinkedHashMap<>();
        try (SpecCaseRunner runner = new SpecCaseRunner(datasets, Instant.parse("2024-01-01T00:00:00Z"))) {
            for (SpecCase c : SpecFile.parse("t.csv-spec", SPEC).cases()) {
                results.put(c.name(), runner.run(c));
            }
        }
        Map<String, CaseResult.Outcome> outcomes = new LinkedHashMap<>();
        results.forEach((name, r) -> outcomes.put(name, r.outcome()));
        assertEquals(Map.of(
                "rowPasses", CaseResult.Outcome.PASSED,
                "fromPasses", CaseResult.Outcome.PASSED,
                "unorderedPasses", CaseResult.Outcome.PASSED,
                "wrongValue", CaseResult.Outcome.FAILED,
                "wrongType", CaseResult.Outcome.FAILED,
                "missingDataset", CaseResult.Outcome.UNSUPPORTED,
                "sessionSetting", CaseResult.Outcome.UNSUPPORTED,
                "notValidEsql", CaseResult.Outcome.FAILED,
                "switchedOff-Ignore", CaseResult.Outcome.DISABLED,
                "spatialResult", CaseResult.Outcome.UNSUPPORTED), outcomes, results.toString());
        assertEquals("wrong answer: row 1 column [a]: expected 2 but was 1", results.get("wrongValue").reason());
        assertEquals("unsupported: dataset [airports]", results.get("missingDataset").reason());
        assertTrue(results.get("notValidEsql").reason().startsWith("syntax: 1:"), results.get("notValidEsql").reason());
        assertTrue(results.get("rowPasses").sql().toLowerCase(java.util.Locale.ROOT).contains("select"));
    }
}
