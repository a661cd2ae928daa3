package dev.trailhunt.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps the number of passing csv-spec cases in the shared corpus from going down. */
class EsqlSpecFloorTest {
    /** Pins the pass count last measured on ../shared/corpus/esql-spec; raise it when more pass. */
    static final int PASSED_FLOOR = 970;

    @Test
    void passCountNeverDrops() {
        Path dir = SpecFolder.defaultFolder();
        assumeTrue(SpecFolder.override().isEmpty(), "the floor applies to the shared corpus only");
        assumeTrue(SpecFolder.usable(dir), "no csv-spec corpus at " + dir);
        ConformanceRun.Tally total = ConformanceRun.of(dir).tally(null);
        assertTrue(total.passed() >= PASSED_FLOOR,
                "csv-spec cases passing dropped to " + total.passed() + " from the pinned " + PASSED_FLOOR);
    }
}
