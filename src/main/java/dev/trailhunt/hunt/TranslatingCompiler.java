package dev.trailhunt.hunt;

import dev.trailhunt.engine.EventLoader;
import dev.trailhunt.engine.QueryException;
import dev.trailhunt.engine.Store;
import dev.trailhunt.engine.StoreColumn;
import dev.trailhunt.engine.RemoteEngine;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.model.CaretExcerpt;
import dev.trailhunt.esql.parser.EsqlParser;
import dev.trailhunt.esql.parser.EsqlSyntaxException;
import dev.trailhunt.model.EcsSchema;
import dev.trailhunt.model.PartitionLayout;
import dev.trailhunt.model.ResultTable;
import dev.trailhunt.model.TimeBound;
import dev.trailhunt.model.ValueType;
import dev.trailhunt.translate.CloudTrailSources;
import dev.trailhunt.translate.Dialect;
import dev.trailhunt.translate.EsqlException;
import dev.trailhunt.translate.EsqlTranslator;
import dev.trailhunt.translate.SourceColumn;
import dev.trailhunt.translate.TranslateOptions;
import dev.trailhunt.translate.Translation;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns ES|QL text into SQL for a given now with trailhunt's parser and translator, and runs that
 * SQL: DuckDB SQL on the store, or Trino SQL over the ECS Parquet table on a Trino cluster.
 */
public final class TranslatingCompiler {
    private static final List<SourceColumn> PROVENANCE = List.of(
            new SourceColumn(EventLoader.FILE_PATH, ValueType.KEYWORD, false),
            new SourceColumn(EventLoader.OFFSET, ValueType.LONG, false),
            new SourceColumn(EventLoader.HASH, ValueType.KEYWORD, false));

    /** The table name {@code export --parquet}'s CREATE TABLE statements use, unless --table says otherwise. */
    public static final String TRINO_TABLE = "cloudtrail_ecs";

    private final CloudTrailSources sources;
    private final List<SourceColumn> fields;
    private final Dialect dialect;
    private final RemoteEngine trino;

    private TranslatingCompiler(CloudTrailSources sources, List<SourceColumn> fields, Dialect dialect, RemoteEngine trino) {
        this.sources = sources;
        this.fields = List.copyOf(fields);
        this.dialect = dialect;
        this.trino = trino;
    }

    /**
     * Creates the compiler to Trino SQL over the ECS Parquet table {@code table}, partitioned as
     * {@code partitions} says; it runs queries on {@code trino}, or on nothing when null (for explain).
     */
    public static TranslatingCompiler forTrino(String table, PartitionLayout partitions, RemoteEngine trino) {
        List<SourceColumn> columns = EcsSchema.columns().stream()
                .map(c -> new SourceColumn(c.name(), c.esqlType(), c.multiValued()))
                .toList();
        return new TranslatingCompiler(new CloudTrailSources(table, columns, partitions), columns, Dialect.TRINO, trino);
    }

    /** Returns the dialect this compiler renders, which names the engine in messages and provenance. */
    public Dialect dialect() {
        return dialect;
    }

    /** Returns the fields FROM sees, in ECS schema order. */
    public List<SourceColumn> fields() {
        return fields;
    }

    /**
     * Creates the compiler for a store: FROM sees the ECS columns the store holds, or every ECS
     * column when there is no store yet (for explain).
     */
    public static TranslatingCompiler forStore(Store store) {
        Set<String> present = store.columns(Store.EVENTS_TABLE).stream().map(StoreColumn::name).collect(Collectors.toSet());
        List<SourceColumn> columns = new java.util.ArrayList<>(EcsSchema.columns().stream()
                .filter(c -> present.isEmpty() || present.contains(c.name()))
                .map(c -> new SourceColumn(c.name(), c.esqlType(), c.multiValued()))
                .toList());
        // Where each event came from, as the README's store schema promises ES|QL can read too.
        for (SourceColumn p : PROVENANCE) {
            if (present.isEmpty() || present.contains(p.name())) {
                columns.add(p);
            }
        }
        return new TranslatingCompiler(new CloudTrailSources(Store.EVENTS_TABLE, columns), columns, Dialect.DUCKDB, null);
    }

    /**
     * Parses and translates one ES|QL query.
     *
     * @throws HuntException with a positioned one-line message, the offending line and a caret when the query cannot be translated
     */
    public CompiledQuery compile(String esql, Instant now) {
        return compile(parse(esql), esql, now);
    }

    /** Parses ES|QL text, reporting a syntax error as a hunt error with the offending line and a caret. */
    public static Query parse(String esql) {
        try {
            return EsqlParser.parse(esql);
        } catch (EsqlSyntaxException e) {
            throw new HuntException(e.formatted(), e);
        }
    }

    /**
     * Translates a parsed query.
     *
     * @param esql the text {@code query} was parsed from, which errors quote
     * @throws HuntException with a positioned one-line message, the offending line and a caret when the query cannot be translated
     */
    public CompiledQuery compile(Query query, String esql, Instant now) {
        return compile(query, esql, now, TimeBound.NONE);
    }

    /**
     * Translates a parsed query whose FROM sees only the events within {@code bound}.
     *
     * @throws HuntException with a positioned one-line message, the offending line and a caret when the query cannot be translated
     */
    public CompiledQuery compile(Query query, String esql, Instant now, TimeBound bound) {
        return compile(query, esql, TranslateOptions.defaults(now).bounded(bound));
    }

    /**
     * Translates a parsed query with given options, e.g. limits one higher to learn whether a LIMIT cut rows.
     *
     * @throws HuntException with a positioned one-line message when the query cannot be translated
     */
    public CompiledQuery compile(Query query, String esql, TranslateOptions options) {
        try {
            Translation t = new EsqlTranslator(sources, options, dialect).translate(query);
            return new CompiledQuery(t.sql(), t.columns());
        } catch (EsqlException e) {
            throw new HuntException(CaretExcerpt.in(e.getMessage(), esql, e.line(), e.column()), e);
        }
    }

    /** Executes a compiled query on a sandboxed store, or on Trino for a Trino compiler. */
    public ResultTable execute(Store sandboxed, CompiledQuery query) {
        try {
            if (dialect == Dialect.TRINO) {
                if (trino == null) {
                    throw new HuntException("no Trino engine to run on: give --engine trino --url jdbc:trino://HOST:PORT/CATALOG/SCHEMA");
                }
                return trino.query(query.sql(), query.columns());
            }
            return sandboxed.query(query.sql(), query.columns());
        } catch (QueryException e) {
            throw new HuntException(e.getMessage(), e);
        }
    }
}
