package dev.trailhunt.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Expands the paths given on the command line into the inputs to read, in a stable order.
 *
 * <p>Directories are walked recursively following symbolic links, with loops cut; each file appears
 * once (by real path), in sorted path order per argument. A zip archive (detected by its magic
 * bytes, not its name) contributes one input per entry, in entry-name order.
 */
final class InputDiscovery {
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private InputDiscovery() {}

    /** Lets tests make the listing of a directory fail: returns the failure for a directory, or null; null in production. */
    static volatile Function<Path, IOException> testListFailure;

    /** Lists the inputs under {@code paths}; a path that does not exist is a user error. */
    static List<LogSource> expand(List<Path> paths) {
        Set<Path> seen = new LinkedHashSet<>();
        List<Path> files = new ArrayList<>();
        Map<Path, String> unreadable = new HashMap<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new IngestException(missing(p));
            }
            Walk walk = new Walk();
            if (Files.isDirectory(p)) {
                walk.from(p);
            } else {
                walk.found.put(p, null);
            }
            for (Map.Entry<Path, String> f : walk.found.entrySet()) {
                if (seen.add(realPath(f.getKey()))) {
                    files.add(f.getKey());
                    if (f.getValue() != null) {
                        unreadable.put(f.getKey(), f.getValue());
                    }
                }
            }
        }
        List<LogSource> sources = new ArrayList<>();
        for (Path f : files) {
            String why = unreadable.get(f);
            sources.addAll(why == null ? sourcesOf(f) : List.of(LogSource.unreadable(f, why)));
        }
        return Collections.unmodifiableList(sources);
    }

    /** Says that {@code p} names no file or directory, and why when it is a symbolic link. */
    static String missing(Path p) {
        return "no such file or directory: " + p + (Files.isSymbolicLink(p) ? " (" + FileTask.brokenLink(p) + ")" : "");
    }

    /**
     * Walks one directory tree, following links, and collects every path under it in sorted order, with
     * the reason for each it could not read (a directory it could not list, an entry it could not even
     * stat), so that none is dropped silently; a link back into the tree is a loop, cut silently since
     * the walk visits its target anyway.
     */
    static final class Walk extends SimpleFileVisitor<Path> {
        /** Holds every path found, mapped to why it could not be read, or to null. */
        final TreeMap<Path, String> found = new TreeMap<>();

        /** Walks the tree under {@code root}. */
        void from(Path root) {
            try {
                Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, this);
            } catch (IOException e) {
                throw new IngestException("cannot list " + root + ": " + e.getMessage());
            }
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            Function<Path, IOException> fail = testListFailure;
            IOException e = fail == null ? null : fail.apply(dir);
            if (e != null) {
                visitFileFailed(dir, e);
                return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            // Dangling links, pipes and devices are listed too, so that the reader reports
            // them instead of the walk dropping them silently.
            if (!attrs.isDirectory()) {
                found.put(file, null);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (e instanceof FileSystemLoopException) {
                return FileVisitResult.CONTINUE;
            }
            if (Files.isRegularFile(file)) {
                // An unreadable regular file is listed so that the reader reports why.
                found.put(file, null);
            } else {
                found.put(file, (Files.isDirectory(file) ? "cannot read directory: " : "cannot read: ") + FileTask.message(e));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            // Listing broke part-way: what was listed before the error is kept, the directory reported.
            if (e != null) {
                found.put(dir, "cannot read directory: " + FileTask.message(e));
            }
            return FileVisitResult.CONTINUE;
        }
    }

    private static Path realPath(Path f) {
        try {
            return f.toRealPath();
        } catch (IOException e) {
            return f.toAbsolutePath().normalize();
        }
    }

    private static List<LogSource> sourcesOf(Path f) {
        // Opening a named pipe to sniff its magic bytes would block until a writer appears.
        if (!Files.isRegularFile(f) || !isZip(f)) {
            return List.of(new LogSource(f.toString(), f, null));
        }
        try (ZipFile zip = new ZipFile(f.toFile())) {
            TreeSet<String> names = new TreeSet<>();
            for (var it = zip.entries(); it.hasMoreElements(); ) {
                ZipEntry e = it.nextElement();
                if (!e.isDirectory()) {
                    names.add(e.getName());
                }
            }
            List<LogSource> out = new ArrayList<>();
            for (String n : names) {
                out.add(new LogSource(f + "!/" + n, f, n));
            }
            return out;
        } catch (IOException e) {
            // The reader sees the zip magic again and rejects the file with a reason.
            return List.of(new LogSource(f.toString(), f, null));
        }
    }

    private static boolean isZip(Path f) {
        try (InputStream in = Files.newInputStream(f)) {
            byte[] head = in.readNBytes(4);
            return java.util.Arrays.equals(head, ZIP_MAGIC);
        } catch (IOException e) {
            return false;
        }
    }
}
