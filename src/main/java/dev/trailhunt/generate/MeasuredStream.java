package dev.trailhunt.generate;

import dev.trailhunt.model.Sha256;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/** Counts and hashes (SHA-256) the uncompressed bytes of a log file as they are written. */
final class MeasuredStream extends FilterOutputStream {
    private final MessageDigest sha256;
    private long count;

    MeasuredStream(OutputStream out) {
        super(out);
        this.sha256 = Sha256.newDigest();
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
        return Sha256.hex(sha256);
    }
}
