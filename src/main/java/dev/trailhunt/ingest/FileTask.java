package dev.trailhunt.ingest;

import dev.trailhunt.engine.InputFile;
import dev.trailhunt.engine.StoredContent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailhunt.engine.StagingWriter;
import dev.trailhunt.geoip.GeoIpLookup;
import dev.trailhunt.ingest.ecs.EcsMapper;
import dev.trailhunt.model.EcsSchema;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import dev.trailhunt.model.Sha256;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.ObjLongConsumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads one input on a worker thread: hashes it, skips content the store already has, streams its
 * records through the ECS mapper into staging files, and reports the outcome.
 */
final class FileTask implements Callable<StagedFile> {
    /** Caps a staging part so that one huge input is inserted in chunks of bounded memory. */
    static final long PART_ROWS = 100_000;

    /** Explains a skip of content this store already holds under the same path. */
    static final String ALREADY_LOADED = "already loaded";
    /** Explains an ignored file: text beside the logs that is no log. */
    static final String NOT_A_LOG = "not a log";

    /** Names a symbolic link whose target does not exist. */
    static final String DANGLING = "dangling symbolic link";

    /** Names a symbolic link that leads back to itself. */
    static final String LINK_LOOP = "symbolic link loop";

    /** Explains the rejection of an input whose bytes changed between the hash pass and the end of the parse pass. */
    static final String CHANGED = "changed while being read";

    /** Lets tests change an input while it is read: called with -1 between the two passes, then after each record; null in production. */
    static volatile ObjLongConsumer<Path> testHook;

    /** Stands for the hash of an input whose bytes could not be read; sha256 is part of the files table's key. */
    static final String NO_CONTENT = "";

    private static final int TIMESTAMP = EcsSchema.indexOf("@timestamp");
    private static final int ORIGINAL = EcsSchema.indexOf("event.original");
    static final long[] NO_HASHES = new long[0];
    private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final int MAGIC = 4;

    private final LogSource source;
    private final long ordinal;
    private final Path stagingDir;
    private final Map<String, StoredContent> known;
    private final ObjectMapper json;
    private final ThreadLocal<EcsMapper> mappers;
    private final int[] selection;
    private final RecordFilter filter;
    private final GeoIpLookup geoip;

    FileTask(LogSource source, long ordinal, Path stagingDir, Map<String, StoredContent> known, ObjectMapper json,
            ThreadLocal<EcsMapper> mappers, int[] selection, RecordFilter filter, GeoIpLookup geoip) {
        this.source = source;
        this.ordinal = ordinal;
        this.stagingDir = stagingDir;
        this.known = known;
        this.json = json;
        this.mappers = mappers;
        this.selection = selection;
        this.filter = filter;
        this.geoip = geoip;
    }

    @Override
    public StagedFile call() {
        String notReadable = source.unreadable() != null ? source.unreadable()
                : source.entry() == null ? notARegularFile(source.file()) : null;
        if (notReadable != null) {
            return rejected(0, NO_CONTENT, "unknown", notReadable);
        }
        ContentDigest.FileState before;
        ContentDigest content = new ContentDigest();
        try {
            before = ContentDigest.FileState.of(source.file());
            try (InputStream raw = source.openRaw(content)) {
                ContentDigest.drain(raw);
            }
        } catch (IOException e) {
            return rejected(0, NO_CONTENT, "unknown", "cannot read: " + message(e));
        }
        String sha = content.hex();
        long size = content.size();
        StoredContent holder = known.get(sha);
        if (holder != null) {
            String reason = holder.path().equals(source.path()) ? ALREADY_LOADED : "same content as " + holder.path();
            return StagedFile.withoutEvents(new InputFile(source.path(), size, sha, holder.format(), 0, InputFile.SKIPPED, reason),
                    holder.compressionIn(source.entry() != null), size);
        }
        hook(-1);
        if (filter != null) {
            try {
                return read(sha, size, before, filter);
            } catch (RecordsPrefilter.Bail e) {
                // Input the byte scan does not vouch for is read again in full, so that its problems
                // are reported exactly as a full ingest reports them.
            }
        }
        try {
            return read(sha, size, before, null);
        } catch (RecordsPrefilter.Bail e) {
            throw new IllegalStateException("an unfiltered read cannot bail", e);
        }
    }

