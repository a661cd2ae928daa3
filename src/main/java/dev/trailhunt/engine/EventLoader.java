package dev.trailhunt.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.duckdb.DuckDBConnection;

/**
 * Loads staged events and their {@code files} rows into the store, one transaction per batch.
 *
 * <p>A batch either commits whole (its events and the rows saying which files they came from) or
 * not at all, so a killed ingest leaves a store a rerun completes exactly. Events are de-duplicated
 * on {@code event.hash} (the SHA-256 of {@code event.original}, computed by the writer) by the
 * caller, which reads the stored hashes once ({@link #storedHashes}) and lists the repeats it finds;
 * the insert is then a plain streaming scan in file order, without an anti-join against the table.
 */
public final class EventLoader {
    /** Names the column holding the source file of an event. */
    public static final String FILE_PATH = "log.file.path";
    /** Names the column holding an event's zero-based record index within its file. */
    public static final String OFFSET = "log.offset";
    /** Names the column holding the SHA-256 (hex) of {@code event.original}, the de-duplication key. */
    public static final String HASH = "event.hash";
    /** Names the column whose text the hash covers. */
    public static final String ORIGINAL = "event.original";

    private static final String EXCLUDED = "trailhunt_excluded";
    private static final String STAGED = "trailhunt_staged";
    private static final long MIN_MEMORY_BYTES = 192L << 20;

    private boolean adaptiveLimit;
    private long memoryBytes = MIN_MEMORY_BYTES;

    private final Connection connection;
    private final List<StoreColumn> ecsColumns;
    private final String insertHead;
    private final String selectList;

    /**
     * Prepares a loader for a store whose events table holds {@code ecsColumns} plus provenance; a
     * one-off store may hold only the columns its queries read.
     */
    EventLoader(Connection connection, List<StoreColumn> ecsColumns) {
        this.connection = connection;
        this.ecsColumns = List.copyOf(ecsColumns);
        StringBuilder select = new StringBuilder();
        for (int i = 0; i < ecsColumns.size(); i++) {
            select.append('c').append(i).append(", ");
        }
        this.selectList = select.append("path, off, h").toString();
        StringBuilder head = new StringBuilder("INSERT INTO ").append(Store.EVENTS_TABLE).append(" (");
        for (StoreColumn c : eventColumns(ecsColumns)) {
            head.append(c.quoted()).append(", ");
        }
        head.setLength(head.length() - 2);
        this.insertHead = head.append(") ").toString();
    }

    /** Returns the full events table layout: the ECS columns, then provenance and hash. */
    public static List<StoreColumn> eventColumns(List<StoreColumn> ecsColumns) {
        List<StoreColumn> all = new ArrayList<>(ecsColumns);
        all.add(new StoreColumn(FILE_PATH, "VARCHAR"));
        all.add(new StoreColumn(OFFSET, "BIGINT"));
        all.add(new StoreColumn(HASH, "VARCHAR"));
        return Collections.unmodifiableList(all);
    }

