package dev.trailhunt.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a deterministic CloudTrail corpus in the S3 delivery layout: the same options always give
 * byte-identical files, however many threads write them.
 */
public final class LogGenerator {
    /** Creates generators that can write the nested maps and lists of request and response shapes. */
    private static final JsonFactory JSON = new ObjectMapper().getFactory();
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DIGEST_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_DIRS =
            DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String TRAIL = "management-events";
    private static final String BUCKET = "acme-org-cloudtrail";
    /** Lists the delivery streams (account, region) of ordinary traffic with their share of it. */
    private static final List<Stream> STREAMS = List.of(
            new Stream(Estate.PROD, "us-east-1", 45), new Stream(Estate.DEV, "us-east-1", 23),
            new Stream(Estate.PROD, "us-west-2", 12), new Stream(Estate.PROD, "eu-west-1", 10),
            new Stream(Estate.DEV, "eu-west-1", 10));

    private record Stream(String account, String region, int weight) {}

    /** One file to write: where its events come from and where it goes. */
    private record Planned(int index, String account, String region, long from, long until, int ordinary,
            List<TrailRecord> story, Path path) {}

    private final Estate estate = new Estate();
    private final CallShapes shapes = new CallShapes(estate);
    private final TrafficModel traffic = new TrafficModel(estate, shapes);
    private final int threads;

    /** Creates a generator that writes files on up to {@code threads} threads. */
    public LogGenerator(int threads) {
        this.threads = Math.max(1, threads);
    }

    /** Writes the corpus the options describe and returns what was written. */
    public GenerationResult generate(GeneratorOptions o) throws IOException {
        long from = o.start().getEpochSecond();
        long until = from + o.days() * 86_400L;
        long attack = from + (o.days() - 1) * 86_400L + 13 * 3600 + 37 * 60;
        List<TrailRecord> story = Story.plant(estate, shapes, o.seed(), attack);
        int ordinary = o.events() - story.size();
        if (ordinary < o.files()) {
            throw new IllegalArgumentException("--events must be at least " + (story.size() + o.files())
                    + " for " + o.files() + " files (the planted story alone has " + story.size() + " events)");
        }
        List<Planned> plan = plan(o, from, until, ordinary, story);
        List<GeneratedFile> written = writeAll(plan, o.seed());
        List<GeneratedFile> all = new ArrayList<>(written);
        for (String account : List.of(Estate.PROD, Estate.DEV)) {
            all.add(writeDigest(o.out(), account, until, written));
        }
        all.sort(Comparator.comparing(f -> f.path().toString()));
        long events = 0;
        long bytes = 0;
        for (GeneratedFile f : all) {
            events += f.events();
            bytes += f.uncompressedBytes();
        }
        return new GenerationResult(List.copyOf(all), events, bytes);
    }

