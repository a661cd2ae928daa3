package dev.trailhunt.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Passes an S3 {@code {"Records":[...]}} stream on with the records that no query can select left
 * out, scanning bytes instead of parsing JSON; each record left out is reported with its raw
 * {@code eventTime}, so that the store's time range stays exact.
 *
 * <p>A record is kept when its bytes hold a backslash (an escape could spell a literal), have no
 * top-level string {@code eventTime}, or {@link RecordFilter#mayMatch may match}. Input that does not
 * start with a compact {@code {"Records":[} passes through untouched. Anything the full reader would
 * report as a problem (a truncated record, a missing comma, a non-object element, text after the
 * object) ends the scan with {@link Bail}, and the caller reads the file again without this filter,
 * so a bad file is reported exactly as a full ingest reports it.
 */
final class RecordsPrefilter extends InputStream {
    /** Receives each record left out, in file order. */
    interface Dropped {
        /**
         * Takes a record left out, given its raw eventTime text (no escapes: such records are kept);
         * returns false to keep the record after all (e.g. a time the reader must report).
         */
        boolean accept(String eventTime);
    }

    /** Signals input this filter does not vouch for; the file must be read again unfiltered. */
    static final class Bail extends IOException {
        Bail(String why) {
            super(why);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            // A control signal, caught by the caller: no stack trace to pay for.
            return this;
        }
    }

    private static final byte[] HEAD = "{\"Records\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT_TIME = "eventTime".getBytes(StandardCharsets.US_ASCII);
    /** The keys of which a record needs three to be CloudTrail, as {@code RecordLocator} decides. */
    private static final byte[][] RECORD_KEYS = {
        "eventVersion".getBytes(StandardCharsets.US_ASCII), EVENT_TIME, "eventName".getBytes(StandardCharsets.US_ASCII),
        "eventSource".getBytes(StandardCharsets.US_ASCII), "eventID".getBytes(StandardCharsets.US_ASCII),
        "awsRegion".getBytes(StandardCharsets.US_ASCII), "userIdentity".getBytes(StandardCharsets.US_ASCII)};

    private enum State { START, ARRAY, AFTER_RECORD, PASS, END }

    private final InputStream in;
    private final RecordFilter filter;
    private final Dropped dropped;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private boolean eof;

    private byte[] out = new byte[1 << 16];
    private int outPos;
    private int outLim;

    private byte[] rec = new byte[1 << 14];
    private State state = State.START;
    private boolean filtering;
    private boolean keptAny;

    RecordsPrefilter(InputStream in, RecordFilter filter, Dropped dropped) {
        this.in = in;
        this.filter = filter;
        this.dropped = dropped;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (outPos == outLim) {
            outPos = 0;
            outLim = 0;
            if (!produce()) {
                return -1;
            }
        }
        int n = Math.min(len, outLim - outPos);
        System.arraycopy(out, outPos, b, off, n);
        outPos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Appends the next piece of output; returns false at the end of the input. */
    private boolean produce() throws IOException {
        switch (state) {
            case START -> start();
            case ARRAY -> element();
            case AFTER_RECORD -> afterRecord();
            case PASS -> pass();
            case END -> {
                return false;
            }
        }
        return true;
    }

    private void start() throws IOException {
        int c = skipSpace();
        if (c < 0) {
            state = State.END;
            return;
        }
        if (!startsWith(HEAD)) {
            if (filtering) {
                throw new Bail("more than a Records object");
            }
            state = State.PASS;
            return;
        }
        filtering = true;
        pos += HEAD.length;
        emit(HEAD, 0, HEAD.length);
        keptAny = false;
        int next = skipSpace();
        if (next == ']') {
            closeArray();
        } else {
            state = State.ARRAY;
        }
    }

    private void element() throws IOException {
        int c = skipSpace();
        if (c != '{') {
            throw new Bail("an element that is not an object");
        }
        int len = scanRecord();
        state = State.AFTER_RECORD;
        int time = timeStart;
        if (!backslash && time >= 0 && Integer.bitCount(recordKeys) >= 3 && !filter.mayMatch(new String(rec, 0, len, StandardCharsets.ISO_8859_1))
                && dropped.accept(new String(rec, time, timeEnd - time, StandardCharsets.UTF_8))) {
            return;
        }
        if (keptAny) {
            emit(',');
        }
        keptAny = true;
        emit(rec, 0, len);
    }

    private void afterRecord() throws IOException {
        int c = skipSpace();
        if (c == ',') {
            pos++;
            state = State.ARRAY;
        } else if (c == ']') {
            closeArray();
        } else {
            throw new Bail("no comma between records");
        }
    }

    private void closeArray() throws IOException {
        pos++;
        if (skipSpace() != '}') {
            throw new Bail("text after the Records array");
        }
        pos++;
        emit(']');
        emit('}');
        state = State.START;
    }

    private void pass() throws IOException {
        if (pos == lim && !fill()) {
            state = State.END;
            return;
        }
        emit(buf, pos, lim - pos);
        pos = lim;
    }

    private boolean backslash;
    private int recordKeys;
    private int timeStart;
    private int timeEnd;

    /**
     * Copies one record, from its {@code {} to the matching {@code }}, into {@link #rec}; notes
     * whether it holds a backslash and where its top-level eventTime string value lies.
     */
    private int scanRecord() throws IOException {
        backslash = false;
        recordKeys = 0;
        timeStart = -1;
        timeEnd = -1;
        int len = 0;
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        // At depth 1, a string after '{' or ',' is a key; keyStart marks it, timeKey remembers eventTime.
        boolean expectKey = false;
        int keyStart = -1;
        boolean timeKey = false;
        int valueStart = -1;
        while (true) {
            if (pos == lim && !fill()) {
                throw new Bail("truncated record");
            }
            byte[] b = buf;
            int from = pos;
            int end = lim;
            // Positions are kept in record coordinates: byte p of this chunk is rec[base + p].
            int base = len - from;
            int p = from;
            for (; p < end; p++) {
                byte c = b[p];
                if (inString) {
                    if (escaped) {
                        // The byte after a backslash is escaped, whatever it is.
                        escaped = false;
                        continue;
                    }
                    // Most bytes are string content: skip them without the dispatch below.
                    if (c != '"' && c != '\\') {
                        p = stringContentEnd(b, p + 1, end);
                        if (p == end) {
                            break;
                        }
                        c = b[p];
                    }
                    if (c == '\\') {
                        escaped = true;
                        backslash = true;
                    } else {
                        inString = false;
                        if (depth == 1) {
                            if (keyStart >= 0) {
                                int keyEnd = base + p;
                                recordKeys |= recordKeyBit(b, base, len, keyStart, keyEnd - keyStart);
                                timeKey = lastKeyWasTime;
                                keyStart = -1;
                            } else if (valueStart >= 0) {
                                timeStart = valueStart;
                                timeEnd = base + p;
                                valueStart = -1;
                            }
                        }
                    }
                    continue;
                }
                switch (c) {
                    case '"' -> {
                        inString = true;
                        if (depth == 1) {
                            if (expectKey) {
                                keyStart = base + p + 1;
                                expectKey = false;
                            } else if (timeKey) {
                                valueStart = base + p + 1;
                                timeKey = false;
                            }
                        }
                    }
                    case '{', '[' -> {
                        depth++;
                        expectKey = c == '{' && depth == 1;
                        if (depth == 2) {
                            timeKey = false;
                        }
                    }
                    case '}', ']' -> {
                        depth--;
                        if (depth == 0) {
                            len = copy(from, p + 1, len);
                            pos = p + 1;
                            return len;
                        }
                    }
                    case ',' -> {
                        if (depth == 1) {
                            expectKey = true;
                            timeKey = false;
                        }
                    }
                    default -> {
                        // ':' , whitespace, literals and numbers change nothing the scan tracks; a
                        // non-string value after "eventTime" leaves the record without a time to report.
                        if (depth == 1 && timeKey && c != ':' && c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                            timeKey = false;
                        }
                    }
                }
            }
            len = copy(from, end, len);
            pos = end;
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5c5c5c5c5c5c5c5cL;

    /**
     * Returns the index of the first quote or backslash in {@code b[from, end)}, or {@code end}; reads
     * eight bytes at a time, because string content is most of a record's bytes (profiled: the scan
     * was 60 % of a one-off hunt's Java samples, byte by byte).
     */
    static int stringContentEnd(byte[] b, int from, int end) {
        int p = from;
        for (; p <= end - Long.BYTES; p += Long.BYTES) {
            long w = (long) LONGS.get(b, p);
            long q = w ^ QUOTES;
            long s = w ^ BACKSLASHES;
            // A byte of q or s is zero where w holds a quote or a backslash; the lowest flagged byte
            // is exact (false flags only appear above a true zero byte, little-endian).
            long zeros = ((q - ONES) & ~q | (s - ONES) & ~s) & HIGHS;
            if (zeros != 0) {
                return p + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; p < end; p++) {
            byte c = b[p];
            if (c == '"' || c == '\\') {
                return p;
            }
        }
        return end;
    }

    /** Appends {@code buf[from, to)} to the record and returns its new length. */
    private int copy(int from, int to, int len) {
        int n = to - from;
        if (rec.length - len < n) {
            rec = Arrays.copyOf(rec, Math.max(rec.length * 2, len + n));
        }
        System.arraycopy(buf, from, rec, len, n);
        return len + n;
    }

    private boolean lastKeyWasTime;

    /**
     * Returns the bit of a CloudTrail record key, so that a repeated key counts once, 0 for other
     * keys, and notes whether it was eventTime. The key's {@code n} bytes start at record position
     * {@code start}; positions below {@code copied} are in {@link #rec}, the others at {@code b[x - base]}.
     */
    private int recordKeyBit(byte[] b, int base, int copied, int start, int n) {
        lastKeyWasTime = false;
        for (int i = 0; i < RECORD_KEYS.length; i++) {
            byte[] k = RECORD_KEYS[i];
            if (n != k.length) {
                continue;
            }
            boolean same = true;
            for (int j = n - 1; j >= 0 && same; j--) {
                int x = start + j;
                byte c = x < copied ? rec[x] : b[x - base];
                same = c == k[j];
            }
            if (same) {
                lastKeyWasTime = k == EVENT_TIME;
                return 1 << i;
            }
        }
        return 0;
    }

    private int skipSpace() throws IOException {
        while (true) {
            if (pos == lim && !fill()) {
                return -1;
            }
            byte c = buf[pos];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                pos++;
            } else {
                return c & 0xff;
            }
        }
    }

    private boolean startsWith(byte[] prefix) throws IOException {
        while (lim - pos < prefix.length) {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, lim - pos);
                lim -= pos;
                pos = 0;
            }
            int n = readIn(buf, lim, buf.length - lim);
            if (n < 0) {
                return false;
            }
            lim += n;
        }
        return Arrays.equals(buf, pos, pos + prefix.length, prefix, 0, prefix.length);
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = readIn(buf, 0, buf.length);
        if (n < 0) {
            eof = true;
            return false;
        }
        pos = 0;
        lim = n;
        return true;
    }

    /** Reads the input; its failures (a truncated gzip stream…) become a {@link Bail}, for a full reread to report. */
    private int readIn(byte[] b, int off, int len) throws IOException {
        try {
            return in.read(b, off, len);
        } catch (IOException e) {
            throw new Bail("input error: " + e.getMessage());
        }
    }

    private void emit(int c) {
        ensureOut(1);
        out[outLim++] = (byte) c;
    }

    private void emit(byte[] b, int off, int len) {
        ensureOut(len);
        System.arraycopy(b, off, out, outLim, len);
        outLim += len;
    }

    private void ensureOut(int more) {
        if (out.length - outLim < more) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, outLim + more));
        }
    }
}
