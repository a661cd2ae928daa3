package dev.trailhunt.engine;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bounds what one hunt query may use: wall-clock time, and DuckDB memory, beyond which DuckDB
 * spills to a private temporary folder of at most {@value #SPILL_FACTOR} times that size and then fails.
 *
 * @param timeout the time one query may take, or {@link Duration#ZERO} for no limit
 * @param memoryBytes DuckDB's {@code memory_limit} for hunt connections, in bytes
 */
public record QueryLimits(Duration timeout, long memoryBytes) {
    /** Gives the default time a query may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    /** Gives the default DuckDB memory limit for hunts: 1 GiB. */
    public static final long DEFAULT_MEMORY = 1L << 30;
    /** Scales the memory limit to the most DuckDB may spill to disk. */
    public static final int SPILL_FACTOR = 4;
    /** Gives the smallest memory limit accepted, below which DuckDB cannot run ordinary hunts. */
    public static final long MIN_MEMORY = 8L << 20;

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|kb|mb|gb|tb|kib|mib|gib|tib)");

    public QueryLimits {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be zero (none) or positive");
        }
        if (memoryBytes < MIN_MEMORY) {
            throw new IllegalArgumentException("memory limit must be at least " + sizeText(MIN_MEMORY));
        }
    }

    /** Returns the defaults: a 5-minute timeout and 1 GiB of DuckDB memory. */
    public static QueryLimits defaults() {
        return new QueryLimits(DEFAULT_TIMEOUT, DEFAULT_MEMORY);
    }

    /** Tells whether queries have a time limit. */
    public boolean hasTimeout() {
        return !timeout.isZero();
    }

    /** Returns the most DuckDB may write to its temporary folder when a query outgrows memory. */
    public long spillBytes() {
        return memoryBytes * SPILL_FACTOR;
    }

    /**
     * Parses a duration such as {@code 5m}, {@code 90s}, {@code 1h30m}, {@code 500ms} or ISO-8601
     * {@code PT5M}; {@code 0} means no limit.
     *
     * @throws IllegalArgumentException with a sentence a user can act on
     */
    public static Duration parseDuration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        if (t.startsWith("p")) {
            try {
                Duration d = Duration.parse(t.toUpperCase(Locale.ROOT));
                if (!d.isNegative()) {
                    return d;
                }
            } catch (DateTimeParseException e) {
                // Falls through to the one message for every malformed duration.
            }
            throw badDuration(text);
        }
        Matcher m = DURATION_PART.matcher(t);
        Duration total = Duration.ZERO;
        int at = 0;
        while (at < t.length() && m.find(at) && m.start() == at) {
            long n;
            try {
                n = Long.parseLong(m.group(1));
                total = total.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
            } catch (ArithmeticException | NumberFormatException e) {
                throw badDuration(text);
            }
            at = m.end();
        }
        if (at == 0 || at != t.length()) {
            throw badDuration(text);
        }
        return total;
    }

    /**
     * Parses a size such as {@code 64MB}, {@code 1GB} or {@code 512MiB} (KB, MB, GB, TB are powers of
     * 1000 and KiB, MiB, GiB, TiB of 1024, as in DuckDB).
     *
     * @throws IllegalArgumentException with a sentence a user can act on
     */
    public static long parseSize(String text) {
        Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size such as 512MB, 1GB or 2GiB");
        }
        double unit = switch (m.group(2)) {
            case "b" -> 1;
            case "kb" -> 1e3;
            case "mb" -> 1e6;
            case "gb" -> 1e9;
            case "tb" -> 1e12;
            case "kib" -> 1024.0;
            case "mib" -> 1024.0 * 1024;
            case "gib" -> 1024.0 * 1024 * 1024;
            default -> 1024.0 * 1024 * 1024 * 1024;
        };
        double bytes = Double.parseDouble(m.group(1)) * unit;
        if (bytes > Long.MAX_VALUE / SPILL_FACTOR) {
            throw new IllegalArgumentException("'" + text + "' is larger than any machine's memory");
        }
        return (long) bytes;
    }

    /** Formats a duration as the option takes it, e.g. {@code 5m}, {@code 2s}, {@code 1500ms}. */
    public static String durationText(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }

    /** Formats a size in the largest unit that keeps it whole, e.g. {@code 64MB}, {@code 1GiB}. */
    public static String sizeText(long bytes) {
        String[][] units = {{"TiB", "1099511627776"}, {"TB", "1000000000000"}, {"GiB", "1073741824"}, {"GB", "1000000000"},
            {"MiB", "1048576"}, {"MB", "1000000"}, {"KiB", "1024"}, {"KB", "1000"}};
        for (String[] u : units) {
            long size = Long.parseLong(u[1]);
            if (bytes >= size && bytes % size == 0) {
                return bytes / size + u[0];
            }
        }
        return bytes + "B";
    }

    private static IllegalArgumentException badDuration(String text) {
        return new IllegalArgumentException("'" + text + "' is not a duration such as 30s, 5m, 1h30m or 0 (no limit)");
    }
}
