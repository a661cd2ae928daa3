package dev.trailhunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.engine.Store;
import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import dev.trailhunt.model.ValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports the samples store as ECS Parquet and reads the files back with DuckDB; explains a hunt for Trino. */
class ExportCommandTest {
    @TempDir Path dir;

    @Test
    void writesEveryEventOncePartitionedByItsUtcDayAndPrintsBothTables() throws Exception {
        String db = SamplesStore.get().toString();
        Path out = dir.resolve("pq");
        Cli r = Cli.run("export", "--db", db, "--parquet", out.toString(), "--location", "s3://bucket/ecs");
        assertEquals(0, r.code(), r.err());
        List<String> days;
        try (Stream<Path> s = Files.list(out)) {
            days = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        // The samples cover 2026-11-24T00:03Z .. 2026-11-26T23:55Z (generate's defaults: 3 days from 11-24).
        assertEquals(List.of("dt=2026-11-24", "dt=2026-11-25", "dt=2026-11-26"), days);
        List<ResultColumn> one = List.of(new ResultColumn("n", ValueType.LONG));
        try (Store store = Store.openForReading(Path.of(db)); Store mem = Store.openInMemory()) {
            ResultTable inStore = store.query("SELECT count(*) FROM events", one);
            String glob = out.toString().replace("'", "''") + "/*/*.parquet";
            ResultTable inParquet = mem.query("SELECT count(*) FROM read_parquet('" + glob + "', hive_partitioning = true)", one);
            assertEquals(inStore.rows(), inParquet.rows());
            // Each row sits in the partition of its own UTC day.
            ResultTable misplaced = mem.query("SELECT count(*) FROM read_parquet('" + glob + "', hive_partitioning = true) "
                    + "WHERE strftime(\"@timestamp\", '%Y-%m-%d') <> CAST(dt AS VARCHAR)", one);
            assertEquals(0L, misplaced.rows().get(0).get(0));
        }
        assertTrue(r.out().contains("CREATE EXTERNAL TABLE `cloudtrail_ecs`"), r.out());
        assertTrue(r.out().contains("`@timestamp` timestamp,") && r.out().contains("`event.category` array<string>,"), r.out());
        assertTrue(r.out().contains("'projection.dt.format'='yyyy-MM-dd'"), r.out());
        assertTrue(r.out().contains("'storage.location.template'='s3://bucket/ecs/dt=${dt}/'"), r.out());
        assertTrue(r.out().contains("partitioned_by = ARRAY['dt']"), r.out());
    }

    @Test
    void partitionsByDayAccountAndRegionNestInThatOrderAndLoseNoRow() throws Exception {
        String db = SamplesStore.get().toString();
        Path out = dir.resolve("parts");
        Cli r = Cli.run("export", "--db", db, "--parquet", out.toString(), "--partition-by", "region,account", "--location", "s3://b/e");
        assertEquals(0, r.code(), r.err());
        // dt always comes first, then account, then region, whatever order they were given in.
        assertTrue(Files.isDirectory(out.resolve("dt=2026-11-24/account=111122223333/region=us-east-1")), "dt/account/region layout");
        List<ResultColumn> one = List.of(new ResultColumn("n", ValueType.LONG));
        try (Store store = Store.openForReading(Path.of(db)); Store mem = Store.openInMemory()) {
            String glob = out.toString().replace("'", "''") + "/*/*/*/*.parquet";
            String parquet = "read_parquet('" + glob + "', hive_partitioning = true, hive_types_autocast = false)";
            assertEquals(store.query("SELECT count(*) FROM events", one).rows(), mem.query("SELECT count(*) FROM " + parquet, one).rows());
            // Every row sits in the folder of its own account and region (or _other for a value that is not a plain name).
            ResultTable misplaced = mem.query("SELECT count(*) FROM " + parquet + " WHERE account <> coalesce(CASE WHEN "
                    + "regexp_full_match(\"cloud.account.id\", '[A-Za-z0-9][A-Za-z0-9-]{0,63}') THEN \"cloud.account.id\" END, '_other')"
                    + " OR region <> coalesce(CASE WHEN regexp_full_match(\"cloud.region\", '[A-Za-z0-9][A-Za-z0-9-]{0,63}')"
                    + " THEN \"cloud.region\" END, '_other')", one);
            assertEquals(0L, misplaced.rows().get(0).get(0));
        }
        assertTrue(r.out().contains("PARTITIONED BY (`dt` string, `account` string, `region` string)"), r.out());
        assertTrue(r.out().contains("'projection.account.type'='enum'") && r.out().contains("'projection.account.values'='111122223333,444455556666,anonymous'"), r.out());
        assertTrue(r.out().contains("'storage.location.template'='s3://b/e/dt=${dt}/account=${account}/region=${region}/'"), r.out());
        assertTrue(r.out().contains("partitioned_by = ARRAY['dt', 'account', 'region']"), r.out());
    }

    @Test
    void explainForATableWithAccountPartitionsAddsTheirPredicate() {
        Cli r = Cli.run("explain", "--target", "trino", "--partition-by", "dt,account", "--now", "2026-11-27T12:00:00Z",
                "--from", "2026-11-25", "--esql", "from logs-aws.cloudtrail-* | where cloud.account.id == \"444455556666\" | stats n = count(*)");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"account\" = '444455556666'") && r.out().contains("\"dt\" >= '2026-11-25'"), r.out());
        assertTrue(!r.out().contains("\"region\""), r.out());
    }

    @Test
    void anUnknownPartitionIsAUsageError() throws Exception {
        Cli r = Cli.run("export", "--db", SamplesStore.get().toString(), "--parquet", dir.resolve("x").toString(), "--partition-by", "dt,user");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--partition-by takes dt, account and region"), r.err());
    }

    @Test
    void ingestCanGoStraightToParquetWithoutKeepingAStore() throws Exception {
        Path out = dir.resolve("direct");
        Cli r = Cli.run("ingest", "--parquet", out.toString(), SamplesStore.SAMPLES.toString());
        assertEquals(0, r.code(), r.err());
        List<ResultColumn> one = List.of(new ResultColumn("n", ValueType.LONG));
        try (Store mem = Store.openInMemory()) {
            String glob = out.toString().replace("'", "''") + "/*/*.parquet";
            // The samples are generate's defaults: 2,000 events.
            assertEquals(List.of(List.of(2000L)), mem.query("SELECT count(*) FROM read_parquet('" + glob + "')", one).rows());
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("direct"), s.map(p -> p.getFileName().toString()).toList(), "only the Parquet folder is written here");
        }
    }

    @Test
    void explainShowsTrinoSqlWithThePartitionPredicate() {
        Cli r = Cli.run("explain", "--target", "trino", "--now", "2026-11-27T12:00:00Z",
                "secretsmanager_high_frequency_get_secret_value");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("-- Trino SQL"), r.out());
        // The seed hunt looks 7 days back from now: days from 2026-11-20 on.
        assertTrue(r.out().contains("\"dt\" >= '2026-11-20'"), r.out());
        assertTrue(r.out().contains("from \"cloudtrail_ecs\""), r.out());
    }

    @Test
    void trinoWithoutUrlIsOneLineError() {
        Cli r = Cli.run("hunt", "--engine", "trino", "secretsmanager_high_frequency_get_secret_value");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("--engine trino needs --url"), r.err());
        assertEquals(1, r.errLines().size(), r.err());
    }
}
