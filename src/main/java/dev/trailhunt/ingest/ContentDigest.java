package dev.trailhunt.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import dev.trailhunt.model.Sha256;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Hashes (SHA-256) and counts the bytes of one input as they are read, so that the hash a store
 * records is that of exactly the bytes whose events it holds.
 */
final class ContentDigest {
    private final MessageDigest md = Sha256.newDigest();
    private long size;
    private String hex;

    /** Returns a stream that feeds every byte read from {@code in} to this digest, skipped bytes too. */
    InputStream tap(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    md.update((byte) b);
                    size++;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0) {
                    md.update(b, off, n);
                    size += n;
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                // Skipped bytes are part of the content: read them so that they are hashed.
                byte[] buf = new byte[(int) Math.min(8192, Math.max(n, 1))];
                long done = 0;
                while (done < n) {
                    int r = read(buf, 0, (int) Math.min(buf.length, n - done));
                    if (r < 0) {
                        break;
                    }
                    done += r;
                }
                return done;
            }

            @Override
            public boolean markSupported() {
                return false;
            }
        };
    }

    /** Reads what is left of {@code in}, so that the digest covers the whole input even when parsing stopped early. */
    static void drain(InputStream in) throws IOException {
        in.transferTo(OutputStream.nullOutputStream());
    }

    /** Returns the number of bytes read so far. */
    long size() {
        return size;
    }

    /** Returns the hex SHA-256 of the bytes read; reading stops counting once this is called. */
    String hex() {
        if (hex == null) {
            hex = HexFormat.of().formatHex(md.digest());
        }
        return hex;
    }


    /**
     * Identifies a file's state on disk (size, modification time and file key, which a file replaced
     * by a rename changes), to tell whether it changed between the start and the end of its reading.
     *
     * @param size     bytes on disk
     * @param modified last modification time
     * @param key      the file system's identity of the file (device and inode on Unix), or null
     */
    record FileState(long size, FileTime modified, Object key) {
        /** Reads the state of {@code f}, following links; returns null when the file no longer exists. */
        static FileState of(Path f) throws IOException {
            try {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                return new FileState(a.size(), a.lastModifiedTime(), a.fileKey());
            } catch (NoSuchFileException e) {
                return null;
            }
        }

        /** Tells whether {@code later} shows the same file unchanged; a file removed since (null) tells nothing. */
        boolean unchangedIn(FileState later) {
            return later == null || (size == later.size && modified.equals(later.modified) && Objects.equals(key, later.key));
        }
    }
}
