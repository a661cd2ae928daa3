package dev.trailhunt.ingest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Streams the CloudTrail records out of one decompressed input, detecting its layout from the
 * content: an S3 {@code {"Records":[...]}} object, a bare array, NDJSON (or any sequence of JSON
 * objects), a LookupEvents response {@code {"Events":[...]}}, or a CSV export with a
 * {@code CloudTrailEvent} column.
 *
 * <p>Only one record is held in memory at a time, so a single huge {@code Records} object loads in
 * bounded memory. Not thread-safe; one reader per file.
 */
final class RecordReader {
    /** Receives each record, in file order. */
    interface Sink {
        /**
         * Takes one record; {@code original} holds its input bytes when they are exactly its compact
         * rendering (what {@code event.original} stores), else null.
         */
        void accept(ObjectNode record, byte[] original) throws IOException;
    }

    /** Signals input that is readable but holds no CloudTrail at all. */
    static final class NotCloudTrail extends IOException {
        private final boolean plainText;

        NotCloudTrail(String message) {
            this(message, false);
        }

        NotCloudTrail(String message, boolean plainText) {
            super(message);
            this.plainText = plainText;
        }

        /** Tells whether the input is printable text that is neither JSON nor a CSV export: a README, a LICENSE. */
        boolean plainText() {
            return plainText;
        }
    }

    private final ObjectMapper mapper;
    private final DuplicateKeys duplicates = new DuplicateKeys();
    /** Reads trees that report repeated keys to {@link #duplicates}. */
    private final ObjectReader trees;
    private final RecordLocator locator;
    private Utf8ReplacingStream utf8;
    private WideText wide;
    private String format = "unknown";
    private long records;
    private long foreign;
    private boolean digest;
    private long skippedLines;
    private JsonParseException firstSkip;
    private long lineBase;
    /** The bytes the JSON parser reads, while records can be sliced from them; null after a skipped line. */
    private RecordBytes bytes;
    /** The current record's input bytes when they are its compact rendering, else null. */
    private byte[] original;

    RecordReader(ObjectMapper mapper) {
        this.mapper = mapper;
        this.trees = mapper.reader().withAttribute(DuplicateKeys.class, duplicates);
        this.locator = new RecordLocator(trees);
    }

    /** Returns the layout detected so far. */
    String format() {
        return format;
    }

    /** Returns the number of records handed to the sink. */
    long records() {
        return records;
    }

    /** Returns the number of JSON objects that held no CloudTrail record. */
    long foreign() {
        return foreign;
    }

    /** Returns how many unreadable NDJSON lines were skipped to reach the records after them. */
    long skippedLines() {
        return skippedLines;
    }

    /** Returns the parse error of the first skipped NDJSON line, or null. */
    JsonParseException firstSkip() {
        return firstSkip;
    }

    /**
     * Returns a key that the JSON object of the record last handed to the sink repeated (its tree, and
     * so its {@code event.original}, keeps only the last value), or null.
     */
    String duplicateKey() {
        return duplicates.first();
    }

    /** Tells whether bytes of the input read so far could not be decoded and were replaced by U+FFFD. */
    boolean replacedBytes() {
        return utf8 != null && utf8.replaced() > 0 || wide != null && wide.replaced() > 0;
    }

    /** Tells whether the input was a CloudTrail-Digest file (then no record was read). */
    boolean digest() {
        return digest;
    }

