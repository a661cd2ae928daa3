package dev.trailhunt.engine;

import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.GetQueryResultsRequest;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;
import software.amazon.awssdk.services.athena.model.ResultConfiguration;
import software.amazon.awssdk.services.athena.model.Row;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;

/**
 * Runs translated Trino SQL on Amazon Athena (engine v3) through the AWS SDK v2: starts the query in
 * a workgroup with an S3 output location, waits for it, and reads every page of its results into
 * ES|QL's value model. Credentials and region come from the SDK's default provider chains.
 *
 * <p>Athena returns every cell as text; each is converted by its column's ES|QL type. Multi-valued
 * cells (Trino arrays, printed {@code [a, b]}) cannot be split back without ambiguity, so a query
 * returning one is reported as failed rather than answered with a plausible wrong value.
 */
public final class AthenaExecutor implements RemoteEngine {
    private static final Duration POLL = Duration.ofMillis(500);

    private final AthenaClient client;
    private final String workgroup;
    private final String output;

    /** Wraps a client: the real one from {@link #connect}, or a test's stand-in at the SDK boundary. */
    public AthenaExecutor(AthenaClient client, String workgroup, String output) {
        this.client = client;
        this.workgroup = workgroup;
        this.output = output;
    }

    /** Connects with the SDK's default credentials and region, over the JDK's HTTP client. */
    public static AthenaExecutor connect(String workgroup, String output) {
        if (output == null || !output.startsWith("s3://")) {
            throw new StoreException("--output must be an s3:// location for Athena's query results");
        }
        try {
            return new AthenaExecutor(AthenaClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build(), workgroup, output);
        } catch (SdkException e) {
            throw new StoreException("cannot create the Athena client: " + e.getMessage(), e);
        }
    }

    @Override
    public ResultTable query(String sql, List<ResultColumn> columns) {
        try {
            String id = start(sql);
            await(id);
            List<List<Object>> rows = new ArrayList<>();
            String token = null;
            boolean header = true;
            do {
                GetQueryResultsResponse page = client.getQueryResults(GetQueryResultsRequest.builder().queryExecutionId(id).nextToken(token).build());
                for (Row r : page.resultSet().rows()) {
                    if (header) {
                        // The first row of the first page holds the column names.
                        header = false;
                        continue;
                    }
                    rows.add(row(r.data(), columns));
                }
                token = page.nextToken();
            } while (token != null);
            return new ResultTable(columns, rows);
        } catch (SdkException e) {
            throw new QueryException("query failed on Athena: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> columns(String table) {
        String sql = org.jooq.impl.DSL.using(org.jooq.SQLDialect.TRINO).renderInlined(
                org.jooq.impl.DSL.selectFrom(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name(table))).where(org.jooq.impl.DSL.falseCondition()));
        try {
            String id = start(sql);
            await(id);
            GetQueryResultsResponse page = client.getQueryResults(GetQueryResultsRequest.builder().queryExecutionId(id).build());
            return page.resultSet().resultSetMetadata().columnInfo().stream().map(c -> c.name()).toList();
        } catch (SdkException e) {
            throw new QueryException("query failed on Athena: " + e.getMessage(), e);
        }
    }

    private String start(String sql) {
        return client.startQueryExecution(StartQueryExecutionRequest.builder().queryString(sql).workGroup(workgroup)
                .resultConfiguration(ResultConfiguration.builder().outputLocation(output).build()).build()).queryExecutionId();
    }

    @Override
    public StoreProfile profile(String table) {
        String sql = RemoteEngine.profileSql(table, columns(table));
        List<ResultColumn> cols = List.of(new ResultColumn("events", dev.trailhunt.model.ValueType.LONG),
                new ResultColumn("first", dev.trailhunt.model.ValueType.DATETIME), new ResultColumn("last", dev.trailhunt.model.ValueType.DATETIME));
        List<Object> r = query(sql, cols).rows().get(0);
        return new StoreProfile((Long) r.get(0), (Instant) r.get(1), (Instant) r.get(2), List.of(), "athena (" + workgroup + "), table " + table);
    }

    private void await(String id) {
        while (true) {
            QueryExecutionStatus status = client.getQueryExecution(GetQueryExecutionRequest.builder().queryExecutionId(id).build())
                    .queryExecution().status();
            QueryExecutionState state = status.state();
            if (state == QueryExecutionState.SUCCEEDED) {
                return;
            }
            if (state == QueryExecutionState.FAILED || state == QueryExecutionState.CANCELLED) {
                throw new QueryException("query failed on Athena: " + state + ": " + status.stateChangeReason(), null);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new QueryException("interrupted while waiting for Athena query " + id, e);
            }
        }
    }

    private static List<Object> row(List<Datum> data, List<ResultColumn> columns) {
        if (data.size() != columns.size()) {
            throw new QueryException("query failed on Athena: " + data.size() + " columns, expected " + columns.size(), null);
        }
        List<Object> out = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            out.add(cell(data.get(i).varCharValue(), columns.get(i)));
        }
        return Collections.unmodifiableList(out);
    }

    /** Converts Athena's text of one cell; a missing varCharValue is SQL NULL. */
    static Object cell(String text, ResultColumn column) {
        if (text == null) {
            return null;
        }
        try {
            return switch (column.type()) {
                case INTEGER -> Integer.parseInt(text);
                case LONG, UNSIGNED_LONG -> Long.parseLong(text);
                case DOUBLE -> Double.parseDouble(text);
                case BOOLEAN -> Boolean.parseBoolean(text);
                case DATETIME, DATE_NANOS -> instant(text);
                case NULL -> null;
                default -> {
                    if (text.startsWith("[") && text.endsWith("]")) {
                        // Possibly an array: its elements cannot be told from commas inside them.
                        throw new QueryException("query failed on Athena: column " + column.name()
                                + " may be multi-valued, which trailhunt cannot read back from Athena's text results: " + text, null);
                    }
                    yield text;
                }
            };
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            throw new QueryException("query failed on Athena: column " + column.name() + " holds " + text
                    + ", not a " + column.type().esqlName(), e);
        }
    }

    /** Reads Athena's timestamp text, {@code 2026-11-26 23:55:19.123} (UTC wall clock), as an instant. */
    private static Instant instant(String text) {
        return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }

    @Override
    public void close() {
        client.close();
    }
}
