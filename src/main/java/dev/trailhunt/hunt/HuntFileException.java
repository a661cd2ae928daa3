package dev.trailhunt.hunt;

/** Reports a hunt file that cannot be read as a hunt, keeping the file and the reason apart for folder runs. */
final class HuntFileException extends HuntException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    HuntFileException(String location, String reason) {
        super(location + ": " + reason);
        this.reason = reason;
    }

    /** Returns why the file is not a hunt, without the file name. */
    String reason() {
        return reason;
    }
}
