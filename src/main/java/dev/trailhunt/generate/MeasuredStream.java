package dev.trailhunt.generate;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Counts and hashes (SHA-256) the uncompressed bytes of a log file as they are written. */
final class MeasuredStream extends FilterOutputStream {
    private final MessageDigest sha256;
    private long count;

    MeasuredStream(OutputStream out) {
        super(out);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        sha256.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        sha256.update(b, off, len);
        count += len;
    }

    long count() {
        return count;
    }

    /** Returns the hex SHA-256 of everything written; call once, after the last write. */
    String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
