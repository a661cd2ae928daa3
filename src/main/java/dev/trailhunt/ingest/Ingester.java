package dev.trailhunt.ingest;

import dev.trailhunt.engine.InputFile;
import dev.trailhunt.engine.StoredContent;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailhunt.engine.EventLoader;
import dev.trailhunt.engine.Store;
import dev.trailhunt.engine.StagingWriter;
import dev.trailhunt.engine.StoreColumn;
import dev.trailhunt.engine.TemporaryDirs;
import dev.trailhunt.geoip.GeoDatabase;
import dev.trailhunt.geoip.GeoIpLookup;
import dev.trailhunt.ingest.ecs.EcsMapper;
import dev.trailhunt.model.EcsColumn;
import dev.trailhunt.model.EcsSchema;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * Ingests CloudTrail inputs into a store: workers read and map files in parallel, the calling
 * thread collects their staged events in input order, and a loader thread inserts each batch of
 * files in one transaction while the next batch is being staged.
 */
public final class Ingester {
    /** Commits once this many staged events are pending. */
    static final long BATCH_EVENTS = 200_000;
    /**
     * Commits once this many files are pending, so that many small files still commit regularly;
     * {@code -Dtrailhunt.ingest.batchFiles} lowers it, which the crash test uses to get many commits.
     */
    static final int BATCH_FILES = Integer.getInteger("trailhunt.ingest.batchFiles", 256);

    /** Gives workers room for the deepest record the reader accepts (stack is reserved, not committed). */
    static final long WORKER_STACK_BYTES = 256L << 20;

    private final IngestOptions options;
    /** Measures the CPU time of the worker and loader threads, which {@code -Dtrailhunt.ingest.cpu=true} prints. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private final LongAdder workCpu = new LongAdder();
    private final LongAdder loadCpu = new LongAdder();

    private GeoIpLookup geoip;

    /** Creates an ingester with the given options. */
    public Ingester(IngestOptions options) {
        this.options = options;
    }

    /** Fills source.geo.* and source.as.* of every new event from {@code lookup} (null: leave them null); returns this. */
    public Ingester enrichingWith(GeoIpLookup lookup) {
        this.geoip = lookup;
        return this;
    }

    /** Returns the ECS columns of the events table as store columns, in table order. */
    public static List<StoreColumn> ecsColumns() {
        return ecsColumns(null);
    }

    /** Returns the ECS columns named in {@code only} (all when null) as store columns, in table order. */
    static List<StoreColumn> ecsColumns(java.util.Set<String> only) {
        List<StoreColumn> out = new ArrayList<>();
        for (EcsColumn c : EcsSchema.columns()) {
            if (only == null || only.contains(c.name())) {
                out.add(new StoreColumn(c.name(), c.duckdbType()));
            }
        }
        return out;
    }

    /** Returns the schema positions of the ECS columns named in {@code only}, or null for all. */
    private static int[] selection(java.util.Set<String> only) {
        return only == null ? null : ecsColumns(only).stream().mapToInt(c -> EcsSchema.indexOf(c.name())).toArray();
    }

    /** Returns the full events table layout: ECS columns, then provenance and the content hash. */
    public static List<StoreColumn> eventColumns() {
        return EventLoader.eventColumns(ecsColumns());
    }

    /** Returns the usage error for an input path that does not exist, naming a dangling or looping link as such. */
    public static String missingInput(Path p) {
        return InputDiscovery.missing(p);
    }

    /**
     * Reads every input under {@code inputs} into the store at {@code db} (created when absent) and
     * reports what happened to each file; problems with single files never stop the run.
     */
    public IngestSummary ingest(Path db, List<Path> inputs, IngestProgress progress) {
        return ingest(db, inputs, progress, java.time.Clock.systemUTC());
    }

