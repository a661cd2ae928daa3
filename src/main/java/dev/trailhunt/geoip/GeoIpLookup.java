package dev.trailhunt.geoip;

import com.maxmind.db.Metadata;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;
import com.maxmind.geoip2.model.AsnResponse;
import com.maxmind.geoip2.model.CityResponse;
import dev.trailhunt.model.EcsSchema;
import dev.trailhunt.model.IpLiteral;
import dev.trailhunt.model.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Looks up {@code source.ip} in a City and an ASN database and writes the fields Elastic's geoip processors
 * write, with their names and English names, caching the answer per distinct address.
 *
 * <p>Thread-safe: ingest workers share one lookup.
 */
public final class GeoIpLookup implements AutoCloseable {
    /** Names the columns a lookup fills, in the order of {@link #values}. */
    public static final List<String> COLUMNS = columns();

    /** Stops caching past this many distinct addresses so hostile input cannot exhaust memory. */
    private static final int CACHE_LIMIT = 1 << 20;
    private static final int SOURCE_IP = EcsSchema.indexOf("source.ip");
    private static final int[] TARGETS = COLUMNS.stream().mapToInt(EcsSchema::indexOf).toArray();
    private static final Object[] NOTHING = new Object[COLUMNS.size()];

    private final DatabaseReader city;
    private final DatabaseReader asn;
    private final List<GeoDatabase> databases;
    private final Map<String, Object[]> cache = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();
    private volatile String firstFailure;

    private GeoIpLookup(DatabaseReader city, DatabaseReader asn, List<GeoDatabase> databases) {
        this.city = city;
        this.asn = asn;
        this.databases = List.copyOf(databases);
    }

    /**
     * Opens the best City and ASN database of {@code folder} (Elastic's own file names first, then
     * GeoLite2, then by name); {@code source} names where the folder came from for error messages.
     */
    public static GeoIpLookup open(Path folder, String source) {
        if (!Files.isDirectory(folder)) {
            throw new GeoIpException(source + ": " + folder + " is not a folder of .mmdb databases");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".mmdb") && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(GeoIpLookup::rank).thenComparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new GeoIpException(source + ": cannot list " + folder + ": " + e.getMessage(), e);
        }
        DatabaseReader city = null;
        DatabaseReader asn = null;
        List<GeoDatabase> used = new ArrayList<>();
        try {
            for (Path p : files) {
                DatabaseReader r = reader(p);
                String type = r.getMetadata().getDatabaseType();
                if (city == null && type.contains("City")) {
                    city = r;
                    used.add(describe("city", p, r.getMetadata()));
                } else if (asn == null && type.contains("ASN")) {
                    asn = r;
                    used.add(describe("asn", p, r.getMetadata()));
                } else {
                    r.close();
                }
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(city);
            closeQuietly(asn);
            throw e instanceof GeoIpException g ? g : new GeoIpException(source + ": " + e.getMessage(), e);
        }
        if (city == null && asn == null) {
            throw new GeoIpException(source + ": " + folder + " holds no City or ASN .mmdb database");
        }
        return new GeoIpLookup(city, asn, used);
    }

    /** Lists the databases this lookup reads, in the order it chose them (rank, then file name). */
    public List<GeoDatabase> databases() {
        return databases;
    }

    /** Fills the GeoIP columns of an ECS row from its {@code source.ip}; a row without one is left alone. */
    public void fill(Object[] row) {
        if (row[SOURCE_IP] instanceof String ip) {
            Object[] v = values(ip);
            for (int i = 0; i < TARGETS.length; i++) {
                if (TARGETS[i] >= 0) {
                    row[TARGETS[i]] = v[i];
                }
            }
        }
    }

    /** Returns the values of {@link #COLUMNS} for one address, nulls where the databases know nothing. */
    public Object[] values(String ip) {
        Object[] hit = cache.get(ip);
        if (hit != null) {
            return hit;
        }
        Object[] v = lookup(ip);
        if (cache.size() < CACHE_LIMIT) {
            cache.put(ip, v);
        }
        return v;
    }

    /** Counts the addresses whose lookup failed (a damaged database); their fields were left null. */
    public long failures() {
        return failures.get();
    }

    /** Returns the message of the first failed lookup, or null when none failed. */
    public String firstFailure() {
        return firstFailure;
    }

    /**
     * Describes the failed lookups in one line, e.g. {@code geoip: 3 lookups failed, their fields are null
     * (first: …)}, or returns null when none failed.
     */
    public String failureLine() {
        long n = failures.get();
        return n == 0 ? null : "geoip: " + n + " address lookup" + (n == 1 ? "" : "s") + " failed; their source.geo.*"
                + " and source.as.* are null (first: " + firstFailure + ")";
    }

    /** Counts the distinct addresses looked up so far (up to the cache limit). */
    public int distinctAddresses() {
        return cache.size();
    }

    private Object[] lookup(String ip) {
        byte[] bytes = IpLiteral.docValueBytes(ip);
        if (bytes == null) {
            return NOTHING;
        }
        InetAddress address;
        try {
            // From bytes, never from text: no name is ever resolved.
            address = InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return NOTHING;
        }
        Object[] v = new Object[COLUMNS.size()];
        boolean any = false;
        try {
            if (city != null) {
                Optional<CityResponse> r = city.tryCity(address);
                if (r.isPresent()) {
                    any |= GeoFields.city(r.get(), v);
                }
            }
            if (asn != null) {
                Optional<AsnResponse> r = asn.tryAsn(address);
                if (r.isPresent()) {
                    any |= GeoFields.asn(r.get(), v);
                }
            }
        } catch (IOException | GeoIp2Exception | RuntimeException e) {
            // A damaged database must not cost the event: its GeoIP fields stay null and the run says so.
            if (failures.getAndIncrement() == 0) {
                firstFailure = "GeoIP lookup of " + ip + " failed: " + e.getMessage();
            }
            return NOTHING;
        }
        return any ? v : NOTHING;
    }

    private static DatabaseReader reader(Path p) throws IOException {
        try {
            return new DatabaseReader.Builder(p.toFile()).locales(List.of("en")).build();
        } catch (IOException | RuntimeException e) {
            throw new GeoIpException(p + " is not a readable MaxMind database: " + e.getMessage(), e);
        }
    }

    private static GeoDatabase describe(String kind, Path p, Metadata m) throws IOException {
        MessageDigest md = Sha256.newDigest();
        try (InputStream in = Files.newInputStream(p)) {
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
        }
        return new GeoDatabase(kind, p, m.getDatabaseType(), m.getBuildDate().toInstant().toString(), Sha256.hex(md));
    }

    /** Ranks a file: the names Elastic's pipeline asks for first, then GeoLite2, then the rest. */
    private static int rank(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.equals("geolite2-city.mmdb") || n.equals("geolite2-asn.mmdb")) {
            return 0;
        }
        return n.startsWith("geolite2-") ? 1 : 2;
    }

    private static List<String> columns() {
        // The order of GeoFields' indices.
        return List.of("source.geo.continent_name", "source.geo.country_iso_code", "source.geo.country_name",
                "source.geo.region_iso_code", "source.geo.region_name", "source.geo.city_name", "source.geo.location",
                "source.as.number", "source.as.organization.name");
    }

    private static void closeQuietly(DatabaseReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (IOException e) {
                // Already failing: the first error is the one to report.
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(city);
        closeQuietly(asn);
    }
}
