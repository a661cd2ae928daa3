package dev.trailhunt.hunt;

import dev.trailhunt.engine.QueryException;
import dev.trailhunt.engine.QueryExecutor;
import dev.trailhunt.engine.ResultTable;
import dev.trailhunt.engine.Store;
import dev.trailhunt.engine.StoreColumn;
import dev.trailhunt.engine.StoreException;
import dev.trailhunt.engine.StoreSchema;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.esql.parser.EsqlParser;
import dev.trailhunt.esql.parser.EsqlSyntaxException;
import dev.trailhunt.ingest.ecs.EcsSchema;
import dev.trailhunt.translate.CloudTrailSources;
import dev.trailhunt.translate.EsqlException;
import dev.trailhunt.translate.EsqlTranslator;
import dev.trailhunt.translate.SourceColumn;
import dev.trailhunt.translate.TranslateOptions;
import dev.trailhunt.translate.Translation;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Translates ES|QL with trailhunt's parser and translator and runs the SQL on the store. */
public final class TranslatingCompiler implements EsqlCompiler {
    private final CloudTrailSources sources;

    private TranslatingCompiler(CloudTrailSources sources) {
        this.sources = sources;
    }

    /**
     * Creates the compiler for a store connection: FROM sees the ECS columns the store holds, or
     * every ECS column when there is no store yet (for explain).
     */
    public static EsqlCompiler forStore(Connection connection) {
        Set<String> present;
        try {
            present = StoreSchema.columnsOf(connection, Store.EVENTS_TABLE).stream().map(StoreColumn::name).collect(Collectors.toSet());
        } catch (SQLException e) {
            throw new StoreException("cannot read the store's columns: " + Store.firstLine(e), e);
        }
        List<SourceColumn> columns = EcsSchema.columns().stream()
                .filter(c -> present.isEmpty() || present.contains(c.name()))
                .map(c -> new SourceColumn(c.name(), c.esqlType(), c.multiValued()))
                .toList();
        return new TranslatingCompiler(new CloudTrailSources(Store.EVENTS_TABLE, columns));
    }

    @Override
    public CompiledQuery compile(String esql, Instant now) {
        Query query;
        try {
            query = EsqlParser.parse(esql);
        } catch (EsqlSyntaxException e) {
            throw new HuntException(e.formatted(), e);
        }
        try {
            Translation t = new EsqlTranslator(sources, TranslateOptions.defaults(now)).translate(query);
            return new CompiledQuery(t.sql(), t.columns(), t);
        } catch (EsqlException e) {
            throw new HuntException(withExcerpt(e.getMessage(), esql, e.line(), e.column()), e);
        }
    }

    @Override
    public ResultTable execute(Connection sandboxed, CompiledQuery query) {
        try {
            return QueryExecutor.execute(sandboxed, query.sql(), query.columns());
        } catch (QueryException e) {
            throw new HuntException(e.getMessage(), e);
        }
    }

    /** Adds the offending line and a caret under the column, as syntax errors show them. */
    static String withExcerpt(String message, String text, int line, int column) {
        List<String> lines = text.lines().toList();
        if (line < 1 || line > lines.size()) {
            return message;
        }
        String src = lines.get(line - 1);
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < column - 1; i++) {
            caret.append(i < src.length() && src.charAt(i) == '\t' ? '\t' : ' ');
        }
        return message + "\n" + src + "\n" + caret + "^";
    }
}