    /** Creates the store's tables when absent and checks the layout of existing ones. */
    public void prepareStore() {
        ArrowMemory.requireOpenNio();
        StoreSchema.ensure(connection, eventColumns(ecsColumns));
        // DuckDB otherwise caches up to 80% of RAM. With one DuckDB thread 256 MB costs no more CPU
        // than 400 MB did and leaves room for the JVM's heap, which G1 grows to ~700 MB committed:
        // 200k events in 200 files peaked at 0.72-0.78 GiB RSS (0.96-0.99 GiB at 400 MB), the 150 MB
        // single file at 0.76 GiB (0.85). Since DuckDB reads Arrow batches instead of CSV (no read buffers of
        // its own), 192 MB takes ~60 MiB off the peak (250k events: 440-445 MiB instead of 500-501) for a
        // loader CPU within the noise (6.98/8.16 s against 6.61/7.46 s): room for Arrow's own ~24 MiB of
        // batches under the 512 MiB goal (not yet measured at 1M events). A batch with huge events raises it, see load().
        String limit = System.getProperty("trailhunt.duckdb.memory", "");
        adaptiveLimit = limit.isEmpty();
        if (adaptiveLimit) {
            limit = megabytes(MIN_MEMORY_BYTES);
        }
        // One DuckDB thread: the Java workers keep the other cores busy, and a second DuckDB thread
        // under the memory cap mostly contends on locks (200k events: 8.8 s CPU with 1 thread,
        // 15.2 s with 2, same wall time).
        int threads = Integer.getInteger("trailhunt.duckdb.threads", 1);
        try (Statement st = connection.createStatement()) {
            if (!limit.isEmpty()) {
                st.execute("SET memory_limit = " + literal(limit));
            }
            if (threads > 0) {
                st.execute("SET threads = " + threads);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot configure DuckDB for ingest: " + Store.firstLine(e), e);
        }
    }

    /** Receives the first 128 bits of one stored event hash, as two big-endian longs. */
    public interface HashSink {
        /** Accepts one hash key. */
        void accept(long high, long low);
    }

    /** Hands the first 128 bits of every stored {@code event.hash} to {@code sink}, in no particular order. */
    public void storedHashes(HashSink sink) {
        String sql = "SELECT " + new StoreColumn(HASH, "").quoted() + " FROM " + Store.EVENTS_TABLE;
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String h = rs.getString(1);
                if (h != null && h.length() >= 32) {
                    sink.accept(Long.parseUnsignedLong(h, 0, 16, 16), Long.parseUnsignedLong(h, 16, 32, 16));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the stored event hashes: " + Store.firstLine(e), e);
        }
    }

    /**
     * Returns, for every file content already in the store that need not be read again (loaded,
     * partial or skipped; a rejected or ignored file is read again), its SHA-256 mapped to the first path that had it.
     */
    public Map<String, StoredContent> knownContents() {
        Map<String, StoredContent> known = new HashMap<>();
        // The first path's row: a skipped copy records that content's real compression and format, not "unknown".
        String sql = "SELECT sha256, arg_min(path, path), arg_min(compression, path), arg_min(format, path) FROM " + Store.FILES_TABLE
                + " WHERE status NOT IN ('rejected', 'ignored') GROUP BY sha256";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                known.put(rs.getString(1), new StoredContent(rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the files table: " + Store.firstLine(e), e);
        }
        return known;
    }

    /**
     * Inserts the events of the staging files and the given {@code files} rows (values in
     * {@link StoreSchema#FILE_COLUMNS} order) in one transaction, and returns how many events were new.
     *
     * <p>Each chunk (a list of staging files, in event order) is one streaming INSERT; all chunks
     * commit together. The caller removes events the store or the run already holds by listing
     * their order keys ({@link StagingWriter#ord}) in {@code excludedOrds}.
     */
    public long load(List<List<Path>> chunks, long maxRowBytes, List<Object[]> fileRows, long[] excludedOrds) {
        try {
            boolean auto = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                fitMemory(maxRowBytes);
                boolean excluded = excludedOrds.length > 0;
                if (excluded) {
                    exclude(excludedOrds);
                }
                long added = 0;
                for (List<Path> chunk : chunks) {
                    added += insertEvents(chunk, excluded);
                }
                insertFiles(fileRows);
                connection.commit();
                return added;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot load a batch into the store: " + Store.firstLine(e), e);
        }
    }

    /** Raises DuckDB's memory cap (never lowers it) so that a batch holding huge events fits. */
    private void fitMemory(long maxRowBytes) throws SQLException {
        long need = 4 * maxRowBytes + (64L << 20);
        if (!adaptiveLimit || need <= memoryBytes) {
            return;
        }
        memoryBytes = need;
        try (Statement st = connection.createStatement()) {
            st.execute("SET memory_limit = " + literal(megabytes(need)));
        }
    }

    private static String megabytes(long bytes) {
        return ((bytes + (1 << 20) - 1) >> 20) + "MB";
    }

    private long insertEvents(List<Path> stagingFiles, boolean excluded) throws SQLException {
        BufferAllocator allocator = ArrowMemory.allocator();
        ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator);
        try {
            // The exported stream owns the reader: it closes it when released.
            Data.exportArrayStream(allocator, new ArrowBatches(allocator, ecsColumns, stagingFiles), stream);
            // A temporary view over the stream, replaced by the next chunk's; DuckDB's scan takes the
            // stream over and releases it when done.
            connection.unwrap(DuckDBConnection.class).registerArrowStream(STAGED, stream);
            String sql = insertHead + "SELECT " + selectList + " FROM " + STAGED + " s"
                    + (excluded ? " WHERE s.ord NOT IN (SELECT ord FROM " + EXCLUDED + ")" : "");
            try (Statement st = connection.createStatement()) {
                return st.executeUpdate(sql);
            }
        } finally {
            // Releases the reader when the scan never took the stream (a failed statement); a no-op otherwise.
            stream.release();
            stream.close();
        }
    }

    private void exclude(long[] ords) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE " + EXCLUDED + " (ord BIGINT)");
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + EXCLUDED + " VALUES (?)")) {
            for (long ord : ords) {
                ps.setLong(1, ord);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Records how many records a one-off run left out and a time range covering them, for the store's profile. */
    public void recordLeftOut(long records, java.time.Instant first, java.time.Instant last) {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + Store.LEFT_OUT_TABLE + " (records BIGINT, first TIMESTAMP, last TIMESTAMP)");
        } catch (SQLException e) {
            throw new StoreException("cannot record the records left out: " + Store.firstLine(e), e);
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + Store.LEFT_OUT_TABLE + " VALUES (?, make_timestamp(?), make_timestamp(?))")) {
            ps.setLong(1, records);
            ps.setLong(2, StagingWriter.epochMicros(first));
            ps.setLong(3, StagingWriter.epochMicros(last));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot record the records left out: " + Store.firstLine(e), e);
        }
    }

    private void insertFiles(List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT OR REPLACE INTO ").append(Store.FILES_TABLE).append(" VALUES (");
        for (int i = 0; i < StoreSchema.FILE_COLUMNS.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        try (PreparedStatement ps = connection.prepareStatement(sql.append(')').toString())) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
