package dev.trailhunt.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

/**
 * Names one input to read: a file, or one entry of a zip archive.
 *
 * @param path  the path shown to the user and stored in the store; zip entries read {@code a.zip!/entry}
 * @param file  the file on disk
 * @param entry the zip entry name, or null for a plain file
 */
record LogSource(String path, Path file, String entry) {
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
