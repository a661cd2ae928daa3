package dev.trailhunt.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * Recognises literal IPv4/IPv6 addresses the way Elasticsearch's {@code InetAddresses.isInetAddress} does
 * (no DNS, no scope ids, no leading-zero octets) and renders them as ES|QL prints an {@code ip} value.
 *
 * <p>This is the one place that knows the store's text form of ip values: ingest writes it, the
 * translator converts string literals to it and the hunt runner orders result rows by it.
 */
public final class IpLiteral {

    /** Orders canonical address strings as Elasticsearch's ip doc values are ordered (by 16-byte form). */
    public static final Comparator<String> DOC_VALUE_ORDER = (a, b) -> {
        byte[] x = docValueBytes(a);
        byte[] y = docValueBytes(b);
        return Arrays.compareUnsigned(x == null ? new byte[16] : x, y == null ? new byte[16] : y);
    };

    private IpLiteral() {
    }

    /** Returns the canonical text of {@code s} when it is a literal IP address, else null. */
    public static String canonical(String s) {
        byte[] b = parse(s);
        if (b == null) {
            return null;
        }
        if (b.length == 16 && isMappedV4(b)) {
            b = Arrays.copyOfRange(b, 12, 16);
        }
        return b.length == 4 ? v4Text(b, 0) : v6Text(b);
    }

    /** Parses a literal address into 4 or 16 bytes, or returns null when {@code s} is not one. */
    private static byte[] parse(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        boolean colon = false;
        boolean dot = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                dot = true;
            } else if (c == ':') {
                if (dot) {
                    return null;
                }
                colon = true;
            } else if (Character.digit(c, 16) == -1) {
                return null;
            }
        }
        if (colon) {
            return v6(s, dot);
        }
        return dot ? v4(s) : null;
    }

    private static byte[] v4(String s) {
        byte[] out = new byte[4];
        int part = 0;
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '.') {
                if (part == 4) {
                    return null;
                }
                int octet = octet(s, start, i);
                if (octet < 0) {
                    return null;
                }
                out[part++] = (byte) octet;
                start = i + 1;
            }
        }
        return part == 4 ? out : null;
    }

    private static int octet(String s, int from, int to) {
        int len = to - from;
        if (len == 0 || len > 3 || (len > 1 && s.charAt(from) == '0')) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v > 255 ? -1 : v;
    }

    private static byte[] v6(String s, boolean dottedTail) {
        String text = s;
        if (dottedTail) {
            int lastColon = s.lastIndexOf(':');
            byte[] tail = v4(s.substring(lastColon + 1));
            if (tail == null) {
                return null;
            }
            text = s.substring(0, lastColon + 1)
                    + Integer.toHexString(((tail[0] & 0xff) << 8) | (tail[1] & 0xff)) + ':'
                    + Integer.toHexString(((tail[2] & 0xff) << 8) | (tail[3] & 0xff));
        }
        String[] parts = text.split(":", 10);
        if (parts.length < 3 || parts.length > 9) {
            return null;
        }
        int skip = -1;
        for (int i = 1; i < parts.length - 1; i++) {
            if (parts[i].isEmpty()) {
                if (skip >= 0) {
                    return null;
                }
                skip = i;
            }
        }
        int head;
        int tail;
        if (skip >= 0) {
            head = skip;
            tail = parts.length - skip - 1;
            if (parts[0].isEmpty() && --head != 0) {
                return null;
            }
            if (parts[parts.length - 1].isEmpty() && --tail != 0) {
                return null;
            }
        } else {
            head = parts.length;
            tail = 0;
            if (parts[0].isEmpty() || parts[parts.length - 1].isEmpty()) {
                return null;
            }
        }
        int skipped = 8 - (head + tail);
        if (skip >= 0 ? skipped < 1 : skipped != 0) {
            return null;
        }
        byte[] out = new byte[16];
        int at = 0;
        for (int i = 0; i < head; i++) {
            int h = hextet(parts[i]);
            if (h < 0) {
                return null;
            }
            out[at++] = (byte) (h >> 8);
            out[at++] = (byte) h;
        }
        at += 2 * skipped;
        for (int i = tail; i > 0; i--) {
            int h = hextet(parts[parts.length - i]);
            if (h < 0) {
                return null;
            }
            out[at++] = (byte) (h >> 8);
            out[at++] = (byte) h;
        }
        return out;
    }

    private static int hextet(String p) {
        if (p.isEmpty() || p.length() > 4) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < p.length(); i++) {
            int d = Character.digit(p.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = (v << 4) | d;
        }
        return v;
    }

    private static boolean isMappedV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    private static String v4Text(byte[] b, int from) {
        return (b[from] & 0xff) + "." + (b[from + 1] & 0xff) + "." + (b[from + 2] & 0xff) + "." + (b[from + 3] & 0xff);
    }

    /** Renders RFC 5952 text: lower case, longest run (≥2) of zero hextets compressed, first run on ties. */
    private static String v6Text(byte[] b) {
        int[] h = new int[8];
        for (int i = 0; i < 8; i++) {
            h[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (h[i] == 0) {
                int j = i;
                while (j < 8 && h[j] == 0) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestLen < 2) {
            bestStart = -1;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(h[i]));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the 16-byte form Elasticsearch sorts ip values by (an IPv4 address mapped into IPv6), or
     * null when {@code s} is not a literal address.
     */
    public static byte[] docValueBytes(String s) {
        byte[] b = parse(s);
        if (b == null || b.length == 16) {
            return b;
        }
        byte[] out = new byte[16];
        out[10] = (byte) 0xff;
        out[11] = (byte) 0xff;
        System.arraycopy(b, 0, out, 12, 4);
        return out;
    }
}
