package dev.trailhunt.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceRunTest {
    @TempDir Path dir;

    @Test
    void summarisesPerFileThenTotalAndWritesEveryCase() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/people.csv"), "n:keyword,age:integer\nann,30\nbob,40\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("a.csv-spec"), String.join("\n",
                "ok", "from people | stats c = count(*);", "c:long", "2", ";",
                "wrong", "from people | where age > 35 | keep n;", "n:keyword", "ann", ";",
                "gone", "from nowhere;", "x:keyword", ";",
                "off-Ignore", "row a = 1;", "a:integer", "1", ";"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("b.csv-spec"), String.join("\n",
                "row", "row a = 1;", "a:integer", "1", ";"), StandardCharsets.UTF_8);

        ConformanceRun run = ConformanceRun.of(dir);
        assertEquals(List.of(
                "a.csv-spec esql-spec: 1 passed, 1 failed, 1 unsupported",
                "b.csv-spec esql-spec: 1 passed, 0 failed, 0 unsupported",
                "esql-spec: 2 passed, 1 failed, 1 unsupported"), run.summaryLines());

        Path report = dir.resolve("out/report.txt");
        run.writeReport(report);
        String text = Files.readString(report, StandardCharsets.UTF_8);
        assertTrue(text.contains("a.csv-spec:wrong\tfailed\twrong answer: row 1 column [n]: expected \"ann\" but was \"bob\""), text);
        assertTrue(text.contains("a.csv-spec:gone\tunsupported\tunsupported: dataset [nowhere]"), text);
        assertTrue(text.contains("a.csv-spec:off-Ignore\tdisabled"), text);
        assertTrue(text.contains("    1  wrong answer: row N column []  (e.g. a.csv-spec:wrong)"), text);
    }
}
