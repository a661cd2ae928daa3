package dev.trailhunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts a real JVM the way a user who bypasses {@code ./trailhunt} and {@code java -jar} would ({@code java -cp},
 * without the add-opens that Arrow's memory needs): ingest must fail with one line naming the option, not
 * Arrow's stack trace, before any staging folder exists.
 */
class AddOpensTest {
    @TempDir Path dir;

    @Test
    void ingestWithoutTheOptionSaysWhichOptionInOneLine() throws Exception {
        Path db = dir.resolve("s.duckdb");
        Path tmp = Files.createDirectories(dir.resolve("child-tmp"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "ingest", "--db", db.toString(), SamplesStore.SAMPLES.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), err);
        assertEquals(List.of("trailhunt ingest: loading logs needs the JVM option --add-opens=java.base/java.nio=ALL-UNNAMED"
                + " (Arrow's memory); ./trailhunt and java -jar give it"), err.lines().toList());
        try (var left = Files.list(dir)) {
            assertFalse(left.anyMatch(f -> f.getFileName().toString().startsWith("s.duckdb.staging-")), "staging folder left");
        }
    }
}
