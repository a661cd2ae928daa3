package dev.trailhunt.hunt;

import dev.trailhunt.engine.ResultColumn;
import java.util.List;

/**
 * Holds an ES|QL query translated to DuckDB SQL.
 *
 * @param sql the DuckDB SQL text
 * @param columns the result columns in ES|QL order and types
 * @param handle the translator's own result, passed back to {@link EsqlCompiler#execute}
 */
public record CompiledQuery(String sql, List<ResultColumn> columns, Object handle) {
    public CompiledQuery {
        columns = List.copyOf(columns);
    }
}
