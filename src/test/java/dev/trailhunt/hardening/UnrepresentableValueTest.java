package dev.trailhunt.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailhunt.cli.Cli;
import dev.trailhunt.engine.Store;
import dev.trailhunt.engine.StoreColumn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Class 1 (the part after translation): values DuckDB can return but ES|QL's model or Java cannot
 * hold, and instants outside what trailhunt can use, must give an answer or a one-line error naming
 * the column or the option, never an internal error (exit 70) or a trace.
 */
class UnrepresentableValueTest {
    @RegisterExtension static final HardeningTally TALLY = new HardeningTally(1);

    /** Lists the columns of test_all_types() holding a value ES|QL cannot show: 128-bit or unsigned 64-bit extremes, infinite dates in lists. */
    private static final List<String> UNSHOWABLE = List.of("hugeint", "uhugeint", "ubigint", "date_array", "timestamp_array", "timestamptz_array");

    @TempDir static Path dir;
    private static Path db;
    private static Path values;

    @BeforeAll
    static void store() throws Exception {
        db = TrailStore.create(dir, new TrailRecords(16).next(20));
        values = Files.createDirectories(dir.resolve("values"));
    }

    /** Lists every column of DuckDB's {@code test_all_types()}: each type at its minimum, maximum and null. */
    static List<String> allTypesColumns() throws Exception {
        List<String> names = new ArrayList<>();
        try (Store store = Store.openInMemory()) {
            store.execute("CREATE TABLE all_types AS SELECT * FROM test_all_types() LIMIT 0");
            for (StoreColumn c : store.columns("all_types")) {
                names.add(c.name());
            }
        }
        return names;
    }

    @Test
    void allTypesAtOnceIsOneClearError() {
        Cli run = Cli.run("query", "--db", db.toString(), "--sql", "select * from test_all_types()");
        TrailStore.assertHuntError(run, "query: the SQL failed: ");
        assertTrue(run.err().contains("column "), run.err());
        TALLY.held();
    }

