package dev.trailhunt.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Passes the bytes a JSON parser reads through unchanged while keeping those of the record being
 * read, so that a record already in its stored form becomes {@code event.original} without being
 * rendered again from its tree.
 *
 * <p>Offsets count the bytes read through this stream. Between records only the bytes of the last
 * read are kept: the parser's look-ahead, where the next record's first byte will be found.
 */
final class RecordBytes extends InputStream {
    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    /** Offset of {@code buf[0]}. */
    private long base;
    private int len;
    /** Offset of the first byte to keep, or -1 when no record is being kept. */
    private long keepFrom = -1;

    RecordBytes(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int n) throws IOException {
        int r = in.read(b, off, n);
        if (r <= 0) {
            return r;
        }
        long readStart = base + len;
        long from = keepFrom >= 0 ? Math.min(keepFrom, readStart) : readStart;
        int drop = (int) (from - base);
        if (drop > 0) {
            System.arraycopy(buf, drop, buf, 0, len - drop);
            len -= drop;
            base = from;
        }
        if (len + r > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(2 * buf.length, len + r));
        }
        System.arraycopy(b, off, buf, len, r);
        len += r;
        return r;
    }

    /**
     * Starts keeping bytes from {@code offset}, the first byte of a record the parser has just
     * reached; returns false when that byte is no longer held (then nothing is kept).
     */
    boolean keepFrom(long offset) {
        if (offset < base || offset > base + len) {
            keepFrom = -1;
            return false;
        }
        keepFrom = offset;
        return true;
    }

    /** Returns the bytes from the kept offset up to {@code end} and stops keeping; null when none were kept. */
    byte[] take(long end) {
        long from = keepFrom;
        keepFrom = -1;
        if (from < 0 || from < base || end > base + len || end < from) {
            return null;
        }
        return Arrays.copyOfRange(buf, (int) (from - base), (int) (end - base));
    }

    /** Stops keeping bytes. */
    void release() {
        keepFrom = -1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