    /**
     * Reads the whole input, handing every record to {@code sink}; throws at the first unreadable byte.
     * UTF-16 and UTF-32 text is read as the same text in UTF-8 would be.
     */
    void read(InputStream in, Sink sink) throws IOException {
        PushbackInputStream head = new PushbackInputStream(in, 4);
        wide = WideText.of(head);
        utf8 = new Utf8ReplacingStream(wide == null ? head : wide);
        PushbackInputStream pin = new PushbackInputStream(utf8, 4);
        int first = firstSignificantByte(pin);
        if (first < 0) {
            throw new NotCloudTrail("empty file");
        }
        if (first != '{' && first != '[') {
            readCsv(pin, sink, first);
            return;
        }
        bytes = new RecordBytes(pin);
        InputStream rest = bytes;
        int roots = 0;
        boolean more = true;
        while (more) {
            JsonParser p = mapper.getFactory().createParser(rest);
            p.setCodec(trees);
            // The input outlives this parser when a broken NDJSON line is skipped below.
            p.configure(JsonParser.Feature.AUTO_CLOSE_SOURCE, false);
            try {
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    roots++;
                    if (t == JsonToken.START_OBJECT) {
                        keep(p);
                        rootObject(p, sink, roots);
                    } else if (t == JsonToken.START_ARRAY) {
                        format = "array";
                        array(p, sink);
                    } else {
                        throw new NotCloudTrail("JSON but not CloudTrail: a top-level " + t.asString() + " value");
                    }
                    if (digest) {
                        return;
                    }
                }
                more = false;
            } catch (JsonParseException e) {
                // NDJSON is line-oriented, so one broken line must not cost the records after it
                // (Elastic's shippers skip such a line too); inside one Records object there is no
                // boundary to resume at, so the error ends the file there.
                if (!"ndjson".equals(format) && !"lookup-events".equals(format)) {
                    throw e;
                }
                skippedLines++;
                if (firstSkip == null) {
                    firstSkip = e.getLocation() == null ? e
                            : new JsonParseException(p, e.getOriginalMessage(), shifted(e.getLocation()));
                }
                ByteArrayOutputStream unread = new ByteArrayOutputStream();
                p.releaseBuffered(unread);
                // The next parser's offsets start again at the unread bytes: no more slicing in this file.
                bytes = null;
                lineBase += e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                rest = new SequenceInputStream(new ByteArrayInputStream(unread.toByteArray()), pin);
                more = skipLine(rest);
            } finally {
                p.close();
            }
        }
        if (records == 0 && foreign > 0) {
            throw new NotCloudTrail("JSON but not CloudTrail: no Records array and no object with eventVersion/eventTime/eventName");
        }
    }

    private void rootObject(JsonParser p, Sink sink, int roots) throws IOException {
        ObjectNode other = mapper.createObjectNode();
        boolean envelope = false;
        duplicates.reset();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_ARRAY && ("Records".equals(name) || "Events".equals(name))) {
                // The envelope is no record: keeping its bytes would hold the whole file.
                release();
                envelope = true;
                format = "Records".equals(name) ? "records" : "lookup-events";
                array(p, sink);
            } else if (other.replace(name, p.readValueAsTree()) != null) {
                duplicates.seen(name);
            }
        }
        if (envelope) {
            return;
        }
        if (roots == 1 && RecordLocator.isDigest(other)) {
            format = "digest";
            digest = true;
            return;
        }
        if (!"ndjson".equals(format) && !"lookup-events".equals(format)) {
            format = "ndjson";
        }
        take(p);
        candidate(other, sink);
    }

    private void array(JsonParser p, Sink sink) throws IOException {
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) {
                throw new IOException("unexpected end of input inside an array");
            }
            if (t == JsonToken.START_OBJECT) {
                duplicates.reset();
                keep(p);
                JsonNode tree = p.readValueAsTree();
                take(p);
                candidate(tree, sink);
            } else {
                p.skipChildren();
                foreign++;
            }
        }
    }

    private void candidate(JsonNode node, Sink sink) throws IOException {
        ObjectNode o = (ObjectNode) node;
        if (o.has("CloudTrailEvent") && "ndjson".equals(format)) {
            format = "lookup-events";
        }
        ObjectNode record = locator.locate(o);
        if (record == null) {
            foreign++;
            original = null;
            return;
        }
        byte[] text = record == o && !locator.changed() && duplicates.first() == null ? original : null;
        original = null;
        records++;
        sink.accept(record, text);
    }

    /** Starts keeping the input bytes of the object whose START_OBJECT the parser has just read. */
    private void keep(JsonParser p) {
        original = null;
        if (bytes != null) {
            bytes.keepFrom(p.currentTokenLocation().getByteOffset());
        }
    }

    /** Ends the object kept by {@link #keep}, at the END_OBJECT just read, and notes its bytes if they are compact. */
    private void take(JsonParser p) {
        original = null;
        if (bytes != null) {
            byte[] b = bytes.take(p.currentLocation().getByteOffset());
            original = b != null && CompactJson.isCompact(b) ? b : null;
        }
    }

    private void release() {
        original = null;
        if (bytes != null) {
            bytes.release();
        }
    }

    private void readCsv(PushbackInputStream in, Sink sink, int first) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        CsvRows rows = new CsvRows(r);
        List<String> header = rows.next();
        int column = -1;
        for (int i = 0; header != null && i < header.size(); i++) {
            String h = header.get(i).toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "");
            if (h.equals("cloudtrailevent")) {
                column = i;
            }
        }
        if (column < 0) {
            String shown = header == null ? "" : String.join(",", header);
            if (header == null || header.size() < 2) {
                // A first byte that is a letter, digit or punctuation starts text; a control byte starts binary noise.
                throw new NotCloudTrail("not JSON: starts with '" + printable(first) + "'", first >= 0x20 && first != 0x7f);
            }
            throw new NotCloudTrail("CSV without a CloudTrailEvent column, not CloudTrail records (header: "
                    + (shown.length() > 80 ? shown.substring(0, 80) + "…" : shown) + ")");
        }
        format = "csv";
        for (List<String> row = rows.next(); row != null; row = rows.next()) {
            if (column >= row.size() || row.get(column).isBlank()) {
                foreign++;
                continue;
            }
            duplicates.reset();
            JsonNode n = trees.readTree(row.get(column));
            original = null;
            if (n instanceof ObjectNode o) {
                candidate(o, sink);
            } else {
                foreign++;
            }
        }
    }

    private com.fasterxml.jackson.core.JsonLocation shifted(com.fasterxml.jackson.core.JsonLocation at) {
        return new com.fasterxml.jackson.core.JsonLocation(at.contentReference(), at.getByteOffset(), at.getCharOffset(),
                (int) (at.getLineNr() + lineBase), at.getColumnNr());
    }

    /** Consumes the rest of the current line; returns false at the end of the input. */
    private static boolean skipLine(InputStream in) throws IOException {
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                return true;
            }
        }
        return false;
    }

    private static String printable(int b) {
        return b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format(Locale.ROOT, "\\x%02x", b);
    }

    /** Skips a UTF-8 byte-order mark and whitespace, returning the next byte (pushed back) or -1. */
    private static int firstSignificantByte(PushbackInputStream in) throws IOException {
        int b = in.read();
        if (b == 0xEF) {
            int b2 = in.read();
            int b3 = in.read();
            if (b2 != 0xBB || b3 != 0xBF) {
                if (b3 >= 0) {
                    in.unread(b3);
                }
                if (b2 >= 0) {
                    in.unread(b2);
                }
                in.unread(b);
                return b;
            }
            b = in.read();
        }
        while (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
            b = in.read();
        }
        if (b >= 0) {
            in.unread(b);
        }
        return b;
    }
}
