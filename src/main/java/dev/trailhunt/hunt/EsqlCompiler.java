package dev.trailhunt.hunt;

import dev.trailhunt.engine.ResultTable;
import java.sql.Connection;
import java.time.Instant;

/** Turns ES|QL text into DuckDB SQL for a given now, and runs that SQL on a store connection. */
public interface EsqlCompiler {
    /**
     * Translates one ES|QL query.
     *
     * @throws HuntException with a positioned one-line message (plus excerpt and caret) when the query cannot be translated
     */
    CompiledQuery compile(String esql, Instant now);

    /** Executes a compiled query on a sandboxed connection. */
    ResultTable execute(Connection sandboxed, CompiledQuery query);
}
