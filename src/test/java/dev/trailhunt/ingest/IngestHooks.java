package dev.trailhunt.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
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

    /** Makes the search of the inputs fail to list each directory for which {@code failure} returns an exception, until closed. */
    public static Installed failListing(Function<Path, IOException> failure) {
        InputDiscovery.testListFailure = failure;
        return () -> InputDiscovery.testListFailure = null;
    }

    /** Returns what the search of the inputs reports for a directory whose listing broke part-way with {@code e}. */
    public static Map<Path, String> listingBrokeAt(Path dir, IOException e) {
        InputDiscovery.Walk walk = new InputDiscovery.Walk();
        walk.postVisitDirectory(dir, e);
        return walk.found;
    }
}
