package dev.trailhunt.translate;

import static dev.trailhunt.translate.Pipeline.ref;

import dev.trailhunt.esql.ast.Command;
import dev.trailhunt.esql.ast.From;
import dev.trailhunt.esql.ast.Limit;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.esql.ast.Row;
import dev.trailhunt.esql.ast.Sort;
import dev.trailhunt.model.ResultColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jooq.CommonTableExpression;
import org.jooq.DSLContext;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.VisitListenerProvider;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

/**
 * Translates a parsed ES|QL query into one SQL statement with Elasticsearch's semantics.
 *
 * <p>Every pipe stage becomes a CTE with an explicit column list (see {@link CommandTranslator}), so
 * ES|QL's column placement is tracked here rather than left to SQL. Only tables from the
 * {@link SourceCatalog} are referenced, and function names come from the {@link FunctionRegistry};
 * query text reaches SQL only as inlined literals.
 */
public final class EsqlTranslator {
    private final SourceCatalog sources;
    private final TranslateOptions options;
    private final Dialect dialect;
    private final DSLContext dsl;

    /** Creates a translator to DuckDB reading from {@code sources} with the given run options. */
    public EsqlTranslator(SourceCatalog sources, TranslateOptions options) {
        this(sources, options, Dialect.DUCKDB);
    }

    /** Creates a translator to {@code dialect} reading from {@code sources} with the given run options. */
    public EsqlTranslator(SourceCatalog sources, TranslateOptions options, Dialect dialect) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.options = Objects.requireNonNull(options, "options");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.dsl = DSL.using(new DefaultConfiguration()
                .set(dialect.jooq())
                .set(new Settings().withStatementType(StatementType.STATIC_STATEMENT).withRenderFormatted(true))
                .set((VisitListenerProvider) RenderBudget::new));
    }

    /**
     * Translates a query.
     *
     * @throws EsqlException positioned, when the query uses an unsupported feature or is invalid
     */
    public Translation translate(Query query) {
        try {
            return build(query);
        } catch (ArithmeticException e) {
            // A time span or constant too large for java.time or int: a user error, reported in one line.
            throw EsqlException.semantic("number out of range: " + e.getMessage(), query.source().line(), query.source().column());
        }
    }

    private Translation build(Query query) {
        Session session = Session.of(options, query.settings(), dialect);
        List<Command> commands = query.commands();
        if (commands.isEmpty()) {
            throw EsqlException.semantic("empty query", 1, 1);
        }
        Pipeline pipeline = Pipeline.EMPTY;
        Command emptiedBy = null;
        long finalLimit = -1;
        int n = commands.size();
        for (int i = 0; i < n; i++) {
            Command c = commands.get(i);
            boolean source = c instanceof From || c instanceof Row;
            if (source != (i == 0)) {
                throw Errors.semantic(i == 0 ? "a query must start with FROM or ROW" : "FROM and ROW can only start a query", c);
            }
            if (i == n - 1 && c instanceof Limit l) {
                // A final LIMIT is the statement's own.
                finalLimit = Math.min(l.count(), options.maxLimit());
                continue;
            }
            // A SORT that only a final LIMIT follows becomes the statement's ORDER BY, so DuckDB can use a top-N.
            boolean sortIsFinal = c instanceof Sort && (i == n - 1 || (i == n - 2 && commands.get(n - 1) instanceof Limit));
            Pipeline next = c.accept(new CommandTranslator(pipeline, sources, query, session, sortIsFinal));
            if (next.columns().isEmpty() && !pipeline.columns().isEmpty()) {
                emptiedBy = c;
            }
            pipeline = next;
        }
        if (pipeline.columns().isEmpty() && emptiedBy != null) {
            // Stages without columns work in between (Elasticsearch allows them), but a statement must select something.
            throw Errors.semantic("query returns no columns: this command removes the last one", emptiedBy);
        }
        long limit = finalLimit >= 0 ? finalLimit : Math.min(options.defaultLimit(), options.maxLimit());
        List<SelectField<?>> out = new ArrayList<>();
        List<ResultColumn> columns = new ArrayList<>();
        java.util.Set<String> hidden = new java.util.HashSet<>();
        for (String name : CommandTranslator.storedTexts(query)) {
            hidden.add(HiddenNames.stored(name));
        }
        for (Column c : pipeline.columns()) {
            if (hidden.contains(c.name())) {
                // The stored value a prefilter read (only internal calls add one): not one of the query's columns.
                continue;
            }
            out.add(ref(c.name()));
            columns.add(new ResultColumn(c.name(), c.type()));
        }
        List<CommonTableExpression<?>> ctes = pipeline.stages().stream().<CommonTableExpression<?>>map(Stage::cte).toList();
        var select = ctes.isEmpty() ? DSL.select(out) : DSL.with(ctes).select(out);
        Select<?> q;
        if (pipeline.stages().isEmpty()) {
            q = select.limit(DSL.inline(limit));
        } else if (!pipeline.finalOrder().isEmpty()) {
            q = select.from(pipeline.last().table()).orderBy(pipeline.finalOrder()).limit(DSL.inline(limit));
        } else if (pipeline.ordered()) {
            q = select.from(pipeline.last().table()).orderBy(ref(HiddenNames.ORDER)).limit(DSL.inline(limit));
        } else {
            q = select.from(pipeline.last().table()).limit(DSL.inline(limit));
        }
        String sql;
        try {
            sql = dsl.renderInlined(q);
        } catch (RenderBudget.Exceeded e) {
            throw EsqlException.semantic("query too large: " + e.getMessage(), query.source().line(), query.source().column());
        }
        return new Translation(q, sql, columns);
    }
}
