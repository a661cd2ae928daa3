package dev.trailhunt.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Fills Arrow column vectors with mapped events, one record batch at a time, for {@link EventLoader} to
 * insert through DuckDB's Arrow scan without parsing any text.
 *
 * <p>Columns are named {@code c0…cN} (the ECS columns, in store order), then {@code path}, {@code off},
 * {@code ord} and {@code h}; TIMESTAMP is Arrow's microsecond timestamp without zone, VARCHAR[] a list of
 * UTF-8 strings. Not thread-safe: one per producer.
 */
public final class ArrowRows implements AutoCloseable {
    private final int[] selection;
    private final VectorSchemaRoot root;
    private final FieldVector[] vectors;
    private final VarCharVector path;
    private final BigIntVector off;
    private final BigIntVector ord;
    private final VarCharVector hash;
    private final int originalIndex;
    private final byte[] kinds;
    private int rows;
    private long bytes;
    private String lastPath;
    private byte[] lastPathBytes;
    private static final byte TEXT = 0;
    private static final byte TIME = 1;
    private static final byte BOOL = 2;
    private static final byte LONG = 3;
    private static final byte DOUBLE = 4;
    private static final byte LIST = 5;
    /** Buffers beyond this size (a batch of huge records) are released after their batch instead of reused. */
    private static final long KEEP_BYTES = 32L << 20;

    /**
     * Creates an empty batch for a store of {@code columns}; {@code selection} gives, for each of them,
     * the position of its value in the rows passed to {@link #add} (null: the same position).
     */
    public ArrowRows(BufferAllocator allocator, List<StoreColumn> columns, int[] selection) {
        this.selection = selection == null ? null : selection.clone();
        this.root = VectorSchemaRoot.create(schema(columns), allocator);
        this.vectors = root.getFieldVectors().toArray(new FieldVector[0]);
        int n = columns.size();
        this.path = (VarCharVector) vectors[n];
        this.off = (BigIntVector) vectors[n + 1];
        this.ord = (BigIntVector) vectors[n + 2];
        this.hash = (VarCharVector) vectors[n + 3];
        this.kinds = new byte[n];
        int orig = -1;
        for (int i = 0; i < n; i++) {
            kinds[i] = switch (columns.get(i).duckdbType()) {
                case "VARCHAR" -> TEXT;
                case "TIMESTAMP" -> TIME;
                case "BOOLEAN" -> BOOL;
                case "BIGINT" -> LONG;
                case "DOUBLE" -> DOUBLE;
                default -> LIST;
            };
            if (columns.get(i).name().equals(EventLoader.ORIGINAL)) {
                orig = i;
            }
        }
        this.originalIndex = orig;
        for (FieldVector v : vectors) {
            v.allocateNew();
        }
    }

