package dev.trailhunt.engine;

/** Reports hunt SQL that may not or cannot run on the store, in one line. */
public class SqlRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SqlRejectedException(String message) {
        super(message);
    }

    public SqlRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
