package dev.trailhunt.engine;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Holds the process's one Arrow allocator, from which staging writers and loaders take their
 * off-heap buffers (outside the Java heap, inside the process's RSS).
 */
final class ArrowMemory {
    private ArrowMemory() {
    }

    /** Creates the allocator on first use, so that commands that load nothing never initialise Arrow. */
    private static final class Holder {
        static {
            // Arrow checks every buffer access against its bounds and reference count; only trailhunt's own
            // code writes the vectors (always through the growing setSafe) and reads its own staging files, and
            // the checks made staging ~25 % dearer for the workers (README, Performance). A user's setting wins.
            if (System.getProperty("arrow.enable_unsafe_memory_access") == null) {
                System.setProperty("arrow.enable_unsafe_memory_access", "true");
            }
        }

        static final BufferAllocator ROOT = new RootAllocator();
    }

    /**
     * Fails with one clear line, before any Arrow class prints its own stack trace, when the JVM does not
     * open java.nio to trailhunt (started with {@code java -cp} and without the flag).
     */
    static void requireOpenNio() {
        if (!java.nio.Buffer.class.getModule().isOpen("java.nio", ArrowMemory.class.getModule())) {
            throw new StoreException("loading logs needs the JVM option --add-opens=java.base/java.nio=ALL-UNNAMED"
                    + " (Arrow's memory); ./trailhunt and java -jar give it");
        }
    }

    /** Returns the shared allocator. */
    static BufferAllocator allocator() {
        return Holder.ROOT;
    }

    /** Returns the off-heap bytes Arrow holds now, for measurements. */
    static long allocated() {
        return Holder.ROOT.getAllocatedMemory();
    }
}
