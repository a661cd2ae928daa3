package dev.trailhunt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Report paths are relative to the working directory, as the README says, inside it and outside it. */
class DisplayPathTest {
    private static final Path CWD = Path.of("").toAbsolutePath();

    @Test
    void absolutePathsBecomeRelativeToTheWorkingDirectory() {
        assertEquals("samples/cloudtrail/a.json.gz", ReportOutline.displayPath(CWD.resolve("samples/cloudtrail/a.json.gz").toString()));
        assertEquals("../logs/b.json", ReportOutline.displayPath(CWD.getParent().resolve("logs/b.json").toString()));
        assertEquals("../logs/export.zip!/c.json", ReportOutline.displayPath(CWD.getParent().resolve("logs/export.zip!/c.json").toString()));
    }

    @Test
    void relativePathsStayAsIngestStoredThem() {
        assertEquals("logs/d.json", ReportOutline.displayPath("logs/d.json"));
        assertEquals("../x/e.json", ReportOutline.displayPath("../x/e.json"));
    }
}
