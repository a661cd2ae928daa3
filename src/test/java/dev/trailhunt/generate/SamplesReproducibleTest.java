package dev.trailhunt.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regenerates the committed samples and demands the very same bytes, so generator and samples never drift. */
class SamplesReproducibleTest {
    static final Path SAMPLES = Path.of("samples", "cloudtrail");

    @TempDir Path dir;

    @Test
    void committedSamplesAreExactlyWhatTheGeneratorWrites() throws Exception {
        new LogGenerator(2).generate(GeneratorOptions.samples(dir));
        List<Path> committed = TrailFiles.list(SAMPLES);
        assertEquals(TrailFiles.list(dir), committed,
                "file set differs: regenerate with `java -jar target/trailhunt.jar generate --out samples/cloudtrail`");
        for (Path rel : committed) {
            byte[] expected = Files.readAllBytes(SAMPLES.resolve(rel));
            byte[] actual = Files.readAllBytes(dir.resolve(rel));
            if (!Arrays.equals(expected, actual)) {
                // Tell a generator change apart from a different deflate implementation in this JDK.
                assertArrayEquals(TrailFiles.gunzip(SAMPLES.resolve(rel)), TrailFiles.gunzip(dir.resolve(rel)),
                        "JSON content of " + rel + " differs: the generator changed; regenerate the samples");
                fail("same JSON but different gzip bytes for " + rel + ": this JDK's zlib deflates differently");
            }
        }
    }
}
