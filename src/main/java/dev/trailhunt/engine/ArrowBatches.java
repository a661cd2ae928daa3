package dev.trailhunt.engine;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reads the record batches of staging files ({@link StagingWriter}) one after the other as one
 * {@link ArrowReader}, which DuckDB pulls through the Arrow C stream interface while it inserts them;
 * one batch is in memory at a time.
 */
final class ArrowBatches extends ArrowReader {
    private final Schema schema;
    private final Iterator<Path> files;
    private ArrowStreamReader current;
    private long bytes;

    ArrowBatches(BufferAllocator allocator, List<StoreColumn> columns, List<Path> files) {
        super(allocator);
        this.schema = ArrowRows.schema(columns);
        this.files = List.copyOf(files).iterator();
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        prepareLoadNextBatch();
        while (true) {
            if (current == null) {
                if (!files.hasNext()) {
                    return false;
                }
                current = new ArrowStreamReader(FileChannel.open(files.next(), StandardOpenOption.READ), allocator);
            }
            if (current.loadNextBatch()) {
                var batch = new VectorUnloader(current.getVectorSchemaRoot()).getRecordBatch();
                bytes += batch.computeBodyLength();
                // Moves the buffers (reference counts, no copy) into this reader's root; closes the batch.
                loadRecordBatch(batch);
                return true;
            }
            current.close();
            current = null;
        }
    }

    @Override
    public long bytesRead() {
        return bytes;
    }

    @Override
    protected void closeReadSource() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    @Override
    protected Schema readSchema() {
        return schema;
    }
}
