package dev.trailhunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {
    @TempDir Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void writesTheCorpusAndSummarisesIt() throws Exception {
        Path target = dir.resolve("logs");
        assertEquals(0, run("generate", "--out", target.toString(), "--events", "800", "--files", "3", "--days", "1"));
        assertTrue(out.toString().startsWith("wrote 800 events in "), out.toString());
        try (Stream<Path> files = Files.walk(target)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().endsWith(".json.gz")));
        }
    }

    @Test
    void writesASingleFile() throws Exception {
        Path file = dir.resolve("one.json");
        assertEquals(0, run("generate", "--single-file", file.toString(), "--size-mb", "1"));
        assertTrue(Files.size(file) >= 1_000_000);
    }

    @Test
    void userErrorsAreOneClearLineWithoutStackTrace() {
        assertEquals(2, run("generate", "--out", dir.toString(), "--events", "20"));
        assertTrue(err.toString().startsWith("trailhunt generate: --events must be at least "), err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());

        err.getBuffer().setLength(0);
        assertEquals(2, run("generate", "--out", dir.toString(), "--start", "yesterday"));
        assertTrue(err.toString().startsWith("trailhunt generate: --start must be an ISO instant"), err.toString());
    }

    @Test
    void anUnwritableOutputIsADataProblemInOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        assertEquals(3, run("generate", "--out", file.resolve("logs").toString(), "--events", "800", "--files", "2"));
        String text = err.toString();
        assertTrue(text.startsWith("trailhunt generate: cannot write the logs: "), text);
        assertEquals(1, text.lines().count(), text);
    }
}
