package dev.trailhunt.rules;

import dev.trailhunt.engine.EventTable;
import dev.trailhunt.esql.ast.Binary;
import dev.trailhunt.esql.ast.BinaryOp;
import dev.trailhunt.esql.ast.Command;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.esql.ast.FieldRef;
import dev.trailhunt.esql.ast.From;
import dev.trailhunt.esql.ast.FunctionCall;
import dev.trailhunt.esql.ast.Keep;
import dev.trailhunt.esql.ast.Literal;
import dev.trailhunt.esql.ast.LiteralType;
import dev.trailhunt.esql.ast.NamePattern;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.esql.ast.Source;
import dev.trailhunt.esql.ast.Where;
import dev.trailhunt.model.EcsSchema;
import dev.trailhunt.model.PartitionLayout;
import dev.trailhunt.translate.CloudTrailSources;
import dev.trailhunt.translate.Dialect;
import dev.trailhunt.translate.EsqlTranslator;
import dev.trailhunt.translate.SourceCatalog;
import dev.trailhunt.translate.SourceColumn;
import dev.trailhunt.translate.TranslateOptions;
import dev.trailhunt.translate.Translation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Renders what rules run as SQL through the ES|QL translator: a rule's filter (KQL or EQL lowered into
 * the ES|QL AST) as {@code FROM … | WHERE filter AND time | KEEP fields}, and ES|QL rules as written.
 */
final class RuleCompiler {
    /** Names the index pattern every filter rule reads; the translator maps it to the events table. */
    static final String CLOUDTRAIL = "logs-aws.cloudtrail-*";
    /** Names the store's hash of each raw record, the identity of an event. */
    static final String HASH = "event.hash";
    private static final int NO_LIMIT = Integer.MAX_VALUE;

    private final SourceCatalog sources;
    private final Instant now;
    private final Dialect dialect;

    RuleCompiler(SourceCatalog sources, Instant now) {
        this(sources, now, Dialect.DUCKDB);
    }

    private RuleCompiler(SourceCatalog sources, Instant now, Dialect dialect) {
        this.sources = sources;
        this.now = now;
        this.dialect = dialect;
    }

    /**
     * Creates the compiler for an events table (every ECS column when there is none yet): the store's,
     * rendered as DuckDB SQL, or the ECS Parquet table's on Trino or Athena, rendered as Trino SQL with
     * the partition predicates its partition columns allow.
     */
    static RuleCompiler forStore(EventTable store, Instant now) {
        Set<String> present = store.eventColumns();
        List<SourceColumn> columns = new ArrayList<>(EcsSchema.columns().stream()
                .filter(c -> present.isEmpty() || present.contains(c.name()))
                .map(c -> new SourceColumn(c.name(), c.esqlType(), c.multiValued()))
                .toList());
        if (present.contains(HASH)) {
            // Rules tell events apart by the hash of their raw record: event.id is not unique in every corpus.
            columns.add(new SourceColumn(HASH, dev.trailhunt.model.ValueType.KEYWORD, false));
        }
        if (store.sqlDialect() == EventTable.SqlDialect.TRINO) {
            return new RuleCompiler(new CloudTrailSources(store.eventsTable(), columns, PartitionLayout.of(present)), now, Dialect.TRINO);
        }
        return new RuleCompiler(new CloudTrailSources(store.eventsTable(), columns), now);
    }

    /** Returns the SQL dialect this compiler renders. */
    Dialect dialect() {
        return dialect;
    }

    /** Returns a compiler whose {@code NOW()} is {@code now}, for one execution of a rule. */
    RuleCompiler at(Instant now) {
        return new RuleCompiler(sources, now, dialect);
    }

    /** Tells whether the translator derives this field from {@code event.original} (the flattened leaves of a record's JSON). */
    static boolean derivedFromOriginal(String name) {
        return name.startsWith("aws.cloudtrail.flattened.") && !name.startsWith("aws.cloudtrail.flattened.digest")
                && !name.startsWith("aws.cloudtrail.flattened.insight_details");
    }

    /** Tells whether the events table has a column of this name, or the translator derives it (flattened leaves). */
    boolean hasColumn(String name) {
        if (derivedFromOriginal(name)) {
            // The translator derives these leaves from event.original.
            return hasColumn("event.original");
        }
        return sources.resolve(CLOUDTRAIL).map(t -> t.columns().stream().anyMatch(c -> c.name().equals(name))).orElse(false);
    }

    /** Returns the catalog FROM resolves against, to check an ES|QL rule's sources before running it. */
    SourceCatalog sources() {
        return sources;
    }

    /**
     * Translates the rows a filter selects between two instants (inclusive), keeping {@code fields}.
     *
     * @throws dev.trailhunt.translate.EsqlException when the filter cannot be translated
     */
    Translation filterRows(Expr filter, Instant from, Instant to, List<String> fields) {
        Expr timed = and(and(filter, compare(BinaryOp.GTE, from)), compare(BinaryOp.LTE, to));
        List<NamePattern> keep = new ArrayList<>();
        for (String f : fields) {
            keep.add(new NamePattern(f, Source.EMPTY));
        }
        List<Command> commands = List.of(
                new From(List.of(CLOUDTRAIL), List.of(), Source.EMPTY),
                new Where(timed, Source.EMPTY),
                new Keep(keep, Source.EMPTY));
        return translate(new Query(commands, Source.EMPTY));
    }

    /** Translates an ES|QL query without ES|QL's row limits: a rule's rows are all its alerts. */
    Translation translate(Query query) {
        return new EsqlTranslator(sources, new TranslateOptions(now, NO_LIMIT, NO_LIMIT), dialect).translate(query);
    }

    /** Builds {@code a AND b}. */
    static Expr and(Expr a, Expr b) {
        return new Binary(BinaryOp.AND, a, b, Source.EMPTY);
    }

    /** Builds {@code @timestamp op TO_DATETIME("t")}. */
    static Expr compare(BinaryOp op, Instant t) {
        Expr time = new FunctionCall("to_datetime",
                List.of(new Literal(t.toString(), LiteralType.KEYWORD, Source.EMPTY)), false, Source.EMPTY);
        return new Binary(op, new FieldRef("@timestamp", Source.EMPTY), time, Source.EMPTY);
    }
}
