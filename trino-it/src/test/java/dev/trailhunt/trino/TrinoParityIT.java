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
            store(d);
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

    private static final java.util.Map<String, Path> LOADED = new java.util.HashMap<>();

    /** Returns the dataset's store, ingesting it and loading its Trino table the first time a test asks. */
    private static Path store(Dataset d) throws Exception {
        Path db = LOADED.get(d.table());
        if (db == null) {
            db = load(d);
            LOADED.put(d.table(), db);
        }
        return db;
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
            Path db = store(d);
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

    /**
     * Runs queries bounded by --from/--to and --now on DuckDB and on Trino over the samples (2026-11-24 to
     * 2026-11-26) and compares the rows; explain shows the bound in the dt predicate, so Athena reads only those days.
     */
    @Test
    void timeBoundsGiveTheSameRowsOnTrino() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("trino.serve") == null, "serving for manual runs");
        Dataset samples = datasets().get(0);
        Path db = store(samples);
        String counts = "from logs-aws.cloudtrail-* | stats n = count(*), first = min(@timestamp), last = max(@timestamp)";
        List<List<String>> runs = List.of(
                List.of("query", "--from", "2026-11-25", "--to", "2026-11-25", "--esql", counts),
                List.of("query", "--now", "2026-11-25T12:00:00Z", "--esql", counts),
                List.of("query", "--from", "-36h", "--esql", counts),
                List.of("query", "--from", "2026-11-24T06:00:00Z", "--to", "2026-11-26T06:00:00Z", "--esql",
                        "from logs-aws.cloudtrail-* | stats n = count(*) by event.provider | sort n desc, event.provider | limit 5"),
                List.of("hunt", "--now", "2026-11-26T00:00:00Z", "secretsmanager_high_frequency_get_secret_value"));
        int equal = 0;
        List<String> different = new ArrayList<>();
        long all = JSON.readTree(cli(List.of("query", "--db", db.toString(), "--format", "json", "--esql", counts)).out()).get(0).get("n").asLong();
        for (List<String> r : runs) {
            List<String> duck = new ArrayList<>(r.subList(0, 1));
            duck.addAll(List.of("--db", db.toString(), "--format", "json"));
            duck.addAll(r.subList(1, r.size()));
            List<String> onTrino = new ArrayList<>(r.subList(0, 1));
            onTrino.addAll(List.of("--engine", "trino", "--url", trino.url(), "--table", samples.table(), "--format", "json"));
            onTrino.addAll(r.subList(1, r.size()));
            Run a = cli(duck);
            String verdict = compare(a, cli(onTrino));
            if (verdict == null) {
                equal++;
                OUT.println("  equal     bounded " + String.join(" ", r.subList(0, r.size() - 1)) + ": " + firstLine(a.out()));
                if (r.get(r.size() - 1).equals(counts)) {
                    assertTrue(JSON.readTree(a.out()).get(0).get("n").asLong() < all, "the bound must hide events: " + r);
                }
            } else {
                different.add(r + ": " + verdict);
                OUT.println("  DIFFERENT bounded " + r + ": " + verdict);
            }
        }
        OUT.println("trino bounds: " + equal + "/" + runs.size() + " queries equal");
        assertTrue(different.isEmpty(), "bounded queries whose rows differ between DuckDB and Trino: " + different);
        Run explain = cli(List.of("explain", "--engine", "trino", "--url", trino.url(), "--table", samples.table(),
                "--from", "2026-11-25", "--to", "2026-11-25", "--esql", counts));
        assertEquals(0, explain.exit(), explain.err());
        assertTrue(explain.out().contains("\"dt\" >= '2026-11-25'") && explain.out().contains("\"dt\" <= '2026-11-25'"), explain.out());
    }

    /**
     * Exports the samples as Parquet partitioned by dt, account and region, loads those files (partition
     * columns included) into Trino, and runs queries that pin an account or region there and on DuckDB:
     * equal rows, and explain shows the account and region predicates the table's partitions allow.
     */
    @Test
    void accountAndRegionPartitionsPruneWithoutLosingRows() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("trino.serve") == null, "serving for manual runs");
        Dataset samples = datasets().get(0);
        Path db = store(samples);
        Path pq = work.resolve("parts");
        Run export = cli(List.of("export", "--db", db.toString(), "--parquet", pq.toString(), "--partition-by", "dt,account,region"));
        assertEquals(0, export.exit(), export.err());
        assertTrue(export.out().contains("'projection.account.type'='enum'") && export.out().contains("account=${account}/region=${region}/"),
                export.out());
        assertTrue(Files.isDirectory(pq.resolve("dt=2026-11-25/account=444455556666/region=eu-west-1")), "Hive layout dt/account/region");
        String table = "samples_parts";
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Connection t = trino.connect();
                java.sql.Statement st = duck.createStatement()) {
            String glob = pq.toAbsolutePath().toString().replace("'", "''") + "/**/*.parquet";
            st.execute("CREATE VIEW events AS SELECT * FROM read_parquet('" + glob + "', hive_partitioning = true, hive_types_autocast = false)");
            OUT.println("loaded " + TrinoLoader.load(duck, t, table) + " events from Parquet partitioned by dt,account,region into memory.default." + table);
        }
        List<String> queries = List.of(
                "from logs-aws.cloudtrail-* | where cloud.account.id == \"444455556666\" and cloud.region in (\"eu-west-1\", \"us-east-1\")"
                        + " | stats n = count(*) by event.action | sort n desc, event.action | limit 10",
                "from logs-aws.cloudtrail-* | where \"ap-south-1\" == cloud.region | keep @timestamp, event.id, cloud.account.id, cloud.region",
                "from logs-aws.cloudtrail-* | where cloud.account.id in (\"anonymous\", \"111122223333\") and @timestamp >= \"2026-11-26T00:00:00Z\""
                        + " | stats n = count(*) by cloud.account.id, cloud.region | sort cloud.account.id, cloud.region",
                "from logs-aws.cloudtrail-* | stats n = count(*) by cloud.account.id, cloud.region | sort cloud.account.id, cloud.region");
        int equal = 0;
        List<String> different = new ArrayList<>();
        for (String q : queries) {
            Run a = cli(List.of("query", "--db", db.toString(), "--format", "json", "--esql", q));
            String verdict = compare(a, cli(List.of("query", "--engine", "trino", "--url", trino.url(), "--table", table, "--format", "json", "--esql", q)));
            if (verdict == null) {
                equal++;
                assertTrue(JSON.readTree(a.out()).size() > 0, "no rows: the comparison proves nothing: " + q);
            } else {
                different.add(q + ": " + verdict);
            }
        }
        OUT.println("trino partitions: " + equal + "/" + queries.size() + " queries equal");
        assertTrue(different.isEmpty(), "queries whose rows differ between DuckDB and Trino over dt/account/region: " + different);
        Run explain = cli(List.of("explain", "--engine", "trino", "--url", trino.url(), "--table", table, "--esql", queries.get(0)));
        assertEquals(0, explain.exit(), explain.err());
        String sql = explain.out().replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")");
        assertTrue(sql.contains("\"account\" = '444455556666'") && sql.contains("\"region\" in ('eu-west-1', 'us-east-1')"), explain.out());
    }

    /**
     * Runs every shared Elastic rule with detect on DuckDB and on Trino over the same events (the real
     * invictus-ir corpus, else the samples) and compares
     * each rule's status and alerts. A rule Trino cannot render is listed (unsupported on trino) and never
     * counted equal; a rule that ran on both must give the same alerts.
     * Prints {@code trino rules: N/M rules equal}.
     */
    @Test
    void elasticRulesGiveTheSameAlertsOnTrino() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("trino.serve") == null, "serving for manual runs");
        Path rules = SHARED.resolve("corpus/elastic-rules");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(rules), "no shared rules at " + rules);
        int total = 0;
        int equal = 0;
        int alerts = 0;
        List<String> unsupported = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        // The real corpus alone when it is there: rules run one query per execution window, and a cold Trino
        // takes about 1 s a query on two cores, so both datasets would double this test's ~2 minutes for few more alerts.
        List<Dataset> all = datasets();
        for (Dataset d : List.of(all.get(all.size() - 1))) {
            Path db = store(d);
            long t0 = System.nanoTime();
            Run duck = cli(List.of("detect", "--db", db.toString(), "--rules", rules.toString(), "--format", "json"));
            long t1 = System.nanoTime();
            Run onTrino = cli(List.of("detect", "--engine", "trino", "--url", trino.url(), "--table", d.table(),
                    "--rules", rules.toString(), "--format", "json"));
            long t2 = System.nanoTime();
            OUT.printf(Locale.ROOT, "  detect %s: DuckDB %.1f s, Trino %.1f s%n", d.table(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            assertTrue(duck.exit() == 0 || duck.exit() == 4, "detect on DuckDB: " + duck.err());
            assertTrue(onTrino.exit() == 0 || onTrino.exit() == 4, "detect on Trino: " + onTrino.err());
            java.util.Map<String, JsonNode> trinoRules = new java.util.HashMap<>();
            for (JsonNode r : JSON.readTree(onTrino.out()).get("rules")) {
                trinoRules.put(r.get("rule_id").asText(), r);
            }
            for (JsonNode r : JSON.readTree(duck.out()).get("rules")) {
                total++;
                String name = d.table() + "/" + r.get("name").asText();
                JsonNode t = trinoRules.get(r.get("rule_id").asText());
                if (t == null) {
                    wrong.add(name + ": not in Trino's detection");
                    continue;
                }
                boolean sameStatus = r.get("status").equals(t.get("status"));
                if (sameStatus && same(r.get("alerts"), t.get("alerts"))) {
                    equal++;
                    alerts += r.get("alerts").size();
                    if (r.get("alerts").size() > 0) {
                        OUT.println("  equal     " + name + ": " + r.get("alerts").size() + " alerts");
                    }
                } else if (t.get("status").asText().equals("not_run") && t.get("reason").asText().contains("unsupported on trino")) {
                    unsupported.add(name + ": " + t.get("reason").asText());
                    OUT.println("  UNSUPPORTED " + name + ": " + t.get("reason").asText());
                } else {
                    wrong.add(name + ": DuckDB " + r.get("status") + " " + r.get("alerts").size() + " alerts " + r.get("reason")
                            + " vs Trino " + t.get("status") + " " + t.get("alerts").size() + " alerts " + t.get("reason"));
                    OUT.println("  DIFFERENT " + wrong.get(wrong.size() - 1));
                }
            }
        }
        OUT.println("trino rules: " + equal + "/" + total + " rules equal");
        OUT.println("trino rules detail: " + alerts + " alerts equal; " + unsupported.size() + " unsupported on trino");
        assertTrue(wrong.isEmpty(), "rules whose alerts differ between DuckDB and Trino: " + wrong);
        assertTrue(alerts > 0, "no rule raised an alert: the comparison proves nothing");
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
