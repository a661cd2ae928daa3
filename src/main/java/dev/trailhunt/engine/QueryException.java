package dev.trailhunt.engine;

/** Reports that DuckDB rejected or failed a translated query, in one line. */
public class QueryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