    private List<Planned> plan(GeneratorOptions o, long from, long until, int ordinary, List<TrailRecord> story) {
        Prng rnd = Prng.derive(o.seed(), "plan");
        int[] perStream = apportion(o.files(), STREAMS.stream().mapToDouble(Stream::weight).toArray(), true);
        List<double[]> slots = new ArrayList<>();
        List<Stream> slotStream = new ArrayList<>();
        for (int s = 0; s < STREAMS.size(); s++) {
            for (int k = 0; k < perStream[s]; k++) {
                long a = from + (until - from) * k / perStream[s];
                long b = from + (until - from) * (k + 1) / perStream[s];
                // Busy and quiet delivery windows alternate, as they do in real trails.
                double share = STREAMS.get(s).weight() / (double) perStream[s] * (0.5 + rnd.nextDouble());
                slots.add(new double[] {a, b, share});
                slotStream.add(STREAMS.get(s));
            }
        }
        int[] counts = apportion(ordinary, slots.stream().mapToDouble(x -> x[2]).toArray(), true);
        Map<Integer, List<TrailRecord>> storyBySlot = new LinkedHashMap<>();
        Map<String, List<TrailRecord>> storyElsewhere = new LinkedHashMap<>();
        for (TrailRecord r : story) {
            int slot = -1;
            for (int i = 0; i < slots.size() && slot < 0; i++) {
                Stream st = slotStream.get(i);
                if (st.account().equals(r.account()) && st.region().equals(r.region)
                        && r.epochSecond >= slots.get(i)[0] && r.epochSecond < slots.get(i)[1]) {
                    slot = i;
                }
            }
            if (slot >= 0) {
                storyBySlot.computeIfAbsent(slot, k -> new ArrayList<>()).add(r);
            } else {
                storyElsewhere.computeIfAbsent(r.account() + " " + r.region, k -> new ArrayList<>()).add(r);
            }
        }
        List<Planned> plan = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            Stream st = slotStream.get(i);
            long a = (long) slots.get(i)[0];
            long b = (long) slots.get(i)[1];
            plan.add(new Planned(i, st.account(), st.region(), a, b, counts[i],
                    storyBySlot.getOrDefault(i, List.of()), logPath(o.out(), st.account(), st.region(), b, rnd)));
        }
        for (List<TrailRecord> rs : storyElsewhere.values()) {
            TrailRecord last = rs.get(rs.size() - 1);
            long delivered = (last.epochSecond / 300 + 1) * 300;
            plan.add(new Planned(plan.size(), last.account(), last.region, rs.get(0).epochSecond, delivered, 0, rs,
                    logPath(o.out(), last.account(), last.region, delivered, rnd)));
        }
        return plan;
    }

    /** Splits {@code total} in proportion to {@code weights} (largest remainder), at least 1 each when asked. */
    static int[] apportion(int total, double[] weights, boolean atLeastOne) {
        int n = weights.length;
        int[] out = new int[n];
        if (atLeastOne && total < n) {
            for (int i = 0; i < total; i++) {
                out[i] = 1;
            }
            return out;
        }
        int base = atLeastOne ? n : 0;
        double sum = Arrays.stream(weights).sum();
        double[] rest = new double[n];
        int given = 0;
        for (int i = 0; i < n; i++) {
            double exact = (total - base) * weights[i] / sum;
            out[i] = (int) Math.floor(exact) + (atLeastOne ? 1 : 0);
            rest[i] = exact - Math.floor(exact);
            given += out[i];
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> rest[x] != rest[y] ? Double.compare(rest[y], rest[x]) : Integer.compare(x, y));
        for (int k = 0; given < total; k++, given++) {
            out[order[k % n]]++;
        }
        return out;
    }

    private static Path logPath(Path out, String account, String region, long delivered, Prng rnd) {
        Instant t = Instant.ofEpochSecond(delivered);
        String name = account + "_CloudTrail_" + region + "_" + FILE_TIME.format(t) + "_" + rnd.alnum(16) + ".json.gz";
        return out.resolve("AWSLogs").resolve(account).resolve("CloudTrail").resolve(region)
                .resolve(DAY_DIRS.format(t)).resolve(name);
    }

    private List<GeneratedFile> writeAll(List<Planned> plan, long seed) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, plan.size()), r -> {
            Thread t = new Thread(r, "generate");
            t.setDaemon(true);
            return t;
        });
        try {
            // Largest first, so that the last file to finish is a small one.
            List<Planned> order = new ArrayList<>(plan);
            order.sort(Comparator.comparingInt((Planned p) -> -p.ordinary()).thenComparingInt(Planned::index));
            List<Future<GeneratedFile>> futures = new ArrayList<>();
            for (Planned p : order) {
                futures.add(pool.submit(() -> writeLog(p, seed)));
            }
            List<GeneratedFile> out = new ArrayList<>();
            for (Future<GeneratedFile> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private GeneratedFile writeLog(Planned p, long seed) {
        Prng rnd = Prng.derive(seed, "file-" + p.index());
        long[] times = new long[p.ordinary()];
        for (int i = 0; i < times.length; i++) {
            times[i] = p.from() + (long) (rnd.nextDouble() * (p.until() - p.from()));
        }
        Arrays.sort(times);
        try {
            Files.createDirectories(p.path().getParent());
            try (OutputStream file = Files.newOutputStream(p.path());
                    GzipSink gz = new GzipSink(new BufferedOutputStream(file, 1 << 16));
                    MeasuredStream measured = new MeasuredStream(gz);
                    JsonGenerator g = JSON.createGenerator(measured, JsonEncoding.UTF8)) {
                g.writeStartObject();
                g.writeArrayFieldStart("Records");
                int s = 0;
                for (long t : times) {
                    while (s < p.story().size() && p.story().get(s).epochSecond <= t) {
                        RecordWriter.write(g, p.story().get(s++));
                    }
                    RecordWriter.write(g, traffic.next(rnd, p.account(), p.region(), t));
                }
                while (s < p.story().size()) {
                    RecordWriter.write(g, p.story().get(s++));
                }
                g.writeEndArray();
                g.writeEndObject();
                g.flush();
                return new GeneratedFile(p.path(), times.length + p.story().size(), measured.count(),
                        measured.sha256Hex(), false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GeneratedFile writeDigest(Path out, String account, long until, List<GeneratedFile> logs)
            throws IOException {
        String region = "us-east-1";
        String prefix = "AWSLogs/" + account + "/CloudTrail/" + region + "/";
        List<GeneratedFile> covered = new ArrayList<>();
        for (GeneratedFile f : logs) {
            if (out.relativize(f.path()).toString().replace('\\', '/').startsWith(prefix)) {
                covered.add(f);
            }
        }
        covered.sort(Comparator.comparing(f -> f.path().toString()));
        Instant end = Instant.ofEpochSecond(until);
        Instant begin = Instant.ofEpochSecond(until - 3600);
        String name = account + "_CloudTrail-Digest_" + region + "_" + TRAIL + "_" + region + "_" + DIGEST_TIME.format(end)
                + ".json.gz";
        Path path = out.resolve("AWSLogs").resolve(account).resolve("CloudTrail-Digest").resolve(region)
                .resolve(DAY_DIRS.format(end)).resolve(name);
        Files.createDirectories(path.getParent());
        Prng rnd = Prng.derive(until, "digest-" + account);
        try (OutputStream file = Files.newOutputStream(path);
                GzipSink gz = new GzipSink(new BufferedOutputStream(file, 1 << 16));
                MeasuredStream measured = new MeasuredStream(gz);
                JsonGenerator g = JSON.createGenerator(measured, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("awsAccountId", account);
            g.writeStringField("digestStartTime", begin.toString());
            g.writeStringField("digestEndTime", end.toString());
            g.writeStringField("digestS3Bucket", BUCKET);
            g.writeStringField("digestS3Object", out.relativize(path).toString().replace('\\', '/'));
            g.writeStringField("digestPublicKeyFingerprint", rnd.hex(32));
            g.writeStringField("digestSignatureAlgorithm", "SHA256withRSA");
            g.writeStringField("newestEventTime", end.minusSeconds(1).toString());
            g.writeStringField("oldestEventTime", begin.toString());
            g.writeStringField("previousDigestS3Bucket", BUCKET);
            g.writeStringField("previousDigestS3Object", path.getFileName().toString()
                    .replace(DIGEST_TIME.format(end), DIGEST_TIME.format(begin)));
            g.writeStringField("previousDigestHashValue", rnd.hex(64));
            g.writeStringField("previousDigestHashAlgorithm", "SHA-256");
            g.writeStringField("previousDigestSignature", rnd.hex(512));
            g.writeArrayFieldStart("logFiles");
            for (GeneratedFile f : covered) {
                g.writeStartObject();
                g.writeStringField("s3Bucket", BUCKET);
                g.writeStringField("s3Object", out.relativize(f.path()).toString().replace('\\', '/'));
                g.writeStringField("hashValue", f.sha256());
                g.writeStringField("hashAlgorithm", "SHA-256");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.flush();
            return new GeneratedFile(path, 0, measured.count(), measured.sha256Hex(), true);
        }
    }

    /**
     * Writes one {@code {"Records":[…]}} file of ordinary production traffic in us-east-1, of at least {@code targetBytes} JSON
     * bytes, one record at a time (memory stays flat whatever the size); gzip when the name ends in {@code .gz}.
     */
    public GeneratedFile writeSingleFile(Path path, long targetBytes, long seed, Instant start) throws IOException {
        Prng rnd = Prng.derive(seed, "single-file");
        if (path.toAbsolutePath().getParent() != null) {
            Files.createDirectories(path.toAbsolutePath().getParent());
        }
        boolean gzip = path.getFileName().toString().endsWith(".gz");
        long t = start.getEpochSecond();
        long events = 0;
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
                OutputStream sink = gzip ? new GzipSink(file) : file;
                MeasuredStream measured = new MeasuredStream(sink);
                JsonGenerator g = JSON.createGenerator(measured, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeArrayFieldStart("Records");
            while (measured.count() + g.getOutputBuffered() < targetBytes) {
                t += rnd.nextInt(3);
                // One delivery file holds one account's records for one region.
                RecordWriter.write(g, traffic.next(rnd, Estate.PROD, "us-east-1", t));
                events++;
            }
            g.writeEndArray();
            g.writeEndObject();
            g.flush();
            return new GeneratedFile(path, events, measured.count(), measured.sha256Hex(), false);
        }
    }
}
