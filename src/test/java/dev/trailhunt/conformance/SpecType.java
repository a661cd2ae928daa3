package dev.trailhunt.conformance;

import dev.trailhunt.model.ValueType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Names a column type as csv-spec files write it ({@code CsvTestUtils.Type}) and converts cell text
 * into the canonical value the harness compares.
 *
 * <p>Canonical values: integers as {@link Long}, unsigned longs as {@link BigInteger}, floating point
 * as {@link Double} (after the field type's precision loss), strings as {@link String}, booleans as
 * {@link Boolean}, datetimes as {@link Instant} truncated to milliseconds, ips and versions as text.
 */
enum SpecType {
    INTEGER(ValueType.INTEGER),
    LONG(ValueType.LONG),
    UNSIGNED_LONG(ValueType.UNSIGNED_LONG),
    DOUBLE(ValueType.DOUBLE),
    FLOAT(null),
    HALF_FLOAT(null),
    SCALED_FLOAT(null),
    KEYWORD(ValueType.KEYWORD),
    TEXT(ValueType.TEXT),
    IP(ValueType.IP),
    VERSION(ValueType.VERSION),
    NULL(ValueType.NULL),
    DATETIME(ValueType.DATETIME),
    DATE_NANOS(ValueType.DATE_NANOS),
    BOOLEAN(ValueType.BOOLEAN),
    IP_RANGE(null),
    INTEGER_RANGE(null),
    DOUBLE_RANGE(null),
    DATE_RANGE(null),
    GEO_POINT(null),
    CARTESIAN_POINT(null),
    GEO_SHAPE(null),
    CARTESIAN_SHAPE(null);

    private static final Map<String, SpecType> LOOKUP = new HashMap<>();

    static {
        for (SpecType t : values()) {
            LOOKUP.put(t.name(), t);
        }
        // The aliases CsvTestUtils.Type accepts; there is deliberately no INT.
        LOOKUP.put("SHORT", INTEGER);
        LOOKUP.put("BYTE", INTEGER);
        LOOKUP.put("COUNTER_INTEGER", INTEGER);
        LOOKUP.put("COUNTER_LONG", LONG);
        LOOKUP.put("COUNTER_DOUBLE", DOUBLE);
        LOOKUP.put("COUNTER_FLOAT", FLOAT);
        LOOKUP.put("BOOL", BOOLEAN);
        LOOKUP.put("I", INTEGER);
        LOOKUP.put("L", LONG);
        LOOKUP.put("UL", UNSIGNED_LONG);
        LOOKUP.put("D", DOUBLE);
        LOOKUP.put("K", KEYWORD);
        LOOKUP.put("S", KEYWORD);
        LOOKUP.put("STRING", KEYWORD);
        LOOKUP.put("TXT", TEXT);
        LOOKUP.put("N", NULL);
        LOOKUP.put("DATE", DATETIME);
        LOOKUP.put("DT", DATETIME);
        LOOKUP.put("V", VERSION);
    }

    private static final BigInteger UNSIGNED_LONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final ValueType resultType;

    SpecType(ValueType resultType) {
        this.resultType = resultType;
    }

    /** Finds a type by any of its csv-spec spellings, case-insensitively. */
    static Optional<SpecType> named(String name) {
        return Optional.ofNullable(LOOKUP.get(name.trim().toUpperCase(Locale.ROOT)));
    }

    /**
     * Returns the ES|QL type a query result reports for this type, or empty for types the harness
     * cannot represent (spatial, ranges) and for storage-only types that ES|QL widens to double.
     */
    Optional<ValueType> resultType() {
        return Optional.ofNullable(resultType);
    }

    /** Returns the ES|QL type a dataset column of this type has when queried. */
    Optional<ValueType> fieldType() {
        return switch (this) {
            case FLOAT, HALF_FLOAT, SCALED_FLOAT -> Optional.of(ValueType.DOUBLE);
            default -> resultType();
        };
    }

    /** Tells whether a result column of type {@code actual} satisfies this expected type. */
    boolean accepts(ValueType actual) {
        // CsvAssert.assertMetadata: an integer column is accepted where long is expected.
        return actual == resultType || (this == LONG && actual == ValueType.INTEGER);
    }

    /** Converts one cell's text into the canonical value, as {@code CsvTestUtils.Type.convert} does. */
    Object convert(String text) {
        return switch (this) {
            case INTEGER -> (long) Integer.parseInt(text);
            case LONG -> Long.parseLong(text);
            case UNSIGNED_LONG -> unsignedLong(text);
            case DOUBLE -> Double.parseDouble(text);
            case FLOAT -> (double) Float.parseFloat(text);
            case HALF_FLOAT -> HalfFloat.round(Float.parseFloat(text));
            case SCALED_FLOAT -> scaledFloat(text);
            case KEYWORD, TEXT, VERSION -> text;
            case IP -> IpText.canonical(text);
            case NULL -> null;
            case DATETIME -> SpecTimes.parseMillis(text);
            case DATE_NANOS -> SpecTimes.parseNanos(text);
            case BOOLEAN -> strictBoolean(text);
            default -> throw new IllegalArgumentException("type " + esqlName() + " is not supported by the harness");
        };
    }

    /** Returns the lower-case name csv-spec headers use. */
    String esqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static Object unsignedLong(String text) {
        // Elasticsearch accepts decimal notation for unsigned longs and truncates it.
        BigInteger v = new BigDecimal(text).toBigInteger();
        if (v.signum() < 0 || v.compareTo(UNSIGNED_LONG_MAX) > 0) {
            throw new IllegalArgumentException("[" + text + "] out of [unsigned_long] range");
        }
        return v;
    }

    private static double scaledFloat(String text) {
        // Truncated to the scaling factor 100 as CsvTestUtils loads it, then divided: since the
        // fix_precision_of_scaled_float_fields capability (ES issue 122547) Elasticsearch divides instead
        // of multiplying by the inexact 0.01, so 2.03 reads back as 2.03 (string.csv-spec convertFromFloats).
        return new BigDecimal(text).multiply(BigDecimal.valueOf(100)).longValue() / 100d;
    }

    private static Boolean strictBoolean(String text) {
        // org.elasticsearch.core.Booleans.parseBoolean accepts exactly "true" and "false".
        if ("true".equals(text)) {
            return Boolean.TRUE;
        }
        if ("false".equals(text)) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("Failed to parse value [" + text + "] as only [true] or [false] are allowed.");
    }
}
