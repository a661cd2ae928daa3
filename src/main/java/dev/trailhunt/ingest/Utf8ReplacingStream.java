package dev.trailhunt.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * Passes UTF-8 through unchanged and replaces every byte that does not start a well-formed UTF-8
 * sequence with U+FFFD, as Go's JSON decoder in Elastic's shippers does, so that one bad byte in
 * an attacker-controlled string (a user agent, say) cannot hide the records that follow it.
 */
final class Utf8ReplacingStream extends InputStream {
    private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};
    private static final int CHUNK = 1 << 16;

    private final InputStream in;
    private final byte[] src = new byte[CHUNK];
    private final byte[] out = new byte[3 * CHUNK];
    private int srcStart;
    private int srcEnd;
    private int outPos;
    private int outEnd;
    private boolean eof;
    private long replaced;

    Utf8ReplacingStream(InputStream in) {
        this.in = in;
    }

    /** Returns how many bytes were replaced by U+FFFD so far. */
    long replaced() {
        return replaced;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (outPos == outEnd) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, outEnd - outPos);
        System.arraycopy(out, outPos, b, off, n);
        outPos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Reads the next chunk and repairs it; returns false at the end of the input. */
    private boolean fill() throws IOException {
        if (eof && srcStart == srcEnd) {
            return false;
        }
        if (!eof) {
            // At most three bytes of an unfinished sequence are carried over to the next chunk.
            System.arraycopy(src, srcStart, src, 0, srcEnd - srcStart);
            srcEnd -= srcStart;
            srcStart = 0;
            int n = in.read(src, srcEnd, src.length - srcEnd);
            if (n < 0) {
                eof = true;
            } else {
                srcEnd += n;
            }
        }
        outPos = 0;
        outEnd = 0;
        int i = srcStart;
        while (i < srcEnd) {
            if (src[i] >= 0) {
                // A run of ASCII, almost all of CloudTrail, is copied in one go.
                int end = i + 1;
                while (end < srcEnd && src[end] >= 0) {
                    end++;
                }
                System.arraycopy(src, i, out, outEnd, end - i);
                outEnd += end - i;
                i = end;
                continue;
            }
            int n = sequenceLength(i);
            if (n == 0 && !eof) {
                break;
            }
            if (n > 0) {
                System.arraycopy(src, i, out, outEnd, n);
                outEnd += n;
                i += n;
            } else {
                System.arraycopy(REPLACEMENT, 0, out, outEnd, REPLACEMENT.length);
                outEnd += REPLACEMENT.length;
                replaced++;
                i++;
            }
        }
        srcStart = i;
        return true;
    }

    /** Returns the length of the well-formed sequence at {@code i}, 0 when it is cut by the chunk end, -1 when ill-formed. */
    private int sequenceLength(int i) {
        int lead = src[i] & 0xff;
        int n;
        int lo = 0x80;
        int hi = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            n = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            n = 3;
            lo = lead == 0xE0 ? 0xA0 : 0x80;
            hi = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            n = 4;
            lo = lead == 0xF0 ? 0x90 : 0x80;
            hi = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            return -1;
        }
        for (int k = 1; k < n; k++) {
            if (i + k >= srcEnd) {
                return 0;
            }
            int c = src[i + k] & 0xff;
            if (k == 1 ? c < lo || c > hi : c < 0x80 || c > 0xBF) {
                return -1;
            }
        }
        return n;
    }
}
