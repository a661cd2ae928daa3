package dev.trailhunt.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SpecFileTest {
    private static final String SPEC = String.join("\n",
            "// a file comment",
            "simple",
            "row a = 1;",
            "",
            "a:integer",
            "1",
            ";",
            "",
            "  withEverything#[skip:-8.12.99,reason:old]  ",
            "required_capability: first_cap",
            "REQUIRED_CAPABILITY:   second_cap  ",
            "skip_flattened_rewrite: field_extract_multivalue_null",
            "request_stored: skip",
            "FROM employees",
            "// tag::inside[]",
            "| where a > 1",
            "| keep a;",
            "warning:Line 1:2: evaluation failed",
            "warning:Line 1:2: second",
            "ignoreOrder:true",
            "a:keyword",
            "# hash comment inside the table",
            "x",
            "y",
            ";",
            "setFirst",
            "SET time_zone=\"+03:00\"\\;",
            "ROW x = 1",
            ";",
            "x:integer",
            ";",
            "broken-Ignore",
            "row b = 2;",
            "b:integer",
            "; trailing text is ignored");

    @Test
    void readsCasesTheWayElasticsearchDoes() {
        SpecFile f = SpecFile.parse("t.csv-spec", SPEC);
        assertEquals(List.of("simple", "withEverything", "setFirst", "broken-Ignore"),
                f.cases().stream().map(SpecCase::name).toList());

        SpecCase simple = f.cases().get(0);
        assertEquals("row a = 1", simple.query());
        assertEquals(List.of("a:integer", "1"), simple.resultLines());
        assertFalse(simple.ignoreOrder());
        assertEquals(2, simple.line());

        SpecCase all = f.cases().get(1);
        assertEquals("[skip:-8.12.99,reason:old]", all.instructions());
        assertEquals(List.of("first_cap", "second_cap"), all.capabilities());
        assertEquals("FROM employees\r\n| where a > 1\r\n| keep a", all.query());
        assertEquals(List.of("Line 1:2: evaluation failed", "Line 1:2: second"), all.warnings());
        assertTrue(all.ignoreOrder());
        assertEquals(List.of("a:keyword", "x", "y"), all.resultLines());
        assertTrue(all.enabled());

        assertEquals("SET time_zone=\"+03:00\";\r\nROW x = 1", f.cases().get(2).query());
        assertFalse(f.cases().get(3).enabled());
    }

    @Test
    void skipRangesReachingCurrentVersionsSwitchCasesOff() {
        SpecFile f = SpecFile.parse("s", String.join("\n",
                "old#[skip:-8.12.99]", "row a=1;", "a:integer", ";",
                "never#[skip:-9.99.99,reason:not yet fixed]", "row a=1;", "a:integer", ";",
                "open#[skip:8.0.0-]", "row a=1;", "a:integer", ";",
                "plain", "row a=1;", "a:integer", ";"));
        assertEquals(List.of(true, false, false, true), f.cases().stream().map(SpecCase::enabled).toList());
    }

    @Test
    void rejectsDuplicateNamesIgnoringCase() {
        assertThrows(SpecFormatException.class, () -> SpecFile.parse("d", "a\nrow x=1;\nx:integer\n;\nA\nrow x=1;\nx:integer\n;"));
    }

    @Test
    void rejectsMixedWarningStylesAndUnterminatedCases() {
        assertThrows(SpecFormatException.class, () -> SpecFile.parse("w", "a\nrow x=1;\nwarning:x\nwarningRegex:y\nx:integer\n;"));
        assertThrows(SpecFormatException.class, () -> SpecFile.parse("u", "a\nrow x=1;\nx:integer\n1"));
    }

    @Test
    void readsTheWholeSharedCorpus() throws IOException {
        Path dir = SpecFolder.defaultFolder();
        assumeTrue(Files.isDirectory(dir), "no corpus at " + dir);
        int cases = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(x -> x.toString().endsWith(".csv-spec")).sorted().toList()) {
                SpecFile f = SpecFile.read(p);
                // Every case closes with a line starting with ';' and has a header, so each has a result table.
                f.cases().forEach(c -> assertFalse(c.resultLines().isEmpty(), c.id()));
                cases += f.cases().size();
            }
        }
        // Counted independently: non-comment lines that follow a closing ';' (or start the file) name a case.
        assertEquals(independentCaseCount(dir), cases);
    }

    private static int independentCaseCount(Path dir) throws IOException {
        int count = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(x -> x.toString().endsWith(".csv-spec")).toList()) {
                boolean idle = true;
                boolean inResults = false;
                for (String raw : Files.readAllLines(p)) {
                    String line = raw.trim();
                    if (line.isEmpty() || line.startsWith("//") || line.startsWith("#")) {
                        continue;
                    }
                    if (idle) {
                        count++;
                        idle = false;
                        inResults = false;
                    } else if (!inResults) {
                        inResults = line.endsWith(";") && !line.endsWith("\\;");
                    } else if (line.startsWith(";")) {
                        idle = true;
                    }
                }
            }
        }
        return count;
    }
}
