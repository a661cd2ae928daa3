package dev.trailhunt.trino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every built-in hunt and every Elastic AWS hunt of ../shared on DuckDB and on a real Trino 435,
 * over the same events (the project's samples and the invictus-ir real CloudTrail), through the
 * built CLI ({@code hunt --format json} against {@code --db} and against {@code --engine trino --url}),
 * and compares the rows.
 *
 * <p>Rows are equal when the JSON is equal, numbers included, except doubles, which may differ in
 * the last bits (Trino sums without Kahan compensation): relative tolerance 1e-9. A hunt that Trino
 * cannot run (an {@code unsupported on trino} feature) counts as not equal and is listed.
 * Prints {@code trino parity: N/M queries equal}.
 */
class TrinoParityIT {
    private static final Path JAR = Path.of(System.getProperty("trailhunt.jar", "../target/trailhunt.jar")).toAbsolutePath();
    private static final Path SHARED = Path.of(System.getProperty("trailhunt.shared", "../../shared")).toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Surefire's stdout, kept before Trino's airlift logging redirects System.out into its log. */
    private static final PrintStream OUT = System.out;

    private static EmbeddedTrino trino;

    @TempDir
    static Path work;

    @BeforeAll
    static void start() {
        assertTrue(Files.isRegularFile(JAR), "build the CLI first (mvn -B -ntp package -DskipTests): " + JAR);
        long t0 = System.nanoTime();
        trino = new EmbeddedTrino();
        OUT.printf(Locale.ROOT, "trino 435 started in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    @AfterAll
    static void stop() {
        if (trino != null) {
            trino.close();
        }
    }

    /** A dataset: the inputs ingested into one store and one Trino table. */
    private record Dataset(String table, List<Path> inputs) {}

    /**
     * Keeps the loaded Trino up for manual runs of the CLI against it when {@code -Dtrino.serve=SECONDS}
     * is given (a debugging aid: {@code mvn test -Dtrino.serve=1200 -Dtest=TrinoParityIT#serve}).
     */
    @Test
    void serve() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("trino.serve") != null, "only with -Dtrino.serve=SECONDS");
        for (Dataset d : datasets()) {
            load(d);
        }
        OUT.println("serving " + trino.url() + " for " + System.getProperty("trino.serve") + " s; stores in " + work);
        Thread.sleep(Long.parseLong(System.getProperty("trino.serve")) * 1000);
    }

    private static List<Dataset> datasets() {
        List<Dataset> datasets = new ArrayList<>();
        datasets.add(new Dataset("samples", List.of(Path.of("../samples/cloudtrail").toAbsolutePath())));
        Path invictus = SHARED.resolve("corpus/cloudtrail/invictus-ir_aws_dataset/CloudTrail");
        if (Files.isDirectory(invictus)) {
            datasets.add(new Dataset("invictus", List.of(invictus)));
        }
        return datasets;
    }

    /** Ingests a dataset with the CLI into its store and copies the store's events into a Trino table of the same name. */
    private static Path load(Dataset d) throws Exception {
        Path db = work.resolve(d.table() + ".duckdb");
        List<String> ingest = new ArrayList<>(List.of("ingest", "--db", db.toString()));
        d.inputs().forEach(p -> ingest.add(p.toString()));
        Run ing = cli(ingest);
        assertEquals(0, ing.exit(), "ingest " + d.table() + ": " + ing.err());
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + db, readOnly());
                Connection t = trino.connect()) {
            int rows = TrinoLoader.load(duck, t, d.table());
            OUT.println("loaded " + rows + " events into memory.default." + d.table());
        }
        return db;
    }

    @Test
    void builtInAndElasticHuntsGiveTheSameRowsOnTrino() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("trino.serve") == null, "serving for manual runs");
        List<Dataset> datasets = datasets();
        List<String> hunts = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("../src/main/resources/hunts/index.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                hunts.add(line.strip().replaceAll("\\.toml$", ""));
            }
        }
        Path elastic = SHARED.resolve("corpus/elastic-hunting/aws");
        if (Files.isDirectory(elastic)) {
            try (Stream<Path> s = Files.list(elastic)) {
                s.filter(p -> p.toString().endsWith(".toml")).sorted().forEach(p -> hunts.add(p.toString()));
            }
        }
        int total = 0;
        int equal = 0;
        int withRows = 0;
        List<String> different = new ArrayList<>();
        for (Dataset d : datasets) {
            Path db = load(d);
            for (String hunt : hunts) {
                total++;
                String name = d.table() + "/" + Path.of(hunt).getFileName().toString().replaceAll("\\.toml$", "");
                Run onDuck = cli(List.of("hunt", "--db", db.toString(), "--format", "json", hunt));
                Run onTrino = cli(List.of("hunt", "--engine", "trino", "--url", trino.url(), "--table", d.table(), "--format", "json", hunt));
                String verdict = compare(onDuck, onTrino);
                if (verdict == null) {
                    equal++;
                    int n = JSON.readTree(onDuck.out()).size();
                    withRows += n > 0 ? 1 : 0;
                    OUT.println("  equal     " + name + ": " + n + " rows");
                } else {
                    different.add(name + ": " + verdict);
                    OUT.println("  DIFFERENT " + name + ": " + verdict);
                }
            }
        }
        OUT.println("trino parity: " + equal + "/" + total + " queries equal");
        OUT.println("trino parity detail: " + withRows + " of the equal queries return rows");
        assertTrue(equal > 0, "no query gave equal rows: " + different);
        // The only difference allowed is an upstream hunt that neither engine can parse (it writes `=` for `==`).
        List<String> unexpected = different.stream()
                .filter(d -> !(d.contains("servicequotas_discovery_multi_region_get_service_quota_calls") && d.contains("'=' assigns")))
                .toList();
        assertTrue(unexpected.isEmpty(), "queries whose rows differ between DuckDB and Trino: " + unexpected);
        assertTrue(withRows > 0, "every equal query returned no rows: the comparison proves nothing");
    }

    /** Returns null when both runs succeeded with equal rows, else why not. */
    private static String compare(Run duck, Run trino) throws IOException {
        if (duck.exit() != 0) {
            return "DuckDB run failed (exit " + duck.exit() + "): " + firstLine(duck.err());
        }
        if (trino.exit() != 0) {
            return "Trino run failed (exit " + trino.exit() + "): " + firstLine(trino.err());
        }
        JsonNode a = JSON.readTree(duck.out());
        JsonNode b = JSON.readTree(trino.out());
        if (a.size() != b.size()) {
            return a.size() + " rows on DuckDB, " + b.size() + " on Trino";
        }
        for (int i = 0; i < a.size(); i++) {
            if (!same(a.get(i), b.get(i))) {
                return "row " + (i + 1) + " differs: DuckDB " + a.get(i) + " vs Trino " + b.get(i);
            }
        }
        return null;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isDouble() || b.isDouble()) {
            if (!a.isNumber() || !b.isNumber()) {
                return false;
            }
            double x = a.asDouble();
            double y = b.asDouble();
            return x == y || Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<String> names = a.fieldNames();
            List<String> na = new ArrayList<>();
            names.forEachRemaining(na::add);
            List<String> nb = new ArrayList<>();
            b.fieldNames().forEachRemaining(nb::add);
            if (!na.equals(nb)) {
                return false;
            }
            for (String n : na) {
                if (!same(a.get(n), b.get(n))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static java.util.Properties readOnly() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("duckdb.read_only", "true");
        return p;
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    private record Run(int exit, String out, String err) {}

    /** Runs the built CLI in its own JVM, so that trailhunt's classpath never meets Trino's. */
    private static Run cli(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xlog:disable", "-Duser.timezone=UTC"));
        Path archive = JAR.resolveSibling("trailhunt.jsa");
        if (Files.isRegularFile(archive)) {
            // The class-data archive ./trailhunt records halves the CLI's start-up, which every comparison pays twice.
            cmd.add("-XX:SharedArchiveFile=" + archive);
        }
        cmd.addAll(List.of("-jar", JAR.toString()));
        cmd.addAll(args);
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + args);
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
