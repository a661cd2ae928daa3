package dev.trailhunt.ingest;

/**
 * Holds the first 128 bits of event hashes in one open-addressing table of longs, about 32 bytes
 * per event, so that a run can remember every event of the store and of itself without one object
 * per event. Collisions at 128 bits are not a practical concern. Not thread-safe.
 */
final class EventHashSet {
    private long[] slots = new long[2 * 1024];
    private int size;
    private boolean zeroKey;

    /** Adds a key and tells whether it was absent. */
    boolean add(long high, long low) {
        if (high == 0 && low == 0) {
            // The all-zero key marks empty slots, so it is tracked apart.
            boolean fresh = !zeroKey;
            zeroKey = true;
            return fresh;
        }
        if (2 * (size + 1) > slots.length / 2) {
            grow();
        }
        if (!insert(slots, high, low)) {
            return false;
        }
        size++;
        return true;
    }

    /** Returns the number of keys held. */
    int size() {
        return size + (zeroKey ? 1 : 0);
    }

    private static boolean insert(long[] table, long high, long low) {
        int mask = table.length / 2 - 1;
        // Mixing both words keeps probes short even for keys that are not hash bits.
        long mix = (high ^ low) * 0x9E3779B97F4A7C15L;
        int i = (int) (mix ^ (mix >>> 32)) & mask;
        while (true) {
            long h = table[2 * i];
            long l = table[2 * i + 1];
            if (h == 0 && l == 0) {
                table[2 * i] = high;
                table[2 * i + 1] = low;
                return true;
            }
            if (h == high && l == low) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (int i = 0; i < slots.length; i += 2) {
            if (slots[i] != 0 || slots[i + 1] != 0) {
                insert(bigger, slots[i], slots[i + 1]);
            }
        }
        slots = bigger;
    }
}