    /** Ingests as {@link #ingest(Path, List, IngestProgress)} does, with {@code event.created} read from {@code clock}. */
    public IngestSummary ingest(Path db, List<Path> inputs, IngestProgress progress, java.time.Clock clock) {
        long started = System.nanoTime();
        Instant created = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<LogSource> sources = InputDiscovery.expand(inputs);
        Path absDb = db.toAbsolutePath();
        try (Store store = Store.openForWriting(absDb)) {
            EventLoader loader = store.loader(ecsColumns(options.columns()));
            loader.prepareStore();
            Map<String, StoredContent> known = Map.copyOf(loader.knownContents());
            Path staging = freshStagingDir(absDb);
            try {
                EventHashSet seen = new EventHashSet();
                loader.storedHashes(seen::add);
                Run run = new Run(loader, known, seen, progress, sources.size());
                run.execute(sources, staging, created);
                List<String> geo = List.of();
                if (geoip != null) {
                    geo = geoip.databases().stream().map(GeoDatabase::describe).toList();
                    if (run.added > 0) {
                        store.recordGeoDatabases(geoip.databases().stream().map(d -> List.of(d.kind(), d.name(),
                                d.type(), d.buildDate(), d.sha256())).toList(), false);
                    }
                }
                Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                if (Boolean.getBoolean("trailhunt.ingest.cpu")) {
                    // Where an ingest spends its CPU, for profiling (.ci/bench and README figures).
                    System.err.printf(Locale.ROOT, "cpu: workers %.2f s, loader %.2f s%n", workCpu.sum() / 1e9, loadCpu.sum() / 1e9);
                    System.err.printf(Locale.ROOT, "arrow: peak %.1f MiB off-heap%n", StagingWriter.offHeapPeak() / 1048576.0);
                }
                return new IngestSummary(run.outcomes, run.added, run.staged - run.added, run.first, run.last, elapsed,
                        run.undated, run.firstUndated, run.normalised, run.firstNormalised, geo);
            } finally {
                TemporaryDirs.delete(staging);
            }
        }
    }

