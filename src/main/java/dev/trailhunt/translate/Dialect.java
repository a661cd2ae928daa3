package dev.trailhunt.translate;

import java.util.Locale;
import org.jooq.SQLDialect;

/**
 * Names the SQL dialect a translation renders to.
 *
 * <p>Every function entry of the {@link FunctionRegistry} holds one rendering per dialect; a
 * function without a rendering for the chosen dialect is reported as {@code unsupported on trino: …}.
 * Trino is also the dialect of Amazon Athena (engine v3): the Trino renderings keep to functions
 * Trino 435 has, which Athena v3 has too.
 */
public enum Dialect {
    /** The embedded DuckDB that holds trailhunt's store. */
    DUCKDB(SQLDialect.DUCKDB),
    /** Trino 435 and later, and Amazon Athena engine v3, over the ECS Parquet layout of {@code export --parquet}. */
    TRINO(SQLDialect.TRINO);

    private final SQLDialect jooq;

    Dialect(SQLDialect jooq) {
        this.jooq = jooq;
    }

    /** Returns the jOOQ dialect that renders the statement around the functions. */
    SQLDialect jooq() {
        return jooq;
    }

    /** Returns the lower-case name users write, as in {@code --target trino}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
