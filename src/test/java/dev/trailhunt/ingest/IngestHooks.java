package dev.trailhunt.ingest;

import java.nio.file.Path;
import java.util.function.ObjLongConsumer;

/** Opens the ingest package's test hooks to tests in other packages. */
public final class IngestHooks {
    /** Removes an installed hook when closed. */
    public interface Installed extends AutoCloseable {
        @Override
        void close();
    }

    private IngestHooks() {}

    /**
     * Installs {@code hook}, called on the worker thread with the file being read and -1 between the hash
     * pass and the parse pass, then with each record's index once it is parsed, until the handle is closed.
     */
    public static Installed whileReading(ObjLongConsumer<Path> hook) {
        FileTask.testHook = hook;
        return () -> FileTask.testHook = null;
    }
}
