package dev.trailhunt.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import dev.trailhunt.model.ValueType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.GetQueryResultsRequest;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;
import software.amazon.awssdk.services.athena.model.ResultSet;
import software.amazon.awssdk.services.athena.model.ResultSetMetadata;
import software.amazon.awssdk.services.athena.model.Row;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionResponse;

/**
 * Drives the Athena executor against a stand-in {@link AthenaClient} at the SDK boundary (the one
 * fake the project allows): Athena's documented result shape — every cell text, a missing
 * varCharValue for NULL, the column names as the first row of the first page, pages chained by nextToken.
 */
class AthenaExecutorTest {
    private static final List<ResultColumn> COLUMNS = List.of(new ResultColumn("n", ValueType.LONG),
            new ResultColumn("who", ValueType.KEYWORD), new ResultColumn("at", ValueType.DATETIME));

    /** Answers like Athena: RUNNING once, then the final state; results in the given pages. */
    private static final class FakeAthena implements AthenaClient {
        final List<StartQueryExecutionRequest> started = new ArrayList<>();
        final List<String> tokens = new ArrayList<>();
        final QueryExecutionState finalState;
        final List<List<Row>> pages;
        int polls;

        FakeAthena(QueryExecutionState finalState, List<List<Row>> pages) {
            this.finalState = finalState;
            this.pages = pages;
        }

        @Override
        public StartQueryExecutionResponse startQueryExecution(StartQueryExecutionRequest r) {
            started.add(r);
            return StartQueryExecutionResponse.builder().queryExecutionId("q-1").build();
        }

        @Override
        public GetQueryExecutionResponse getQueryExecution(GetQueryExecutionRequest r) {
            QueryExecutionState s = polls++ == 0 ? QueryExecutionState.RUNNING : finalState;
            return GetQueryExecutionResponse.builder().queryExecution(QueryExecution.builder().queryExecutionId(r.queryExecutionId())
                    .status(QueryExecutionStatus.builder().state(s).stateChangeReason(s == QueryExecutionState.FAILED
                            ? "SYNTAX_ERROR: line 1:8: Column 'x' cannot be resolved" : null).build()).build()).build();
        }

        @Override
        public GetQueryResultsResponse getQueryResults(GetQueryResultsRequest r) {
            tokens.add(r.nextToken());
            int page = r.nextToken() == null ? 0 : Integer.parseInt(r.nextToken());
            return GetQueryResultsResponse.builder()
                    .resultSet(ResultSet.builder().rows(pages.get(page)).resultSetMetadata(ResultSetMetadata.builder()
                            .columnInfo(ColumnInfo.builder().name("n").type("bigint").build()).build()).build())
                    .nextToken(page + 1 < pages.size() ? String.valueOf(page + 1) : null).build();
        }

        @Override
        public String serviceName() {
            return "athena";
        }

        @Override
        public void close() {}
    }

    private static Row row(String... cells) {
        return Row.builder().data(Arrays.stream(cells).map(c -> c == null ? Datum.builder().build()
                : Datum.builder().varCharValue(c).build()).toList()).build();
    }

    @Test
    void readsEveryPageSkippingTheHeaderAndTypesEachCell() {
        FakeAthena fake = new FakeAthena(QueryExecutionState.SUCCEEDED, List.of(
                List.of(row("n", "who", "at"), row("3", "arn:aws:iam::1:user/a", "2026-11-26 23:55:19.123")),
                List.of(row("1", null, "2026-11-24 00:03:11.000"))));
        ResultTable t = new AthenaExecutor(fake, "wg", "s3://out/").query("SELECT 1", COLUMNS);
        assertEquals(List.of(3L, "arn:aws:iam::1:user/a", Instant.parse("2026-11-26T23:55:19.123Z")), t.rows().get(0));
        assertEquals(Arrays.asList(1L, null, Instant.parse("2026-11-24T00:03:11Z")), t.rows().get(1));
        assertEquals(2, t.rows().size());
        assertEquals(Arrays.asList(null, "1"), fake.tokens);
        StartQueryExecutionRequest sent = fake.started.get(0);
        assertEquals("SELECT 1", sent.queryString());
        assertEquals("wg", sent.workGroup());
        assertEquals("s3://out/", sent.resultConfiguration().outputLocation());
    }

    @Test
    void aFailedQueryIsOneLineWithAthenasReason() {
        FakeAthena fake = new FakeAthena(QueryExecutionState.FAILED, List.of());
        QueryException e = assertThrows(QueryException.class, () -> new AthenaExecutor(fake, "wg", "s3://out/").query("SELECT x", COLUMNS));
        assertEquals("query failed on Athena: FAILED: SYNTAX_ERROR: line 1:8: Column 'x' cannot be resolved", e.getMessage());
    }

    @Test
    void anArrayCellIsRefusedNotGuessed() {
        FakeAthena fake = new FakeAthena(QueryExecutionState.SUCCEEDED, List.of(
                List.of(row("n", "who", "at"), row("1", "[a, b]", "2026-11-26 23:55:19.000"))));
        QueryException e = assertThrows(QueryException.class, () -> new AthenaExecutor(fake, "wg", "s3://out/").query("SELECT 1", COLUMNS));
        assertTrue(e.getMessage().contains("column who may be multi-valued"), e.getMessage());
    }

    @Test
    void theColumnsComeFromTheMetadataOfAQuerySelectingNoRow() {
        FakeAthena fake = new FakeAthena(QueryExecutionState.SUCCEEDED, List.of(List.of(row("n"))));
        assertEquals(List.of("n"), new AthenaExecutor(fake, "wg", "s3://out/").columns("cloudtrail_ecs"));
        String sql = fake.started.get(0).queryString();
        // Trino (and so Athena) rejects LIMIT 0 / FETCH FIRST 0 ROWS: the query selects no row with a false WHERE.
        assertTrue(sql.contains("from \"cloudtrail_ecs\"") && sql.contains("where false") && !sql.contains("fetch"), sql);
    }

    @Test
    void theOutputMustBeAnS3Location() {
        StoreException e = assertThrows(StoreException.class, () -> AthenaExecutor.connect("primary", "/tmp/out"));
        assertTrue(e.getMessage().startsWith("--output must be an s3:// location"), e.getMessage());
    }
}
