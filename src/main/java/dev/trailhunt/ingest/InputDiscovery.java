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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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

    /** Lists the inputs under {@code paths}; a path that does not exist is a user error. */
    static List<LogSource> expand(List<Path> paths) {
        Set<Path> seen = new LinkedHashSet<>();
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new IngestException("no such file or directory: " + p);
            }
            TreeSet<Path> found = new TreeSet<>();
            if (Files.isDirectory(p)) {
                walk(p, found);
            } else {
                found.add(p);
            }
            for (Path f : found) {
                if (seen.add(realPath(f))) {
                    files.add(f);
                }
            }
        }
        List<LogSource> sources = new ArrayList<>();
        for (Path f : files) {
            sources.addAll(sourcesOf(f));
        }
        return Collections.unmodifiableList(sources);
    }

    private static void walk(Path root, Set<Path> found) {
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    // Dangling links, pipes and devices are listed too, so that the reader reports
                    // them instead of the walk dropping them silently.
                    if (!attrs.isDirectory()) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // A symlink loop or an unreadable entry must not stop the walk; an unreadable
                    // regular file is still listed so that its rejection is reported.
                    if (!(e instanceof FileSystemLoopException) && Files.isRegularFile(file)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new IngestException("cannot list " + root + ": " + e.getMessage());
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
