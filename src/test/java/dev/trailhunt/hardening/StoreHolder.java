package dev.trailhunt.hardening;

import dev.trailhunt.engine.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** Holds a store open in a child JVM (for writing, or read-only and sandboxed) until stdin closes or it is killed. */
public final class StoreHolder {
    private StoreHolder() {}

    /** Opens the store {@code args[1]} in mode {@code args[0]} ({@code write} or {@code read}) and waits. */
    public static void main(String[] args) throws Exception {
        boolean write = args[0].equals("write");
        Path db = Path.of(args[1]);
        try (Connection c = write ? Store.openForWriting(db) : Store.openForReading(db)) {
            if (!write) {
                Store.sandbox(c);
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM events")) {
                    rs.next();
                    System.out.println("events " + rs.getLong(1));
                }
            }
            System.out.println("holding");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Waits for the parent to close stdin or kill this process.
            }
        }
    }
}
