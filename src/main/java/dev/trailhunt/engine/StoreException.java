package dev.trailhunt.engine;

/** Reports a problem with the store (cannot open, in use, corrupt) in one line a user can act on. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
