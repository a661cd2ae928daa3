package dev.trailhunt.hunt;

/** Reports a problem with a hunt (unreadable definition, parse or translation error) in text a hunter can act on. */
public class HuntException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HuntException(String message) {
        super(message);
    }

    public HuntException(String message, Throwable cause) {
        super(message, cause);
    }
}
