package dev.trailhunt.report;

/** Says that a report carries no usable trailhunt manifest. */
public final class ManifestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a one-line reason. */
    public ManifestException(String message) {
        super(message);
    }
}
