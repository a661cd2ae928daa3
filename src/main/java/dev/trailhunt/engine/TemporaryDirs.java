package dev.trailhunt.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Creates the private temporary folders of a run (the {@code --data} store, a copy of the logs, and
 * DuckDB's spill folder) and makes sure they go away: when the run closes them, on exit, Ctrl-C or
 * SIGTERM (a shutdown hook), and, after a crash or {@code kill -9}, on the next start, which removes
 * the folders of trailhunt processes that no longer exist (the pid is part of the folder name).
 */
public final class TemporaryDirs {
    private static final String PREFIX = "trailhunt-";
    /** Matches the folders this class makes: {@code trailhunt-KIND-PID-random}. */
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(data|spill)-(\\d+)-.+");
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private TemporaryDirs() {}

    /**
     * Creates a folder readable by this user only, removed on exit unless {@link #delete} removed it first.
     *
     * @param kind {@code data} or {@code spill}
     */
    public static Path create(String kind) {
        if (STARTED.compareAndSet(false, true)) {
            removeStale(Path.of(System.getProperty("java.io.tmpdir")));
            Runtime.getRuntime().addShutdownHook(new Thread(TemporaryDirs::deleteAll, "trailhunt-temporary-cleanup"));
        }
        String prefix = PREFIX + kind + "-" + ProcessHandle.current().pid() + "-";
        Path dir;
        try {
            try {
                dir = Files.createTempDirectory(prefix, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the platform's default permissions for temporary folders apply.
                dir = Files.createTempDirectory(prefix);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder: " + e.getMessage(), e);
        }
        LIVE.add(dir);
        return dir;
    }

    /** Deletes a folder made by {@link #create} or any other temporary tree (ingest's staging folder), ignoring what is already gone. */
    public static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        deleteTree(dir);
        LIVE.remove(dir);
    }

    /**
     * Removes the folders in {@code tmp} left by trailhunt processes that are gone, or whose pid now
     * belongs to a process started after the folder was made; returns how many were removed.
     */
    public static int removeStale(Path tmp) {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path p : entries) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches() && Files.isDirectory(p) && stale(p, Long.parseLong(m.group(2)))) {
                    deleteTree(p);
                    removed += Files.exists(p) ? 0 : 1;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Cleaning up after other processes is a courtesy; a folder that cannot be listed stays.
        }
        return removed;
    }

    private static boolean stale(Path dir, long pid) throws IOException {
        if (pid == ProcessHandle.current().pid()) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        FileTime made = Files.getLastModifiedTime(dir);
        Optional<Instant> started = process.get().info().startInstant();
        // A pid is reused only after its process ended; a process started well after the folder was made is another one.
        return started.isPresent() && started.get().isAfter(made.toInstant().plusSeconds(1));
    }

    private static void deleteAll() {
        for (Path p : LIVE) {
            deleteTree(p);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A file that vanished meanwhile or cannot be deleted stays for the next start to remove.
        }
    }
}
