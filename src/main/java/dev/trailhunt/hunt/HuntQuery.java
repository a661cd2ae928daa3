package dev.trailhunt.hunt;

import java.util.Objects;

/**
 * Holds one query of a hunt.
 *
 * @param index the 1-based position of the query in its hunt
 * @param language the language the query is written in
 * @param text the query text exactly as the hunt file holds it
 */
public record HuntQuery(int index, QueryLanguage language, String text) {
    public HuntQuery {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(text, "text");
    }

    /** Tells whether trailhunt runs this query (ES|QL, or DuckDB SQL from a {@code .sql} file). */
    public boolean runnable() {
        return language == QueryLanguage.ESQL || language == QueryLanguage.DUCKDB_SQL;
    }

    /** Explains why a query is not run, or returns null when it is. */
    public String skipReason() {
        return switch (language) {
            case ESQL, DUCKDB_SQL -> null;
            case OSQUERY_SQL -> "osquery SQL runs on endpoints through Elastic Defend, not on CloudTrail logs";
            case EQL -> "EQL is not supported; trailhunt runs ES|QL";
            case UNKNOWN -> "the query language is not recognised (expected ES|QL starting with FROM or ROW)";
        };
    }
}
