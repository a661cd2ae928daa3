package dev.trailhunt.generate;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a gzip member with a fixed header (no name, modification time 0, OS "unknown").
 *
 * <p>{@code GZIPOutputStream}'s header bytes have changed between JDK releases; writing them here
 * keeps generated files byte-identical whatever JDK made them.
 */
final class GzipSink extends FilterOutputStream {
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final OutputStream raw;
    private final Deflater deflater;
    private final CRC32 crc = new CRC32();
    private long size;
    private boolean closed;

    GzipSink(OutputStream raw) throws IOException {
        this(raw, new Deflater(6, true));
    }

    private GzipSink(OutputStream raw, Deflater deflater) throws IOException {
        super(new DeflaterOutputStream(raw, deflater, 1 << 16));
        this.raw = raw;
        this.deflater = deflater;
        raw.write(HEADER);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        crc.update(b);
        size++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        crc.update(b, off, len);
        size += len;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        ((DeflaterOutputStream) out).finish();
        deflater.end();
        writeIntLe(crc.getValue());
        writeIntLe(size);
        raw.close();
    }

    private void writeIntLe(long v) throws IOException {
        for (int i = 0; i < 4; i++) {
            raw.write((int) (v >>> (8 * i)) & 0xff);
        }
    }
}
