package dev.trailhunt.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/**
 * Writes a result as JSON objects keyed by column name in ES|QL order: an indented array, or one
 * object per line (NDJSON). Datetimes are {@code 2024-10-11T08:55:23.000Z}, nulls {@code null},
 * multi-values arrays.
 *
 * <p>Besides the C0 controls JSON requires escaping, C1 controls, DEL, bidi overrides and line
 * separators are written as {@code \\uXXXX} too: the same JSON value, but inert when printed on a terminal.
 */
public final class JsonWriter {
    private static final JsonFactory FACTORY = new JsonFactoryBuilder().characterEscapes(new ControlEscapes()).build();

    /** Escapes every character {@link Visible} calls a control, in JSON's own {@code \\uXXXX} form. */
    private static final class ControlEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        ControlEscapes() {
            ascii[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return Visible.isControl(ch) ? new SerializedString(String.format(java.util.Locale.ROOT, "\\u%04x", ch)) : null;
        }
    }

    private JsonWriter() {}

    /** Writes an indented JSON array of objects. */
    public static void writeArray(ResultTable table, Writer out) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            DefaultIndenter lf = new DefaultIndenter("  ", "\n");
            g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(lf).withArrayIndenter(lf));
            g.writeStartArray();
            for (List<Object> row : table.rows()) {
                writeObject(g, table.columns(), row);
            }
            g.writeEndArray();
            g.flush();
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one compact JSON object per line. */
    public static void writeLines(ResultTable table, Writer out) {
        try {
            for (List<Object> row : table.rows()) {
                try (JsonGenerator g = FACTORY.createGenerator(out)) {
                    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                    writeObject(g, table.columns(), row);
                }
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeObject(JsonGenerator g, List<ResultColumn> cols, List<Object> row) throws IOException {
        g.writeStartObject();
        for (int i = 0; i < cols.size(); i++) {
            g.writeFieldName(cols.get(i).name());
            writeValue(g, row.get(i));
        }
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                writeValue(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof Integer n) {
            g.writeNumber(n);
        } else if (v instanceof Long n) {
            g.writeNumber(n);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Instant i) {
            g.writeString(CellText.instant(i));
        } else {
            g.writeString(v.toString());
        }
    }
}
