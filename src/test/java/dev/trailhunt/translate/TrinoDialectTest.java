package dev.trailhunt.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.esql.parser.EsqlParser;
import dev.trailhunt.model.PartitionLayout;
import dev.trailhunt.model.TimeBound;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Checks what the Trino dialect adds to a translation without a Trino at hand: the {@code dt}
 * partition predicate derived from the time window, Trino's function names where DuckDB's differ,
 * and the positioned {@code unsupported on trino} error. That the SQL runs, and gives DuckDB's
 * rows, is trino-it's TrinoParityIT on a real Trino 435.
 */
class TrinoDialectTest {
    /** A Wednesday, 10:00 UTC: now() - 7 days is the Wednesday before, 2024-05-01. */
    private static final Instant NOW = Instant.parse("2024-05-08T10:00:00Z");

    private static String trino(String esql) {
        return trino(esql, PartitionLayout.DAYS, TimeBound.NONE);
    }

    private static String trino(String esql, PartitionLayout layout, TimeBound bound) {
        CloudTrailSources parquet = new CloudTrailSources("cloudtrail_ecs", EventsFixture.columns(), layout);
        return new EsqlTranslator(parquet, TranslateOptions.defaults(NOW).bounded(bound), Dialect.TRINO).translate(EsqlParser.parse(esql)).sql();
    }

    @Test
    void theRunsTimeBoundPrunesDaysEvenWithoutAWhere() {
        // --from 2024-05-02 --to 2024-05-04: the --to day is seen whole, so up to 05-05T00:00 exclusive.
        TimeBound b = new TimeBound(Instant.parse("2024-05-02T00:00:00Z"), Instant.parse("2024-05-05T00:00:00Z"), false);
        String sql = trino("from logs-aws.cloudtrail* | stats n = count(*)", PartitionLayout.DAYS, b);
        assertTrue(sql.contains("\"dt\" >= '2024-05-02'") && sql.contains("\"dt\" <= '2024-05-04'"), sql);
        assertTrue(sql.contains("\"@timestamp\" < timestamp '2024-05-05 00:00:00"), sql);
        // --now 2024-05-03T08:00Z sees that instant itself, so its day.
        TimeBound now = new TimeBound(null, Instant.parse("2024-05-03T08:00:00Z"), true);
        String upTo = trino("from logs-aws.cloudtrail* | where @timestamp > now() - 7 days", PartitionLayout.DAYS, now);
        assertTrue(upTo.contains("\"dt\" <= '2024-05-03'") && upTo.contains("\"dt\" >= '2024-05-01'"), upTo);
    }

    @Test
    void aFlattenedFieldIsUnsupportedOnTrinoAtItsPosition() {
        EsqlException e = assertThrows(EsqlException.class,
                () -> trino("from logs-aws.cloudtrail*\n| where aws.cloudtrail.flattened.request_parameters.key == \"x\""));
        assertEquals("unsupported on trino: aws.cloudtrail.flattened.request_parameters.key (derived from event.original) at 2:9", e.getMessage());
    }

