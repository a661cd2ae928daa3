package dev.trailhunt.conformance;

import java.time.Instant;
import java.util.Comparator;

/**
 * Orders canonical values of one type as Elasticsearch sorts them: numbers numerically, strings by
 * code point (UTF-8 byte order), false before true, instants by time, ips by their 16-byte form.
 */
final class ValueOrder {
    private ValueOrder() {}

    /** Returns the comparator for non-null canonical values of {@code type}. */
    static Comparator<Object> of(SpecType type) {
        return (a, b) -> compare(type, a, b);
    }

    /** Compares two non-null canonical values; values of different classes compare by their text. */
    static int compare(SpecType type, Object a, Object b) {
        if (type == SpecType.IP && a instanceof String x && b instanceof String y) {
            try {
                return IpText.compare(x, y);
            } catch (IllegalArgumentException notAnAddress) {
                return codePoints(x, y);
            }
        }
        if (a instanceof String x && b instanceof String y) {
            return codePoints(x, y);
        }
        if (a instanceof Long x && b instanceof Long y) {
            return x.compareTo(y);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return x.compareTo(y);
        }
        if (a instanceof Instant x && b instanceof Instant y) {
            return x.compareTo(y);
        }
        if (a instanceof java.math.BigInteger x && b instanceof java.math.BigInteger y) {
            return x.compareTo(y);
        }
        return codePoints(String.valueOf(a), String.valueOf(b));
    }

    private static int codePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