    @ParameterizedTest
    @MethodSource("allTypesColumns")
    void everyTypeAtItsExtremesIsAnAnswerOrNamesTheColumn(String column) throws Exception {
        Cli run = Cli.run("query", "--db", db.toString(), "--format", "json", "--sql", "select \"" + column + "\" from test_all_types()");
        TrailStore.assertNoCrash(run);
        if (UNSHOWABLE.contains(column)) {
            TrailStore.assertHuntError(run, "column " + column + " holds ");
        } else {
            assertEquals(0, run.code(), run.err());
            JsonNode rows = TrailRecords.JSON.readTree(run.out());
            assertEquals(3, rows.size(), run.out());
            assertTrue(rows.get(2).get(column).isNull(), "the third row of test_all_types is all nulls: " + run.out());
        }
        TALLY.held();
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "csv", "json", "ndjson", "markdown", "html"})
    void everyShowableTypeRendersInEveryFormat(String format) throws Exception {
        Path file = Files.writeString(dir.resolve("all-types.sql"), "select * exclude (" + String.join(", ", UNSHOWABLE) + ") from test_all_types()");
        Cli run = Cli.run("hunt", "--db", db.toString(), "--format", format, "--width", "80", file.toString());
        TrailStore.assertNoCrash(run);
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("3 rows from 1 query"), run.err());
        TALLY.held();
    }

    static Stream<Arguments> extremeValues() {
        return Stream.of(
                // expression, expected CSV cell or null for an error, text the error must contain
                Arguments.of("'infinity'::timestamp", null, "column v holds an infinite date or time"),
                Arguments.of("'-infinity'::timestamp", null, "column v holds an infinite date or time"),
                Arguments.of("'infinity'::date", null, "column v holds an infinite date or time"),
                Arguments.of("'infinity'::timestamptz", null, "column v holds an infinite date or time"),
                Arguments.of("['infinity'::timestamp, timestamp '2024-01-01']", null, "column v holds an infinite date or time"),
                Arguments.of("170141183460469231731687303715884105727::hugeint", null, "column v holds 170141183460469231731687303715884105727"),
                Arguments.of("'-170141183460469231731687303715884105728'::hugeint", null, "column v holds -170141183460469231731687303715884105728"),
                Arguments.of("18446744073709551615::ubigint", null, "column v holds 18446744073709551615"),
                Arguments.of("340282366920938463463374607431768211455::uhugeint", null, "column v holds 340282366920938463463374607431768211455"),
                Arguments.of("[1::hugeint, 170141183460469231731687303715884105727::hugeint]", null, "column v holds 1701411834"),
                Arguments.of("9223372036854775807::hugeint", "9223372036854775807", ""),
                Arguments.of("-9223372036854775808::hugeint", "-9223372036854775808", ""),
                Arguments.of("9223372036854775807::ubigint", "9223372036854775807", ""),
                Arguments.of("sum(x) from (select 9223372036854775807 as x union all select 1)", null, "column v holds 9223372036854775808"),
                Arguments.of("timestamp '294247-01-10 04:00:54.775806'", "+294247-01-10T04:00:54.775Z", ""),
                Arguments.of("timestamp '290309-12-22 (BC) 00:00:00'", "-290308-12-22T00:00:00.000Z", ""),
                Arguments.of("date '5881580-07-10'", "+5881580-07-10T00:00:00.000Z", ""),
                Arguments.of("date '5877642-06-25 (BC)'", "-5877641-06-25T00:00:00.000Z", ""),
                Arguments.of("'2262-04-11 23:47:16.854775806'::timestamp_ns", "2262-04-11T23:47:16.854Z", ""),
                Arguments.of("timestamptz '2024-01-01 00:00:00+05'", "2023-12-31T19:00:00.000Z", ""),
                Arguments.of("'2024-01-01 00:00:01'::timestamp_s", "2024-01-01T00:00:01.000Z", ""),
                Arguments.of("[date '2024-02-29', date '0001-01-01']", "\"[2024-02-29T00:00:00.000Z, 0001-01-01T00:00:00.000Z]\"", ""),
                Arguments.of("time '24:00:00'", "24:00:00", ""),
                Arguments.of("timetz '24:00:00-15:59:59'", "24:00:00-15:59:59", ""),
                Arguments.of("interval 83 years", "83 years", ""),
                Arguments.of("'NaN'::double", "NaN", ""),
                Arguments.of("'-inf'::float", "-Infinity", ""),
                Arguments.of("1e308::double * 10", "Infinity", ""),
                Arguments.of("'\\xAA\\x00'::blob", "\\xAA\\x00", ""),
                Arguments.of("uuid 'ffffffff-ffff-ffff-ffff-ffffffffffff'", "ffffffff-ffff-ffff-ffff-ffffffffffff", ""),
                Arguments.of("{'a': 1, 'b': [2, 3]}", "\"{'a': 1, 'b': [2, 3]}\"", ""),
                Arguments.of("map {'k': 'v'}", "{k=v}", ""),
                Arguments.of("union_value(num := 2)", "2", ""),
                Arguments.of("[[1, 2], [3]]", "\"[[1, 2], [3]]\"", ""),
                Arguments.of("[1, 2, 3]::integer[3]", "\"[1, 2, 3]\"", ""),
                Arguments.of("'10101'::bit", "10101", ""),
                Arguments.of("'{\"a\": [1]}'::json", "\"{\"\"a\"\": [1]}\"", ""),
                Arguments.of("99999999999999999999999999999999999999::decimal(38,0)", "1.0E38", ""),
                Arguments.of("'a' || chr(0) || 'b'", "a\u0000b", ""),
                Arguments.of("[]::integer[]", "", ""),
                Arguments.of("NULL", "", ""),
                Arguments.of("'1.2.3.4'::inet", null, "query: DuckDB rejected the SQL: "));
    }

    @ParameterizedTest
    @MethodSource("extremeValues")
    void extremeValueIsAnAnswerOrNamesTheColumn(String expression, String csvCell, String error) throws Exception {
        String sql = select(expression);
        Cli csv = Cli.run("query", "--db", db.toString(), "--format", "csv", "--csv-raw", "--sql", sql);
        if (csvCell == null) {
            TrailStore.assertHuntError(csv, error);
            assertEquals("", csv.out());
        } else {
            TrailStore.assertNoCrash(csv);
            assertEquals(0, csv.code(), csv.err());
            // The map's text depends on the driver; every other value is DuckDB's or ES|QL's exact text.
            String cell = csv.out().lines().toList().get(1);
            assertTrue(cell.equals(csvCell) || (expression.startsWith("map") && cell.contains("k") && cell.contains("v")), sql + " gave " + cell);
        }
        TALLY.held();
    }

    /** Returns the query that selects an expression (which may bring its own FROM) as column v. */
    private static String select(String expression) {
        return expression.contains(" from ") ? "select " + expression.replaceFirst(" from ", " as v from ") : "select " + expression + " as v";
    }

    @Test
    void answeredExtremeValuesRenderInEveryFormat() throws Exception {
        for (Object[] a : extremeValues().map(Arguments::get).filter(a -> a[1] != null).toList()) {
            String expression = (String) a[0];
            Files.writeString(values.resolve("v" + Integer.toHexString(expression.hashCode()) + ".sql"), select(expression));
        }
        try (Stream<Path> files = Files.list(values)) {
            List<String> args = files.map(Path::toString).sorted().toList();
            for (String[] head : new String[][] {{"hunt", "--format", "table"}, {"report", "-o", dir.resolve("values.md").toString()},
                {"report", "-o", dir.resolve("values.html").toString()}}) {
                String[] command = Stream.concat(Stream.concat(Stream.of(head), Stream.of("--db", db.toString())), args.stream()).toArray(String[]::new);
                Cli run = Cli.run(command);
                TrailStore.assertNoCrash(run);
                assertEquals(0, run.code(), run.err());
                assertTrue(run.err().contains(" from " + args.size() + " queries"), run.err());
                TALLY.held();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59.999999999Z", "-0001-01-01T00:00:00Z",
        "0000-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "+294247-01-10T04:00:54Z",
        "9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00+01:00", "2024-02-30T00:00:00Z", "2024-01-01T24:00:01Z",
        "1e400", "9223372036854775807", "latest\u001b[2J",
    })
    void unusableNowIsAUsageErrorEverywhere(String now) {
        for (String[] command : new String[][] {
            {"query", "--db", db.toString(), "--esql", "from logs-* | where @timestamp > now() - 7 days | stats n = count(*)"},
            {"hunt", "--db", db.toString(), "secretsmanager_high_frequency_get_secret_value"},
            {"report", "--db", db.toString(), "-o", dir.resolve("r.md").toString(), "secretsmanager_high_frequency_get_secret_value"},
            {"explain", "--db", db.toString(), "secretsmanager_high_frequency_get_secret_value"},
        }) {
            String[] args = Stream.concat(Stream.of(command), Stream.of("--now", now)).toArray(String[]::new);
            TrailStore.assertUsageError(Cli.run(args), "invalid value for option '--now'");
            TALLY.held();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:00Z", "0000-12-31T00:00:00Z", "9999-12-31T00:00:00Z"})
    void generatedLogsStayWithinUsableYears(String start) {
        TrailStore.assertUsageError(Cli.run("generate", "--out", dir.resolve("gen").toString(), "--events", "50", "--files", "2",
                "--start", start), "--start and --days must keep the logs within the years 0001 to 9999");
        TALLY.held();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1970-01-01T00:00:00Z", "2024-02-29T12:00:00+14:00",
        "9999-12-31T23:59:59.999999Z", "clock", "LATEST"})
    void nowAtTheEdgesRuns(String now) {
        Cli run = Cli.run("query", "--db", db.toString(), "--now", now, "--format", "csv",
                "--esql", "from logs-* | where @timestamp > now() - 7 days and @timestamp <= now() | stats n = count(*)");
        TrailStore.assertNoCrash(run);
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("n\n"), run.out());
        Cli explain = Cli.run("explain", "--db", db.toString(), "--now", now, "secretsmanager_high_frequency_get_secret_value");
        TrailStore.assertNoCrash(explain);
        assertEquals(0, explain.code(), explain.err());
        TALLY.held();
    }
}
