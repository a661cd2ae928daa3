package dev.trailhunt.conformance;

/** Reports a csv-spec or dataset file the harness cannot read, naming what is wrong. */
final class SpecFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SpecFormatException(String message) {
        super(message);
    }

    SpecFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
