package dev.trailhunt.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Words a file-system failure as a hunter reads it ("no such directory: /x"), not as an exception class. */
final class FileProblem {
    private FileProblem() {}

    /**
     * Fails before any work is done when a file cannot be created because its directory is missing,
     * in the words the write itself would use, so that no hunt runs for an answer that cannot be saved.
     */
    static void requireDirectoryOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw cannotWrite(file, new NoSuchFileException(file.toString()));
        }
    }

    /** Wraps a failed write of a file as the one-line data problem the command line reports. */
    static UncheckedIOException cannotWrite(Path file, IOException e) {
        return new UncheckedIOException("cannot write " + file + ": " + describe(e), e);
    }

    /** Describes why a file operation failed, naming the directory when it is the missing part. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException f && f.getFile() != null) {
            Path parent = Path.of(f.getFile()).toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                return "no such directory: " + Path.of(f.getFile()).getParent();
            }
        }
        if (e instanceof FileSystemException f && f.getReason() == null) {
            // The JDK leaves the reason empty and puts it in the class name: NoSuchFileException, AccessDeniedException.
            String kind = f.getClass().getSimpleName().replace("Exception", "")
                    .replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
            return kind + ": " + f.getFile();
        }
        return e.getMessage();
    }
}