    /**
     * Parses the input while hashing the very bytes parsed, and keeps its events only when those bytes
     * are the ones hashed before ({@code sha}, {@code size}) and the file on disk did not change meanwhile:
     * otherwise the store would record one content's hash with another content's events, and a later
     * run would skip the file as already loaded.
     */
    private StagedFile read(String sha, long size, ContentDigest.FileState before, RecordFilter prefilter)
            throws RecordsPrefilter.Bail {
        ContentDigest parsed = new ContentDigest();
        StagedFile staged = null;
        IOException failure = null;
        try (InputStream raw = source.openRaw(parsed)) {
            // The reader may close what it reads (a SequenceInputStream does at its end); the rest
            // must stay readable for the drain below.
            staged = parse(new FilterInputStream(raw) {
                @Override
                public void close() {
                }
            }, sha, size, prefilter);
            // The bytes after the point where parsing stopped belong to the content hashed too.
            ContentDigest.drain(raw);
        } catch (RecordsPrefilter.Bail e) {
            // The byte scan gave up (its partial parts are gone): the caller reads the input again in full.
            throw e;
        } catch (IOException e) {
            // Parse errors are reported by parse(); this is a failure to open or to finish reading,
            // after which nothing vouches for the events read.
            failure = e;
        }
        boolean stayed;
        try {
            stayed = before != null && before.unchangedIn(ContentDigest.FileState.of(source.file()));
        } catch (IOException e) {
            stayed = false;
        }
        if (failure == null && stayed && parsed.size() == size && parsed.hex().equals(sha)) {
            return staged;
        }
        if (staged != null) {
            staged.parts().forEach(p -> p.toFile().delete());
        }
        String compression = staged == null ? "unknown" : staged.compression();
        return rejected(size, sha, compression, failure != null && stayed ? "cannot read: " + message(failure) : CHANGED);
    }

    /** Calls the test hook, if any, after record {@code record} (-1: between the hash pass and the parse pass). */
    private void hook(long record) {
        ObjLongConsumer<Path> h = testHook;
        if (h != null) {
            h.accept(source.file(), record);
        }
    }

