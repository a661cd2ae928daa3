package dev.trailhunt.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs Elasticsearch's csv-spec conformance cases through trailhunt and reports how many pass.
 *
 * <p>Case failures do not fail the build: they are counted, printed per file and in total, and
 * listed with reasons in {@code target/esql-spec-report.txt}. {@link EsqlSpecFloorTest} keeps the
 * pass count from going down.
 */
class EsqlSpecConformanceTest {
    @Test
    void reportsConformanceOfEveryCase() throws Exception {
        Path dir = SpecFolder.chosen();
        assumeTrue(SpecFolder.usable(dir), "no csv-spec folder at " + dir);
        ConformanceRun run = ConformanceRun.of(dir);
        run.writeReport(Path.of("target", "esql-spec-report.txt"));
        run.summaryLines().forEach(System.out::println);
        assertTrue(run.tally(null).total() > 0, "the folder " + dir + " holds no csv-spec cases");
    }
}
