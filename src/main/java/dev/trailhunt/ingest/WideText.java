package dev.trailhunt.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Re-encodes UTF-16 and UTF-32 text as UTF-8, so that a log saved by a Windows tool (Windows
 * PowerShell's {@code >} writes UTF-16LE with a byte-order mark) loads exactly like its UTF-8 copy;
 * an ill-formed code unit becomes U+FFFD, as an invalid UTF-8 byte does in {@link Utf8ReplacingStream}.
 *
 * <p>The encoding is told by a byte-order mark, or without one by the pattern of NUL bytes in the first
 * four (RFC 4627, section 3): JSON and CSV text starts with two ASCII characters, which UTF-8 never
 * writes as NUL.
 */
final class WideText extends InputStream {
    private static final int CHUNK = 1 << 13;
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    private final InputStream in;
    private final Charset charset;
    /** Bytes per code unit: 2 for UTF-16, 4 for UTF-32. */
    private final int unit;
    private final CharsetDecoder decoder;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
            .replaceWith(new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD});
    private final ByteBuffer bytes = ByteBuffer.allocate(CHUNK).flip();
    private final CharBuffer chars = CharBuffer.allocate(CHUNK);
    private final ByteBuffer out = ByteBuffer.allocate(3 * CHUNK).flip();
    private boolean eof;
    private boolean done;
    private long replaced;

    private WideText(InputStream in, Charset charset) {
        this.in = in;
        this.charset = charset;
        this.unit = charset.name().startsWith("UTF-16") ? 2 : 4;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * Returns a UTF-8 view of {@code in} when it starts as UTF-16 or UTF-32 text (its byte-order mark
     * dropped), or null when it does not, with every byte peeked at pushed back.
     */
    static WideText of(PushbackInputStream in) throws IOException {
        byte[] head = in.readNBytes(4);
        int n = head.length;
        int b0 = n > 0 ? head[0] & 0xff : -1;
        int b1 = n > 1 ? head[1] & 0xff : -1;
        int b2 = n > 2 ? head[2] & 0xff : -1;
        int b3 = n > 3 ? head[3] & 0xff : -1;
        Charset cs = null;
        int bom = 0;
        if (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF) {
            cs = UTF_32BE;
            bom = 4;
        } else if (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0) {
            cs = UTF_32LE;
            bom = 4;
        } else if (b0 == 0xFE && b1 == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            bom = 2;
        } else if (b0 == 0xFF && b1 == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (n == 4 && b0 == 0 && b1 == 0 && b2 == 0 && b3 != 0) {
            cs = UTF_32BE;
        } else if (n == 4 && b0 != 0 && b1 == 0 && b2 == 0 && b3 == 0) {
            cs = UTF_32LE;
        } else if (n >= 2 && b0 == 0 && b1 != 0 && (n < 4 || (b2 == 0 && b3 != 0))) {
            cs = StandardCharsets.UTF_16BE;
        } else if (n >= 2 && b0 != 0 && b1 == 0 && (n < 4 || (b2 != 0 && b3 == 0))) {
            cs = StandardCharsets.UTF_16LE;
        }
        if (n > bom) {
            in.unread(head, bom, n - bom);
        }
        return cs == null ? null : new WideText(in, cs);
    }

    /** Returns the encoding read, e.g. {@code UTF-16LE}. */
    String charset() {
        return charset.name();
    }

    /** Returns how many ill-formed code units were replaced by U+FFFD so far. */
    long replaced() {
        return replaced;
    }

    @Override
    public int read() throws IOException {
        while (!out.hasRemaining()) {
            if (!fill()) {
                return -1;
            }
        }
        return out.get() & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!out.hasRemaining()) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, out.remaining());
        out.get(b, off, n);
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Decodes the next chunk into {@link #out}; returns false once everything was delivered. */
    private boolean fill() throws IOException {
        if (done) {
            return false;
        }
        if (!eof) {
            bytes.compact();
            int r = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (r < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + r);
            }
            bytes.flip();
        }
        CoderResult result = decoder.decode(bytes, chars, eof);
        while (result.isError() && chars.hasRemaining()) {
            // One ill-formed unit (a lone surrogate, a code point past U+10FFFF, a cut final unit). Java
            // calls a high surrogate and the unit after it malformed together; only the surrogate is.
            bytes.position(bytes.position() + Math.min(result.length(), unit));
            chars.put('\uFFFD');
            replaced++;
            result = decoder.decode(bytes, chars, eof);
        }
        boolean last = eof && !bytes.hasRemaining();
        if (last) {
            decoder.flush(chars);
        }
        chars.flip();
        out.clear();
        // At most 3 bytes per char: every char fits, but a high surrogate waiting for its pair.
        encoder.encode(chars, out, last);
        if (last) {
            encoder.flush(out);
            done = true;
        }
        chars.compact();
        out.flip();
        return true;
    }
}
