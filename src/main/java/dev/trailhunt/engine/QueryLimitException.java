package dev.trailhunt.engine;

/** Reports that a query hit one of its limits (time, DuckDB memory, spill space, Java heap), naming the limit. */
public class QueryLimitException extends QueryException {
    private static final long serialVersionUID = 1L;

    public QueryLimitException(String message, Throwable cause) {
        super(message, cause);
    }
}