    /** Tracks one run on the calling thread: in-order results, pending batch, totals. */
    private final class Run {
        private final EventLoader loader;
        private final Map<String, StoredContent> known;
        private final Map<String, String> claimed;
        private final IngestProgress progress;
        private final long total;
        private final List<InputFile> outcomes = new ArrayList<>();
        private final List<List<Path>> chunks = new ArrayList<>();
        private final List<Object[]> fileRows = new ArrayList<>();
        private final EventHashSet seen;
        private List<Long> excluded = new ArrayList<>();
        private final ExecutorService loading = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "trailhunt-load");
            t.setDaemon(true);
            return t;
        });
        private Future<Long> loadingBatch;
        private List<Path> chunk = new ArrayList<>();
        private long chunkEvents;
        private long pendingEvents;
        private long maxRowBytes;
        private long added;
        private long staged;
        private long events;
        private long bytes;
        private Instant first;
        private Instant last;
        private long undated;
        private String firstUndated;
        private long leftOut;
        private long normalised;
        private String firstNormalised;

        Run(EventLoader loader, Map<String, StoredContent> known, EventHashSet seen, IngestProgress progress, long total) {
            this.loader = loader;
            this.known = known;
            this.seen = seen;
            this.claimed = new HashMap<>();
            known.forEach((sha, c) -> claimed.put(sha, c.path()));
            this.progress = progress;
            this.total = total;
        }

        void execute(List<LogSource> sources, Path staging, Instant created) {
            ObjectMapper json = jsonMapper();
            ThreadLocal<EcsMapper> mappers = ThreadLocal.withInitial(() -> new EcsMapper(created));
            int[] selection = selection(options.columns());
            ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
                // Mapping and rendering a record recurse once per nesting level, and the reader
                // accepts 10,000 levels; the default thread stack overflows far earlier.
                Thread t = new Thread(null, r, "trailhunt-ingest", WORKER_STACK_BYTES);
                t.setDaemon(true);
                return t;
            });
            // A bounded window of submitted files keeps staging disk use and memory bounded while
            // results are consumed strictly in input order.
            int window = Math.max(4, options.threads() * 4);
            Deque<Future<StagedFile>> inFlight = new ArrayDeque<>();
            try {
                int next = 0;
                while (next < sources.size() || !inFlight.isEmpty()) {
                    while (next < sources.size() && inFlight.size() < window) {
                        FileTask task = new FileTask(sources.get(next), next, staging, known, json, mappers,
                                selection, options.filter(), geoip);
                        inFlight.add(pool.submit(() -> {
                            long c0 = CPU.getCurrentThreadCpuTime();
                            try {
                                return task.call();
                            } finally {
                                workCpu.add(CPU.getCurrentThreadCpuTime() - c0);
                            }
                        }));
                        next++;
                    }
                    accept(await(inFlight.removeFirst()));
                }
                flush();
                awaitLoad();
                if (leftOut > 0) {
                    // A one-off store holds one run, so the run's time range is the store's.
                    loader.recordLeftOut(leftOut, first, last);
                }
            } finally {
                pool.shutdownNow();
                loading.shutdown();
                try {
                    // A failed run must not close the connection under a statement still running.
                    loading.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void accept(StagedFile s) {
            InputFile o = s.outcome();
            bytes += s.bytesRead();
            boolean fresh = InputFile.LOADED.equals(o.status()) || InputFile.PARTIAL.equals(o.status())
                    || "digest".equals(o.format());
            if (fresh && claimed.containsKey(o.sha256())) {
                // Two inputs of this run had the same bytes: the first in input order wins.
                s.parts().forEach(p -> p.toFile().delete());
                o = new InputFile(o.path(), o.size(), o.sha256(), o.format(), 0, InputFile.SKIPPED,
                        "same content as " + claimed.get(o.sha256()));
                s = StagedFile.withoutEvents(o, s.compression(), s.bytesRead());
            } else if (fresh) {
                claimed.put(o.sha256(), o.path());
            }
            outcomes.add(o);
            if (!FileTask.ALREADY_LOADED.equals(o.reason())) {
                fileRows.add(new Object[] {o.path(), o.size(), o.sha256(), s.compression(), o.format(), o.events(), o.status(), o.reason()});
            }
            long[] h = s.hashes();
            for (int i = 0; i < s.rows(); i++) {
                if (!seen.add(h[2 * i], h[2 * i + 1])) {
                    // The same content is in the store or earlier in this run: keep the first copy only.
                    excluded.add(StagingWriter.ord(outcomes.size() - 1L, i));
                }
            }
            List<Path> parts = s.parts();
            for (int i = 0; i < parts.size(); i++) {
                long rows = i < parts.size() - 1 ? FileTask.PART_ROWS : s.rows() - FileTask.PART_ROWS * (parts.size() - 1);
                if (!chunk.isEmpty() && chunkEvents + rows > FileTask.PART_ROWS) {
                    chunks.add(chunk);
                    chunk = new ArrayList<>();
                    chunkEvents = 0;
                }
                chunk.add(parts.get(i));
                chunkEvents += rows;
            }
            pendingEvents += s.rows();
            staged += s.rows();
            maxRowBytes = Math.max(maxRowBytes, s.maxRowBytes());
            events += o.events();
            leftOut += s.leftOut();
            if (s.undated() > 0) {
                if (undated == 0) {
                    firstUndated = o.path() + " record " + s.firstUndated();
                }
                undated += s.undated();
            }
            if (s.normalised() > 0) {
                if (normalised == 0) {
                    firstNormalised = o.path() + " record " + s.firstNormalised();
                }
                normalised += s.normalised();
            }
            if (s.first() != null) {
                first = first == null || s.first().isBefore(first) ? s.first() : first;
                last = last == null || s.last().isAfter(last) ? s.last() : last;
            }
            if (pendingEvents >= BATCH_EVENTS || fileRows.size() >= BATCH_FILES) {
                flush();
            }
            if (options.progress()) {
                progress.update(outcomes.size(), total, events, bytes);
            }
        }

        private void flush() {
            if (!chunk.isEmpty()) {
                chunks.add(chunk);
            }
            if (!chunks.isEmpty() || !fileRows.isEmpty()) {
                // Staging the next batch overlaps this load; one batch loads at a time, in order.
                awaitLoad();
                List<List<Path>> batch = List.copyOf(chunks);
                List<Object[]> rows = List.copyOf(fileRows);
                long[] skip = excluded.stream().mapToLong(Long::longValue).toArray();
                long rowBytes = maxRowBytes;
                long done = outcomes.size();
                loadingBatch = loading.submit(() -> {
                    long c0 = CPU.getCurrentThreadCpuTime();
                    long n = loader.load(batch, rowBytes, rows, skip);
                    loadCpu.add(CPU.getCurrentThreadCpuTime() - c0);
                    for (List<Path> c : batch) {
                        c.forEach(p -> p.toFile().delete());
                    }
                    progress.committed(done);
                    return n;
                });
            }
            chunks.clear();
            chunk = new ArrayList<>();
            chunkEvents = 0;
            fileRows.clear();
            excluded = new ArrayList<>();
            pendingEvents = 0;
            maxRowBytes = 0;
        }

        private void awaitLoad() {
            if (loadingBatch != null) {
                Future<Long> f = loadingBatch;
                loadingBatch = null;
                added += await(f);
            }
        }
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException("ingest interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(c);
        }
    }

    /** Builds the JSON reader: document order kept, no size limit on strings or documents. */
    static ObjectMapper jsonMapper() {
        ObjectMapper m = new ObjectMapper();
        m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(Integer.MAX_VALUE)
                .maxNestingDepth(10_000)
                .maxNumberLength(10_000)
                .build());
        m.registerModule(DuplicateKeys.module());
        return m;
    }

    /** Creates this run's staging directory beside the store, removing ones a killed run left. */
    private static Path freshStagingDir(Path db) {
        Path dir = db.getParent() == null ? Path.of(".") : db.getParent();
        String prefix = db.getFileName() + ".staging-";
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, prefix + "*")) {
            // Holding the store's write lock proves no live run owns these.
            for (Path p : old) {
                TemporaryDirs.delete(p);
            }
            return Files.createTempDirectory(dir, prefix);
        } catch (IOException e) {
            throw new IngestException("cannot create a staging directory next to " + db + ": " + e.getMessage());
        }
    }
}
