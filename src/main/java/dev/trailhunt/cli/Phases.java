package dev.trailhunt.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Records the wall-clock milliseconds of a command's phases, for {@code --verbose} to say where the time went. */
final class Phases {
    private final List<String> names = new ArrayList<>();
    private final List<Long> millis = new ArrayList<>();
    private long last = System.nanoTime();

    /** Records the time from the JVM's start to now as the first phase (class loading, picocli, option parsing). */
    void sinceJvmStart(String name) {
        names.add(name);
        millis.add(ManagementFactory.getRuntimeMXBean().getUptime());
        last = System.nanoTime();
    }

    /** Ends a phase: records the time since the previous one ended. */
    void lap(String name) {
        long now = System.nanoTime();
        names.add(name);
        millis.add((now - last) / 1_000_000);
        last = now;
    }

    /** Prints the phases in order on one line, with their sum. */
    void print(PrintWriter out) {
        StringBuilder b = new StringBuilder("phases (ms):");
        long total = 0;
        for (int i = 0; i < names.size(); i++) {
            b.append(i == 0 ? " " : ", ").append(names.get(i)).append(' ').append(millis.get(i));
            total += millis.get(i);
        }
        out.println(b.append(String.format(Locale.ROOT, "; %d in all", total)));
        out.flush();
    }
}
