package dev.trailhunt.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

/**
 * Names one input to read: a file, or one entry of a zip archive; or a path the search of the
 * inputs could not read (a directory it could not list), so that it is reported like an unreadable file.
 *
 * @param path       the path shown to the user and stored in the store; zip entries read {@code a.zip!/entry}
 * @param file       the file on disk
 * @param entry      the zip entry name, or null for a plain file
 * @param unreadable why the search could not read the path, or null
 */
record LogSource(String path, Path file, String entry, String unreadable) {
    /** Names a file or zip entry to read. */
    LogSource(String path, Path file, String entry) {
        this(path, file, entry, null);
    }

    /** Names a path the search could not read, and why. */
    static LogSource unreadable(Path p, String why) {
        return new LogSource(p.toString(), p, null, why);
    }

    /**
     * Opens the stored bytes (a zip entry is inflated; gzip is left to the reader), feeding each to
     * {@code digest} below the buffer, so that marks and resets above it never hash a byte twice.
     */
    InputStream openRaw(ContentDigest digest) throws IOException {
        if (entry == null) {
            return new BufferedInputStream(digest.tap(Files.newInputStream(file)), 1 << 16);
        }
        ZipFile zip = new ZipFile(file.toFile());
        var e = zip.getEntry(entry);
        if (e == null) {
            zip.close();
            throw new IOException("zip entry " + entry + " vanished");
        }
        return new BufferedInputStream(digest.tap(zip.getInputStream(e)), 1 << 16) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    zip.close();
                }
            }
        };
    }
}
