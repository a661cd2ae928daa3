package dev.trailhunt.engine;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes mapped events to a CSV staging file that {@link EventLoader} bulk-loads with DuckDB's
 * {@code read_csv}.
 *
 * <p>CSV won over the DuckDB Appender by measurement (the Appender flushes every 2048 rows); the
 * encoding is private to this class and {@link EventLoader}: strings are always quoted (so an empty
 * unquoted field means NULL) between {@link #QUOTE} characters, U+0001, which CloudTrail text
 * practically never holds, so almost no value needs escaping (JSON text such as
 * {@code event.original} would need every {@code "} doubled), timestamps are epoch microseconds,
 * lists are their elements joined
 * by U+001F (DuckDB's {@code string_split} is several times cheaper than casting JSON), or U+001E
 * followed by a JSON array when the list is empty or an element holds U+001E/U+001F. Not
 * thread-safe: one writer per staging file.
 */
public final class StagingWriter implements AutoCloseable {
    /** Quotes every staged string; doubled inside a value, as CSV doubles {@code "}. */
    static final char QUOTE = '\u0001';

    private final OutputStream out;
    private final long ordinal;
    private final int[] selection;
    private final StringBuilder line = new StringBuilder(4096);
    private long rows;
    private int maxLineChars;

    /** Creates the staging file; {@code ordinal} orders this file's rows before those of later files. */
    public StagingWriter(Path file, long ordinal) {
        this(file, ordinal, null);
    }

    /**
     * Creates a staging file that holds only the values at the {@code selection} positions of each
     * row (all when null), for a store of fewer columns.
     */
    public StagingWriter(Path file, long ordinal, int[] selection) {
        this.selection = selection == null ? null : selection.clone();
        try {
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.ordinal = ordinal;
    }

    /** Separates list elements in a staged cell. */
    static final char UNIT_SEPARATOR = '\u001f';
    /** Starts a staged list cell that holds a JSON array instead. */
    static final char JSON_LIST = '\u001e';

    /** Appends one event: the ECS values in schema order, then its provenance and content hash. */
    public void write(Object[] values, String filePath, long offset, String hash) {
        line.setLength(0);
        if (selection == null) {
            for (Object v : values) {
                cell(v);
                line.append(',');
            }
        } else {
            for (int i : selection) {
                cell(values[i]);
                line.append(',');
            }
        }
        quote(filePath);
        line.append(',').append(offset).append(',').append(ord(ordinal, offset)).append(',');
        quote(hash);
        line.append('\n');
        maxLineChars = Math.max(maxLineChars, line.length());
        try {
            // String.getBytes encodes ASCII/Latin-1 text with an array copy, far cheaper than a Writer's encoder.
            out.write(line.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
    }

    /** Returns {@code t} in epoch microseconds, the form DuckDB's {@code make_timestamp} reads. */
    static long epochMicros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }

    /** Returns the key that orders an event: its file's ordinal, then its offset in the file. */
    public static long ord(long fileOrdinal, long offset) {
        return (fileOrdinal << 32) + offset;
    }

    /** Returns the number of events written so far. */
    public long rows() {
        return rows;
    }

    /** Returns the longest line written, in characters, which sizes the CSV reader's line buffer. */
    public int maxLineChars() {
        return maxLineChars;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void cell(Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof String s) {
            quote(s);
        } else if (v instanceof Boolean b) {
            // The primitive appends write digits in place; append(Object) builds a String first.
            line.append(b.booleanValue());
        } else if (v instanceof Long l) {
            line.append(l.longValue());
        } else if (v instanceof Integer n) {
            line.append(n.intValue());
        } else if (v instanceof Double d) {
            line.append(d.isNaN() || d.isInfinite() ? "" : d.toString());
        } else if (v instanceof Instant t) {
            line.append(epochMicros(t));
        } else if (v instanceof List<?> list) {
            quote(listCell(list));
        } else {
            quote(v.toString());
        }
    }

    private static String listCell(List<?> list) {
        StringBuilder sb = new StringBuilder(16 * list.size());
        for (Object o : list) {
            String e = String.valueOf(o);
            if (o == null || e.indexOf(UNIT_SEPARATOR) >= 0 || e.indexOf(JSON_LIST) >= 0) {
                return JSON_LIST + jsonArray(list);
            }
            if (sb.length() > 0) {
                sb.append(UNIT_SEPARATOR);
            }
            sb.append(e);
        }
        return list.isEmpty() ? JSON_LIST + "[]" : sb.toString();
    }

    private static String jsonArray(List<?> list) {
        StringBuilder sb = new StringBuilder(16 * list.size() + 2).append('[');
        for (Object o : list) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            if (o == null) {
                sb.append("null");
                continue;
            }
            String s = o.toString();
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            sb.append('"');
        }
        return sb.append(']').toString();
    }

    private void quote(String s) {
        line.append(QUOTE);
        int from = 0;
        for (int i = s.indexOf(QUOTE); i >= 0; i = s.indexOf(QUOTE, i + 1)) {
            line.append(s, from, i + 1).append(QUOTE);
            from = i + 1;
        }
        line.append(s, from, s.length()).append(QUOTE);
    }
}
