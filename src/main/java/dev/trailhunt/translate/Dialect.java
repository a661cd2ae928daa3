package dev.trailhunt.translate;

import org.jooq.SQLDialect;

/**
 * Names the SQL dialect a translation renders to.
 *
 * <p>Every function entry of the {@link FunctionRegistry} holds one rendering per dialect, so a
 * second engine (Trino) is added as a constant here and a rendering next to each DuckDB one; a
 * function without a rendering for the chosen dialect is reported as unsupported.
 */
public enum Dialect {
    /** The embedded DuckDB that holds trailhunt's store. */
    DUCKDB(SQLDialect.DUCKDB);

    private final SQLDialect jooq;

    Dialect(SQLDialect jooq) {
        this.jooq = jooq;
    }

    /** Returns the jOOQ dialect that renders the statement around the functions. */
    SQLDialect jooq() {
        return jooq;
    }
}
