package dev.trailhunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a store that trailhunt wrote with the DuckDB Python client (the 1.5 releases users have) and
 * reads {@code events} and {@code files}, as the README's notebook recipe does. The Python comes from
 * {@code TRAILHUNT_PYTHON} ({@code .ci/run} installs duckdb into a virtual environment and sets it), else
 * {@code python3}; without one that has duckdb the test is skipped with the reason printed.
 */
class PythonClientTest {
    @TempDir Path dir;

    @Test
    void pythonDuckdbReadsEventsAndFiles() throws Exception {
        String python = System.getenv().getOrDefault("TRAILHUNT_PYTHON", "python3");
        Probe version = python(python, "import duckdb; print(duckdb.__version__)");
        if (version.code() != 0) {
            String reason = "skipped: no DuckDB Python client (" + python + ": " + version.out().strip().lines().reduce((a, b) -> b).orElse("not found")
                    + "); .ci/run installs one";
            System.out.println("python client: " + reason);
            assumeTrue(false, reason);
        }
        // A store of its own, written by `trailhunt ingest` as a user would.
        Path db = dir.resolve("case.duckdb");
        assertEquals(0, Cli.run("ingest", "--db", db.toString(), SamplesStore.SAMPLES.toString()).code());
        Cli events = Cli.run("query", "--db", db.toString(), "-f", "csv", "--esql",
                "from logs-aws.cloudtrail* | stats n = count(*) by event.action | sort n desc, event.action | limit 3");
        Cli files = Cli.run("query", "--db", db.toString(), "-f", "csv", "--esql", "from logs-aws.cloudtrail* | stats n = count(*)");
        String script = String.join("\n",
                "import duckdb, sys",
                "con = duckdb.connect(sys.argv[1], read_only=True)",
                "print('n,event.action')",
                "for action, n in con.execute('SELECT \"event.action\", count(*) AS n FROM events GROUP BY ALL ORDER BY n DESC, 1 LIMIT 3').fetchall():",
                "    print(f'{n},{action}')",
                "print(con.execute('SELECT sum(events) FROM files WHERE status = ?', ['loaded']).fetchone()[0])",
                "print(con.execute('SELECT count(*) FROM files').fetchone()[0])");
        Probe p = python(python, script, db.toString());
        assertEquals(0, p.code(), p.out());
        List<String> lines = p.out().lines().toList();
        System.out.println("python client: duckdb " + version.out().strip() + " opened a trailhunt store and read events and files");
        // The Python client sees the same answer as trailhunt's ES|QL, and the files table counts every event.
        assertEquals(events.out().lines().toList(), lines.subList(0, 4));
        assertEquals(files.out().lines().toList().get(1), lines.get(4));
        assertTrue(Long.parseLong(lines.get(5)) >= 39, p.out());
    }

    private record Probe(int code, String out) {}

    private Probe python(String python, String script, String... args) throws Exception {
        Path file = Files.writeString(dir.resolve("probe-" + System.nanoTime() + ".py"), script);
        List<String> command = new java.util.ArrayList<>(List.of(python, file.toString()));
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            return new Probe(127, e.getMessage());
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Probe(124, out + "\ntimed out");
        }
        return new Probe(p.exitValue(), out);
    }
}
