package dev.trailhunt.hunt;

/** Reports a HUNT argument that names no file and no built-in hunt, which is a usage error. */
public class HuntNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HuntNotFoundException(String message) {
        super(message);
    }
}
