package dev.trailhunt.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Describes the Hive partitions of the ECS Parquet layout: always {@code dt} (the UTC day of
 * {@code @timestamp}, {@code YYYY-MM-DD}), optionally {@code account} ({@code cloud.account.id}) and
 * {@code region} ({@code cloud.region}), nested in that order: {@code dt=…/account=…/region=…/}.
 *
 * <p>An account or region partition holds the field's value only when it is a plain name
 * ({@link #isPlain}); every other value (null, empty, or text with characters a path would have to
 * escape) goes to the partition {@link #OTHER}. So a row whose field equals a plain literal always
 * lies in the partition of that literal, which is what lets a query's WHERE prune partitions exactly.
 *
 * @param columns the partition columns in folder order, {@code dt} first
 */
public record PartitionLayout(List<String> columns) {
    /** The day partition every layout has. */
    public static final String DAY = "dt";
    /** The partition of {@code cloud.account.id}. */
    public static final String ACCOUNT = "account";
    /** The partition of {@code cloud.region}. */
    public static final String REGION = "region";
    /** The partition of every value that is not a plain name. */
    public static final String OTHER = "_other";
    /** The layout of a day partition only, the default. */
    public static final PartitionLayout DAYS = new PartitionLayout(List.of(DAY));
    /** The layout of day, account and region partitions. */
    public static final PartitionLayout DAYS_ACCOUNTS_REGIONS = new PartitionLayout(List.of(DAY, ACCOUNT, REGION));

    private static final Map<String, String> FIELDS = Map.of(ACCOUNT, "cloud.account.id", REGION, "cloud.region");
    /** The values an account or region partition holds as themselves (in RE2 and Java syntax alike). */
    public static final String PLAIN_PATTERN = "[A-Za-z0-9][A-Za-z0-9-]{0,63}";
    private static final Pattern PLAIN = Pattern.compile(PLAIN_PATTERN);

    /** Keeps the columns in the one order the folders nest in. */
    public PartitionLayout {
        columns = List.copyOf(columns);
        if (columns.isEmpty() || !columns.get(0).equals(DAY)
                || !List.of(DAY, ACCOUNT, REGION).containsAll(columns) || columns.stream().distinct().count() != columns.size()) {
            throw new IllegalArgumentException("partitions must be dt, then optionally account and region");
        }
        List<String> ordered = new ArrayList<>();
        for (String c : List.of(DAY, ACCOUNT, REGION)) {
            if (columns.contains(c)) {
                ordered.add(c);
            }
        }
        columns = List.copyOf(ordered);
    }

    /**
     * Parses {@code --partition-by}: a comma-separated list of {@code dt}, {@code account}, {@code region}.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static PartitionLayout parse(String text) {
        List<String> names = new ArrayList<>();
        for (String s : text.split(",", -1)) {
            names.add(s.strip().toLowerCase(Locale.ROOT));
        }
        if (!names.contains(DAY)) {
            names.add(0, DAY);
        }
        try {
            return new PartitionLayout(names);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--partition-by takes dt, account and region, comma-separated (dt is always first), not '" + text + "'");
        }
    }

    /** Returns the layout whose partitions are those of {@code columns} (a table's column names). */
    public static PartitionLayout of(java.util.Collection<String> columns) {
        List<String> present = new ArrayList<>(List.of(DAY));
        for (String c : List.of(ACCOUNT, REGION)) {
            if (columns.contains(c)) {
                present.add(c);
            }
        }
        return new PartitionLayout(present);
    }

    /** Returns, for each account or region partition of this layout, the ECS field it partitions by, in folder order. */
    public Map<String, String> fieldPartitions() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String c : columns) {
            if (FIELDS.containsKey(c)) {
                m.put(FIELDS.get(c), c);
            }
        }
        return m;
    }

    /** Tells whether a value is stored as its own partition (else it is in {@link #OTHER}). */
    public static boolean isPlain(String value) {
        return value != null && PLAIN.matcher(value).matches();
    }

    /** Returns the text of the layout, e.g. {@code dt,account,region}. */
    public String text() {
        return String.join(",", columns);
    }
}