    @Test
    void aPinnedAccountOrRegionPrunesThoseFoldersToo() {
        PartitionLayout all = PartitionLayout.DAYS_ACCOUNTS_REGIONS;
        String eq = trino("from logs-aws.cloudtrail* | where cloud.account.id == \"123456789012\" and \"eu-west-1\" == cloud.region", all, TimeBound.NONE);
        assertTrue(eq.contains("\"account\" = '123456789012'") && eq.contains("\"region\" = 'eu-west-1'"), eq);
        String in = trino("from logs-aws.cloudtrail* | where cloud.region in (\"us-east-1\", \"eu-west-1\")", all, TimeBound.NONE)
                .replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")");
        assertTrue(in.contains("\"region\" in ('eu-west-1', 'us-east-1')"), in);
        // A value that is not a plain name lives in _other, so that is the folder to read.
        String odd = trino("from logs-aws.cloudtrail* | where cloud.region == \"a/b\"", all, TimeBound.NONE);
        assertTrue(odd.contains("\"region\" = '_other'"), odd);
        // OR, NOT IN, or a table partitioned by day only: no account or region predicate.
        assertFalse(trino("from logs-aws.cloudtrail* | where cloud.region == \"x\" or event.action == \"y\"", all, TimeBound.NONE).contains("\"region\" ="));
        assertFalse(trino("from logs-aws.cloudtrail* | where cloud.region not in (\"x\")", all, TimeBound.NONE).contains("\"region\" in"));
        assertFalse(trino("from logs-aws.cloudtrail* | where cloud.region == \"x\"").contains("\"region\" ="));
    }

    @Test
    void aLowerBoundOnTimestampPrunesDaysBeforeIt() {
        String sql = trino("from logs-aws.cloudtrail* | where @timestamp > now() - 7 days and event.action == \"GetSecretValue\"");
        assertTrue(sql.contains("\"dt\" >= '2024-05-01'"), sql);
        assertFalse(sql.contains("\"dt\" <="), sql);
        assertTrue(sql.contains("from \"cloudtrail_ecs\""), sql);
    }

    @Test
    void boundsOnBothSidesAndTheTimestampOnTheRightNarrowTheDays() {
        String sql = trino("from logs-aws.cloudtrail* | where now() - 2 days > @timestamp and @timestamp >= now() - 3 days");
        // 2024-05-06T10:00 and 2024-05-05T10:00: only the days 05-05 and 05-06 can hold matching rows.
        assertTrue(sql.contains("\"dt\" >= '2024-05-05'") && sql.contains("\"dt\" <= '2024-05-06'"), sql);
    }

    @Test
    void noWindowOrAnOrLeavesEveryDay() {
        assertFalse(trino("from logs-aws.cloudtrail* | where event.action == \"x\"").contains("\"dt\""));
        assertFalse(trino("from logs-aws.cloudtrail* | where @timestamp > now() - 1 day or event.action == \"x\"").contains("\"dt\""));
        // A window in a later WHERE may follow an EVAL that redefines @timestamp: no pruning from it.
        assertFalse(trino("from logs-aws.cloudtrail* | eval x = 1 | where @timestamp > now() - 1 day").contains("\"dt\""));
    }

    @Test
    void duckdbTranslationsKeepTheirFunctionsAndNoPartition() {
        String esql = "from logs-aws.cloudtrail* | where @timestamp > now() - 1 day and ends_with(event.action, \"Value\")"
                + " | eval w = date_trunc(30 seconds, @timestamp)";
        String duck = new EsqlTranslator(EventsFixture.sources(), TranslateOptions.defaults(NOW)).translate(EsqlParser.parse(esql)).sql();
        assertFalse(duck.contains("\"dt\""), duck);
        assertTrue(duck.contains("suffix(") && duck.contains("time_bucket("), duck);
        String t = trino(esql);
        // Trino 435 has neither ends_with nor time_bucket.
        assertFalse(t.contains("suffix(") || t.contains("time_bucket("), t);
        assertTrue(t.contains("starts_with(reverse(") && t.contains("date_diff('millisecond'"), t);
    }

    @Test
    void whatTrinoCannotRenderIsUnsupportedOnTrinoAtItsPosition() {
        EsqlException e = assertThrows(EsqlException.class,
                () -> trino("from logs-aws.cloudtrail*\n| mv_expand event.category"));
        assertEquals("unsupported on trino: MV_EXPAND of a multi-valued field at 2:3", e.getMessage());
        assertEquals(EsqlException.Kind.UNSUPPORTED, e.kind());
        EsqlException f = assertThrows(EsqlException.class,
                () -> trino("from logs-aws.cloudtrail* | eval h = to_base64(event.action)"));
        assertEquals("unsupported on trino: TO_BASE64 at 1:38", f.getMessage());
    }
}
