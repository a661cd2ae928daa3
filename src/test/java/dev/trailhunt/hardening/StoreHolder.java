package dev.trailhunt.hardening;

import dev.trailhunt.engine.Store;
import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import dev.trailhunt.model.ValueType;
import java.nio.file.Path;
import java.util.List;

/** Holds a store open in a child JVM (for writing, or read-only and sandboxed) until stdin closes or it is killed. */
public final class StoreHolder {
    private StoreHolder() {}

    /** Opens the store {@code args[1]} in mode {@code args[0]} ({@code write} or {@code read}) and waits. */
    public static void main(String[] args) throws Exception {
        boolean write = args[0].equals("write");
        Path db = Path.of(args[1]);
        try (Store store = write ? Store.openForWriting(db) : Store.openForReading(db)) {
            if (!write) {
                store.sandbox();
                ResultTable count = store.query("SELECT count(*) FROM events", List.of(new ResultColumn("n", ValueType.LONG)));
                System.out.println("events " + count.rows().get(0).get(0));
            }
            System.out.println("holding");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Waits for the parent to close stdin or kill this process.
            }
        }
    }
}
