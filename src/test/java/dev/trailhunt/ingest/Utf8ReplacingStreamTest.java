package dev.trailhunt.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8ReplacingStreamTest {
    @Test
    void validUtf8PassesThroughWhateverTheReadSizes() throws IOException {
        Random random = new Random(8);
        for (int round = 0; round < 200; round++) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 2000; i++) {
                s.appendCodePoint(random.nextInt(4) == 0 ? 0x80 + random.nextInt(0x10FFFF - 0x80) : 0x20 + random.nextInt(0x5F));
            }
            String text = s.toString().replaceAll("[\\uD800-\\uDFFF]", "x");
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(bytes, readAll(bytes, random));
        }
    }

    @Test
    void everyByteThatStartsNoWellFormedSequenceBecomesOneReplacement() throws IOException {
        Random random = new Random(9);
        for (int round = 0; round < 300; round++) {
            byte[] bytes = new byte[1 + random.nextInt(300)];
            for (int i = 0; i < bytes.length; i++) {
                // Mostly high bytes, so that valid, cut and ill-formed sequences all occur.
                bytes[i] = (byte) (random.nextInt(3) == 0 ? 'a' + random.nextInt(26) : 0x80 + random.nextInt(128));
            }
            assertArrayEquals(oracle(bytes), readAll(bytes, random));
        }
    }

    /** Repairs by trying, at each position, the lengths 1 to 4 with the JDK's strict decoder. */
    private static byte[] oracle(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        next:
        while (i < in.length) {
            for (int n = 1; n <= 4 && i + n <= in.length; n++) {
                CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
                try {
                    CharBuffer cs = strict.decode(ByteBuffer.wrap(in, i, n));
                    if (cs.codePoints().count() == 1) {
                        out.write(in, i, n);
                        i += n;
                        continue next;
                    }
                } catch (CharacterCodingException e) {
                    // Not one well-formed code point of this length; try a longer one.
                }
            }
            out.writeBytes("\uFFFD".getBytes(StandardCharsets.UTF_8));
            i++;
        }
        return out.toByteArray();
    }

    /** Reads through the repairing stream from a source that hands out 1 to 7 bytes per read. */
    private static byte[] readAll(byte[] bytes, Random random) throws IOException {
        InputStream trickle = new InputStream() {
            private int pos;

            @Override
            public int read() {
                return pos < bytes.length ? bytes[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= bytes.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, 1 + random.nextInt(7)), bytes.length - pos);
                System.arraycopy(bytes, pos, b, off, n);
                pos += n;
                return n;
            }
        };
        try (InputStream in = new Utf8ReplacingStream(trickle)) {
            return in.readAllBytes();
        }
    }
}
