package dev.trailhunt.esql.parser;

/**
 * Bounds the size of a query so that no layer after the parser (translator, jOOQ's renderer,
 * DuckDB's planner) can run out of stack or memory on it; a query over a bound is a syntax error
 * {@code line:col: query too large: …} at the place where it goes over.
 *
 * <p>The bounds are far above what real hunts use: Elasticsearch's whole csv-spec suite stays under
 * 1,500 characters and an expression depth of 10.
 */
public final class QueryLimits {
    /** Caps the characters of a query's text. */
    public static final int MAX_LENGTH = 100_000;
    /** Caps the terms (literals, names, function calls) of a query. */
    public static final int MAX_TERMS = 10_000;
    /**
     * Caps the depth of an expression tree after building; chains of AND or OR are balanced, so
     * only nesting and arithmetic chains count. DuckDB's planner overflows the stack near 700 levels
     * of its own, and one ES|QL level becomes up to a few of those.
     */
    public static final int MAX_DEPTH = 100;

    private QueryLimits() {}
}
