package dev.trailhunt.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** Splits RFC 4180 CSV text into rows of fields; quoted fields may hold commas, quotes and newlines. */
final class CsvRows {
    private final Reader in;
    private int pending = -2;

    CsvRows(Reader in) {
        this.in = in;
    }

    /** Returns the next row, or null at the end of the input. */
    List<String> next() throws IOException {
        int c = read();
        if (c < 0) {
            return null;
        }
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            if (quoted) {
                if (c < 0) {
                    throw new IOException("unterminated quoted CSV field");
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r' || c < 0) {
                if (c == '\r') {
                    int n = read();
                    if (n != '\n') {
                        pending = n;
                    }
                }
                row.add(field.toString());
                return row;
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (pending != -2) {
            int p = pending;
            pending = -2;
            return p;
        }
        return in.read();
    }
}
