package dev.trailhunt.geoip;

/** Signals a GeoIP folder or database that cannot be used, with a one-line message for the user. */
public final class GeoIpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with its one-line message. */
    public GeoIpException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Creates the exception with its one-line message. */
    public GeoIpException(String message) {
        super(message);
    }
}