    /** Streams the records of {@code raw} into staging parts and tells what happened to the input. */
    private StagedFile parse(InputStream raw, String sha, long size, RecordFilter prefilter) throws RecordsPrefilter.Bail {
        RecordReader reader = new RecordReader(json);
        Parts parts = new Parts();
        String compression = source.entry() == null ? "none" : "zip";
        EcsMapper mapper = mappers.get();
        try {
            InputStream in = raw;
            if (isGzip(raw)) {
                compression = source.entry() == null ? "gzip" : "zip+gzip";
                // No BufferedInputStream on top: its read() keeps reading until its buffer is full, so
                // the EOFException of a truncated stream would discard up to 64 KiB already inflated.
                PushbackInputStream inflated = new PushbackInputStream(new GZIPInputStream(raw, 1 << 16), MAGIC);
                byte[] head = inflated.readNBytes(MAGIC);
                inflated.unread(head);
                String nested = nestedArchive(head, "gzip file");
                if (nested != null) {
                    return rejected(size, sha, compression, nested);
                }
                in = inflated;
            } else if (source.entry() != null && isZip(raw)) {
                return rejected(size, sha, compression, nestedArchive(ZIP_MAGIC, "zip archive"));
            } else if (isZip(raw)) {
                return rejected(size, sha, compression, "not a readable zip archive");
            }
            if (prefilter != null) {
                RecordsPrefilter scan = new RecordsPrefilter(in, prefilter, eventTime -> {
                    Instant t = EcsMapper.dataTime(eventTime);
                    if (t == null) {
                        return false;
                    }
                    parts.leftOut(t);
                    return true;
                });
                in = scan;
            }
            reader.read(in, (record, original) -> {
                // Input already in the stored form is not rendered again from its tree.
                String text = original == null ? null : new String(original, StandardCharsets.UTF_8);
                Object[] row = mapper.map(record, text, reader.duplicateKey(), reader.replacedBytes());
                if (geoip != null) {
                    geoip.fill(row);
                }
                parts.write(row, original, reader.records() - 1);
                hook(reader.records() - 1);
            });
        } catch (RecordsPrefilter.Bail e) {
            parts.close();
            parts.delete();
            throw e;
        } catch (RecordReader.NotCloudTrail e) {
            parts.close();
            if (reader.records() > 0) {
                return parts.staged(outcome(size, sha, reader, InputFile.PARTIAL, e.getMessage()), compression, size);
            }
            parts.delete();
            if (e.plainText() && !logLikeName(source.path())) {
                // README.md or LICENSE beside the logs: listed, but not a failed ingest.
                return StagedFile.withoutEvents(new InputFile(source.path(), size, sha, reader.format(), 0, InputFile.IGNORED,
                        NOT_A_LOG + " (" + e.getMessage() + ")"), compression, size);
            }
            return rejected(size, sha, compression, reader.format(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            parts.close();
            String why = message(e);
            if (reader.records() == 0) {
                parts.delete();
                return rejected(size, sha, compression, reader.format(), why);
            }
            return parts.staged(outcome(size, sha, reader, InputFile.PARTIAL,
                    why + " after " + reader.records() + " records"), compression, size);
        }
        parts.close();
        if (reader.digest()) {
            return parts.staged(new InputFile(source.path(), size, sha, "digest", 0, InputFile.SKIPPED,
                    "CloudTrail-Digest file"), compression, size);
        }
        if (reader.skippedLines() > 0) {
            return parts.staged(outcome(size, sha, reader, InputFile.PARTIAL, reader.skippedLines()
                    + " unreadable line" + (reader.skippedLines() == 1 ? "" : "s") + " skipped, first: "
                    + message(reader.firstSkip())), compression, size);
        }
        if (reader.foreign() > 0) {
            return parts.staged(outcome(size, sha, reader, InputFile.PARTIAL,
                    reader.foreign() + " JSON values are not CloudTrail records"), compression, size);
        }
        return parts.staged(outcome(size, sha, reader, InputFile.LOADED, null), compression, size);
    }

    private InputFile outcome(long size, String sha, RecordReader reader, String status, String reason) {
        return new InputFile(source.path(), size, sha, reader.format(), reader.records(), status, reason);
    }

    /**
     * Tells whether a name is one CloudTrail or its exports use (.json, .gz, .zip, .csv, ...): such a file
     * that holds no log is a broken log, rejected; any other text file is ignored.
     */
    static boolean logLikeName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        return java.util.regex.Pattern.matches(".*\\.(json|jsonl|ndjson|gz|gzip|zip|csv|log)", name);
    }

    private StagedFile rejected(long size, String sha, String compression, String reason) {
        return rejected(size, sha, compression, "unknown", reason);
    }

    private StagedFile rejected(long size, String sha, String compression, String format, String reason) {
        return StagedFile.withoutEvents(new InputFile(source.path(), size, sha, format, 0, InputFile.REJECTED, reason),
                compression, size);
    }

    /** Returns why {@code f} cannot be read as a file (dangling link, pipe, device…), or null when it is a regular file. */
    static String notARegularFile(Path f) {
        if (Files.isRegularFile(f)) {
            return null;
        }
        if (Files.isSymbolicLink(f) && !Files.exists(f)) {
            String link = brokenLink(f);
            return link.equals(DANGLING) ? "cannot read: no such file (dangling symbolic link)" : "cannot read: " + link;
        }
        if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
            return "cannot read: no such file";
        }
        String kind;
        try {
            kind = switch ((Integer) Files.getAttribute(f, "unix:mode") & 0170000) {
                case 0010000 -> " (a named pipe)";
                case 0140000 -> " (a socket)";
                case 0020000 -> " (a character device)";
                case 0060000 -> " (a block device)";
                default -> "";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            kind = "";
        }
        return "not a regular file" + kind;
    }

    /**
     * Tells why the symbolic link {@code f} leads to no file: {@link #DANGLING}, {@link #LINK_LOOP} when
     * following it comes back to a link already followed (or a directory on the way does), or the
     * system's reason.
     */
    static String brokenLink(Path f) {
        Set<Path> followed = new HashSet<>();
        Path p = f.toAbsolutePath();
        try {
            while (Files.isSymbolicLink(p)) {
                // Linux gives up after 40 links (ELOOP); a longer chain fails the same way.
                if (!followed.add(p) || followed.size() > 40) {
                    return LINK_LOOP;
                }
                p = p.resolveSibling(Files.readSymbolicLink(p));
            }
            f.toRealPath();
            return DANGLING;
        } catch (NoSuchFileException e) {
            return DANGLING;
        } catch (FileSystemException e) {
            // A loop further along (a directory of the target's path) reads "Too many levels of symbolic links".
            return e.getReason() != null && e.getReason().startsWith("Too many levels of symbolic links") ? LINK_LOOP : message(e);
        } catch (IOException e) {
            return message(e);
        }
    }

    /** Turns a read failure into the one-line reason stored in the files table. */
    static String message(Exception e) {
        if (e instanceof JsonProcessingException j) {
            var loc = j.getLocation();
            String what = j.getOriginalMessage();
            int nl = what.indexOf('\n');
            what = nl < 0 ? what : what.substring(0, nl);
            // Jackson appends a redacted source location that says nothing to the user.
            what = what.replaceAll(" ?\\(start marker at \\[Source:[^\\]]*\\][^)]*\\)", "").trim();
            return loc == null ? "invalid JSON: " + what
                    : String.format(Locale.ROOT, "invalid JSON at line %d, column %d: %s", loc.getLineNr(), loc.getColumnNr(), what);
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            // The operating system's words ("File name too long"); the path is on the line already.
            String why = f.getReason();
            return why.isEmpty() ? "read error" : why.substring(0, 1).toLowerCase(Locale.ROOT) + why.substring(1);
        }
        if (e instanceof EOFException) {
            return "truncated gzip stream";
        }
        if (e instanceof ZipException z) {
            return "corrupt compressed data: " + z.getMessage();
        }
        String m = e.getMessage();
        return (e instanceof IOException ? "read error: " : e.getClass().getSimpleName() + ": ") + (m == null ? "" : m);
    }

    private static boolean isGzip(InputStream in) throws IOException {
        return startsWith(in, GZIP_MAGIC);
    }

    private static boolean isZip(InputStream in) throws IOException {
        return startsWith(in, ZIP_MAGIC);
    }

    /**
     * Names an archive found inside the input's own compression ({@code outer}), which is not unpacked a
     * second time, or returns null; the reader would otherwise call it "not JSON".
     */
    static String nestedArchive(byte[] head, String outer) {
        String inner = startsWith(head, ZIP_MAGIC) ? "a zip archive" : startsWith(head, GZIP_MAGIC) ? "a gzip file" : null;
        return inner == null ? null : inner + " inside a " + outer + " is not read; unpack it first";
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }

    private static boolean startsWith(InputStream in, byte[] magic) throws IOException {
        in.mark(magic.length);
        byte[] head = in.readNBytes(magic.length);
        in.reset();
        return startsWith(head, magic);
    }


    /** Collects the staging parts of this input, starting a new part every {@link #PART_ROWS} rows. */
    private final class Parts {
        private final List<Path> files = new ArrayList<>();
        private StagingWriter current;
        private long maxRowBytes;
        private Instant first;
        private Instant last;
        private long rows;
        private long[] hashes = new long[64];
        private final MessageDigest md = Sha256.newDigest();
        private final ByteBuffer digest = ByteBuffer.allocate(32);
        private long leftOut;
        private long undated;
        private long firstUndated = -1;
        private long normalised;
        private long firstNormalised = -1;


        /** Counts a record the byte scan left out: it is not stored, but its time belongs to the data's range. */
        void leftOut(Instant t) {
            leftOut++;
            widen(t);
        }

        private void widen(Instant t) {
            first = first == null || t.isBefore(first) ? t : first;
            last = last == null || t.isAfter(last) ? t : last;
        }

        /** Stages one row; {@code original} is its event.original in UTF-8 when the caller has it, else null. */
        void write(Object[] row, byte[] original, long offset) {
            if (current == null || current.rows() >= PART_ROWS) {
                close();
                Path p = stagingDir.resolve(String.format(Locale.ROOT, "%08d-%04d.arrows", ordinal, files.size()));
                files.add(p);
                current = new StagingWriter(p, ordinal, selection);
            }
            md.update(original != null ? original : String.valueOf(row[ORIGINAL]).getBytes(StandardCharsets.UTF_8));
            digest.clear();
            digest.put(md.digest()).flip();
            current.write(row, original, source.path(), offset, HexFormat.of().formatHex(digest.array()));
            if (2 * rows + 2 > hashes.length) {
                hashes = Arrays.copyOf(hashes, hashes.length * 2);
            }
            hashes[(int) (2 * rows)] = digest.getLong(0);
            hashes[(int) (2 * rows + 1)] = digest.getLong(8);
            rows++;
            if (EcsMapper.isNormalised(row) && normalised++ == 0) {
                firstNormalised = offset;
            }
            if (!EcsMapper.hasDataTime(row)) {
                // Dated at ingest as Elastic does; the ingest time must not pass for the data's time.
                if (undated++ == 0) {
                    firstUndated = offset;
                }
            } else if (row[TIMESTAMP] instanceof Instant t) {
                widen(t);
            }
        }

        void close() {
            if (current != null) {
                maxRowBytes = Math.max(maxRowBytes, current.maxRowBytes());
                current.close();
                current = null;
            }
        }

        void delete() {
            for (Path p : files) {
                p.toFile().delete();
            }
            files.clear();
        }

        StagedFile staged(InputFile outcome, String compression, long size) {
            if (leftOut > 0) {
                outcome = new InputFile(outcome.path(), outcome.size(), outcome.sha256(), outcome.format(),
                        outcome.events() + leftOut, outcome.status(), outcome.reason());
            }
            return new StagedFile(outcome, compression, files, rows, Arrays.copyOf(hashes, (int) (2 * rows)), maxRowBytes, size, first, last,
                    undated, firstUndated, normalised, firstNormalised, leftOut);
        }
    }
}
