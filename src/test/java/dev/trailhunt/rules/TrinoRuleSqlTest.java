package dev.trailhunt.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trailhunt.engine.EventTable;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.kql.Kql;
import dev.trailhunt.model.EcsSchema;
import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import dev.trailhunt.translate.Translation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Checks what a rule's SQL becomes over the ECS Parquet table on Trino, without a Trino at hand: Trino
 * SQL over the named table, with the partition predicates of its execution window and pinned account.
 * That it runs and gives DuckDB's alerts is trino-it's TrinoParityIT on a real Trino 435.
 */
class TrinoRuleSqlTest {
    /** Describes a remote table by its columns only; rendering never queries it. */
    private record Described(Set<String> eventColumns) implements EventTable {
        @Override
        public SqlDialect sqlDialect() {
            return SqlDialect.TRINO;
        }

        @Override
        public String eventsTable() {
            return "cloudtrail_ecs";
        }

        @Override
        public ResultTable query(String sql, List<ResultColumn> columns) {
            throw new AssertionError("rendering must not query: " + sql);
        }
    }

    /** Records the SQL a rule runs on a table of a dialect, answering every query with no rows. */
    private record Recording(SqlDialect sqlDialect, Set<String> eventColumns, List<String> sql) implements EventTable {
        @Override
        public String eventsTable() {
            return "cloudtrail_ecs";
        }

        @Override
        public ResultTable query(String text, List<ResultColumn> columns) {
            sql.add(text);
            return new ResultTable(columns, List.of());
        }
    }

    @Test
    void anAggregatingRuleOnTrinoRunsOneQueryPerWindowCopyAndOnDuckdbOneQuery() {
        assumeTrue(TrailEvents.sharedPresent(), "../shared is absent");
        // STATS … BY instance, user, DATE_TRUNC(5 minute, @timestamp): the one-query form applies on DuckDB.
        Rule rule = TrailEvents.sharedRule("execution_ec2_stop_start_with_user_data_modification.toml");
        Instant first = Instant.parse("2026-11-24T00:00:00Z");
        Instant last = Instant.parse("2026-11-24T06:00:00Z");
        ExecutionPlan plan = new ExecutionPlan(first, last, rule.interval(), rule.lookback());
        List<String> trinoSql = new ArrayList<>();
        EventTable trino = new Recording(EventTable.SqlDialect.TRINO, columns("dt"), trinoSql);
        RuleRun onTrino = EsqlRuleRunner.run(rule, trino, RuleCompiler.forStore(trino, last), plan);
        assertEquals(RuleRun.Status.RAN, onTrino.status(), onTrino.reason());
        // The one-query form needs MV_EXPAND and TO_LONG of datetimes, which WindowedStats knows render on DuckDB only.
        assertEquals(WindowedStats.copies(plan), trinoSql.size(), String.join("\n;\n", trinoSql));
        trinoSql.forEach(q -> assertFalse(q.toLowerCase(java.util.Locale.ROOT).contains("unnest"), q));
        List<String> duckdbSql = new ArrayList<>();
        EventTable duckdb = new Recording(EventTable.SqlDialect.DUCKDB, columns(), duckdbSql);
        RuleRun onDuckdb = EsqlRuleRunner.run(rule, duckdb, RuleCompiler.forStore(duckdb, last), plan);
        assertEquals(RuleRun.Status.RAN, onDuckdb.status(), onDuckdb.reason());
        assertEquals(1, duckdbSql.size(), String.join("\n;\n", duckdbSql));
        assertTrue(duckdbSql.get(0).contains("unnest("), duckdbSql.get(0));
    }

    private static Set<String> columns(String... partitions) {
        Set<String> c = new HashSet<>();
        EcsSchema.columns().forEach(col -> c.add(col.name()));
        c.addAll(List.of(partitions));
        return c;
    }

    @Test
    void aRuleExecutionReadsOnlyItsDaysAndItsPinnedAccount() {
        RuleCompiler compiler = RuleCompiler.forStore(new Described(columns("dt", "account", "region")), Instant.parse("2026-11-26T23:55:19Z"));
        Expr filter = Kql.lower("event.action: \"CreateUser\"").filter();
        Translation t = compiler.filterRows(new dev.trailhunt.esql.ast.Binary(dev.trailhunt.esql.ast.BinaryOp.AND, filter,
                        new dev.trailhunt.esql.ast.Binary(dev.trailhunt.esql.ast.BinaryOp.EQ,
                                new dev.trailhunt.esql.ast.FieldRef("cloud.account.id", dev.trailhunt.esql.ast.Source.EMPTY),
                                new dev.trailhunt.esql.ast.Literal("111122223333", dev.trailhunt.esql.ast.LiteralType.KEYWORD,
                                        dev.trailhunt.esql.ast.Source.EMPTY), dev.trailhunt.esql.ast.Source.EMPTY),
                        dev.trailhunt.esql.ast.Source.EMPTY),
                Instant.parse("2026-11-24T23:55:00Z"), Instant.parse("2026-11-25T00:05:00Z"), List.of("event.id"));
        String sql = t.sql();
        assertTrue(sql.contains("from \"cloudtrail_ecs\""), sql);
        assertTrue(sql.contains("\"dt\" >= '2026-11-24'") && sql.contains("\"dt\" <= '2026-11-25'"), sql);
        assertTrue(sql.contains("\"account\" = '111122223333'"), sql);
    }
}