    /** Returns the Arrow schema of a batch for a store of {@code columns}. */
    public static Schema schema(List<StoreColumn> columns) {
        List<Field> fields = new ArrayList<>(columns.size() + 4);
        for (int i = 0; i < columns.size(); i++) {
            StoreColumn c = columns.get(i);
            String name = "c" + i;
            fields.add(switch (c.duckdbType()) {
                case "VARCHAR" -> Field.nullable(name, ArrowType.Utf8.INSTANCE);
                case "BOOLEAN" -> Field.nullable(name, ArrowType.Bool.INSTANCE);
                case "BIGINT" -> Field.nullable(name, new ArrowType.Int(64, true));
                case "DOUBLE" -> Field.nullable(name, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));
                case "TIMESTAMP" -> Field.nullable(name, new ArrowType.Timestamp(TimeUnit.MICROSECOND, null));
                case "VARCHAR[]" -> new Field(name, FieldType.nullable(ArrowType.List.INSTANCE),
                        List.of(Field.nullable("item", ArrowType.Utf8.INSTANCE)));
                default -> throw new IllegalArgumentException("unsupported column type " + c.duckdbType() + " for " + c.name());
            });
        }
        fields.add(Field.notNullable("path", ArrowType.Utf8.INSTANCE));
        fields.add(Field.notNullable("off", new ArrowType.Int(64, true)));
        fields.add(Field.notNullable("ord", new ArrowType.Int(64, true)));
        fields.add(Field.notNullable("h", ArrowType.Utf8.INSTANCE));
        return new Schema(fields);
    }

    /**
     * Appends one event: its ECS values (all schema columns, of which the selected ones are kept), its
     * provenance, order key and hash; {@code original} is its event.original in UTF-8 when the caller
     * has it (null: encoded from the value).
     */
    public void add(Object[] values, byte[] original, String filePath, long offset, long ordKey, String contentHash) {
        int r = rows;
        for (int i = 0; i < kinds.length; i++) {
            Object v = values[selection == null ? i : selection[i]];
            if (v == null) {
                continue;
            }
            switch (kinds[i]) {
                case TEXT -> {
                    byte[] b = i == originalIndex && original != null ? original : v.toString().getBytes(StandardCharsets.UTF_8);
                    ((VarCharVector) vectors[i]).setSafe(r, b);
                    bytes += b.length;
                }
                case TIME -> ((TimeStampMicroVector) vectors[i]).setSafe(r, StagingWriter.epochMicros((Instant) v));
                case BOOL -> ((BitVector) vectors[i]).setSafe(r, (v instanceof Boolean x ? x : Boolean.valueOf(v.toString())) ? 1 : 0);
                case LONG -> ((BigIntVector) vectors[i]).setSafe(r, v instanceof Number x ? x.longValue() : Long.parseLong(v.toString()));
                case DOUBLE -> {
                    double x = v instanceof Number y ? y.doubleValue() : Double.parseDouble(v.toString());
                    if (!Double.isNaN(x) && !Double.isInfinite(x)) {
                        ((Float8Vector) vectors[i]).setSafe(r, x);
                    }
                }
                default -> list((ListVector) vectors[i], r, (List<?>) v);
            }
        }
        if (!filePath.equals(lastPath)) {
            // A file's events share one path: encoded once per file, not per event.
            lastPath = filePath;
            lastPathBytes = filePath.getBytes(StandardCharsets.UTF_8);
        }
        path.setSafe(r, lastPathBytes);
        off.setSafe(r, offset);
        ord.setSafe(r, ordKey);
        hash.setSafe(r, contentHash.getBytes(StandardCharsets.ISO_8859_1));
        rows++;
    }

    private void list(ListVector list, int r, List<?> items) {
        VarCharVector data = (VarCharVector) list.getDataVector();
        int start = list.startNewValue(r);
        for (int k = 0; k < items.size(); k++) {
            Object item = items.get(k);
            if (item == null) {
                data.setNull(start + k);
            } else {
                byte[] b = item.toString().getBytes(StandardCharsets.UTF_8);
                data.setSafe(start + k, b);
                bytes += b.length;
            }
        }
        list.endValue(r, items.size());
    }

    /** Returns the number of events added since the last {@link #take}. */
    public int rows() {
        return rows;
    }

    /** Returns the text bytes added since the last {@link #take}, which bounds a batch's memory. */
    public long bytes() {
        return bytes;
    }

    /**
     * Writes the events added so far to {@code writer} as one record batch and starts a new batch,
     * keeping the vectors' buffers unless one batch made them large.
     */
    public void writeTo(ArrowStreamWriter writer) throws IOException {
        root.setRowCount(rows);
        writer.writeBatch();
        boolean large = false;
        for (FieldVector v : vectors) {
            large |= v.getBufferSize() > KEEP_BYTES;
        }
        for (FieldVector v : vectors) {
            if (large) {
                v.clear();
                v.allocateNew();
            } else {
                reuse(v);
            }
        }
        root.setRowCount(0);
        rows = 0;
        bytes = 0;
    }

    /**
     * Empties a vector for the next batch. Arrow's {@code reset()} zeroes every buffer, the value bytes
     * too (~2 MB of text per batch), which took ~2 % of the workers' CPU samples; only the validity bits
     * must be cleared, because a value is written before its bit is set and a null keeps its bit clear
     * (a text vector's offsets are rewritten from the start, holes filled from the last value set).
     */
    private static void reuse(FieldVector v) {
        if (v instanceof BaseVariableWidthVector || v instanceof BaseFixedWidthVector) {
            ArrowBuf validity = v.getValidityBuffer();
            validity.setZero(0, validity.capacity());
            v.setValueCount(0);
        } else {
            v.reset();
        }
    }

    /** Drops the events added since the last batch, keeping the buffers for reuse. */
    public void clear() {
        for (FieldVector v : vectors) {
            reuse(v);
        }
        root.setRowCount(0);
        rows = 0;
        bytes = 0;
    }

    /** Returns the vectors that {@link #writeTo} writes, for an {@link ArrowStreamWriter}. */
    public VectorSchemaRoot root() {
        return root;
    }

    @Override
    public void close() {
        root.close();
    }
}
