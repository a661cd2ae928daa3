package dev.trailhunt.hunt;

import dev.trailhunt.model.ResultColumn;
import java.util.List;

/**
 * Holds an ES|QL query translated to DuckDB SQL.
 *
 * @param sql the DuckDB SQL text
 * @param columns the result columns in ES|QL order and types
 */
public record CompiledQuery(String sql, List<ResultColumn> columns) {
    public CompiledQuery {
        columns = List.copyOf(columns);
    }
}
