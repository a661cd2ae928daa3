package dev.trailhunt.conformance;

import java.util.Arrays;
import java.util.Locale;

/**
 * Parses IPv4/IPv6 literals into Elasticsearch's 16-byte form and prints them as Elasticsearch's
 * {@code DocValueFormat.IP} does (dotted IPv4, also for IPv4-mapped addresses; RFC 5952 IPv6).
 *
 * <p>This is an independent oracle of {@link dev.trailhunt.model.IpLiteral}, not a copy: it shares
 * no code with it, parses by splitting groups where {@code IpLiteral} scans characters, and reads the
 * expected ip cells of Elasticsearch's csv-spec files (and orders them), so a mistake in
 * {@code IpLiteral}'s canonical text or order shows as a failed case instead of agreeing with itself.
 * It is deliberately more lenient about its input than {@code IpLiteral}, which validates hunt text:
 * it trims spaces and accepts IPv4 octets with leading zeros. {@code IpTextTest} pins its answers
 * from Elasticsearch's documented printing, not from {@code IpLiteral}'s.
 */
final class IpText {
    private IpText() {}

    /** Returns the canonical printed form of an address literal. */
    static String canonical(String text) {
        return print(bytes(text));
    }

    /** Parses an address literal to 16 bytes (IPv4 as IPv4-mapped IPv6); never resolves names. */
    static byte[] bytes(String text) {
        String s = text.trim();
        if (s.indexOf(':') < 0) {
            byte[] v4 = ipv4(s);
            if (v4 == null) {
                throw new IllegalArgumentException("'" + text + "' is not an IP string literal.");
            }
            byte[] out = new byte[16];
            out[10] = (byte) 0xff;
            out[11] = (byte) 0xff;
            System.arraycopy(v4, 0, out, 12, 4);
            return out;
        }
        byte[] v6 = ipv6(s);
        if (v6 == null) {
            throw new IllegalArgumentException("'" + text + "' is not an IP string literal.");
        }
        return v6;
    }

    /** Compares two addresses by their 16-byte form, unsigned, as Elasticsearch sorts ip values. */
    static int compare(String a, String b) {
        return Arrays.compareUnsigned(bytes(a), bytes(b));
    }

    /** Prints a 16-byte address. */
    static String print(byte[] b) {
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= b[i] == 0;
        }
        mapped &= (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        if (mapped) {
            return (b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "." + (b[15] & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        // The longest run of two or more zero groups (the first one on a tie) becomes "::".
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static byte[] ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    private static byte[] ipv6(String s) {
        String body = s;
        byte[] tail = null;
        int lastColon = body.lastIndexOf(':');
        if (body.indexOf('.', lastColon) >= 0) {
            tail = ipv4(body.substring(lastColon + 1));
            if (tail == null) {
                return null;
            }
            body = body.substring(0, lastColon + 1) + "0:0";
        }
        int gap = body.indexOf("::");
        if (gap >= 0 && body.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String[] head = gap < 0 ? body.split(":", -1) : splitGroups(body.substring(0, gap));
        String[] rest = gap < 0 ? new String[0] : splitGroups(body.substring(gap + 2));
        int total = head.length + rest.length;
        if (gap < 0 ? total != 8 : total > 7) {
            return null;
        }
        int[] groups = new int[8];
        for (int i = 0; i < head.length; i++) {
            Integer g = group(head[i]);
            if (g == null) {
                return null;
            }
            groups[i] = g;
        }
        for (int i = 0; i < rest.length; i++) {
            Integer g = group(rest[i]);
            if (g == null) {
                return null;
            }
            groups[8 - rest.length + i] = g;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[2 * i] = (byte) (groups[i] >> 8);
            out[2 * i + 1] = (byte) groups[i];
        }
        if (tail != null) {
            System.arraycopy(tail, 0, out, 12, 4);
        }
        return out;
    }

    private static String[] splitGroups(String s) {
        return s.isEmpty() ? new String[0] : s.split(":", -1);
    }

    private static Integer group(String g) {
        if (g.isEmpty() || g.length() > 4) {
            return null;
        }
        for (int i = 0; i < g.length(); i++) {
            if (Character.digit(g.charAt(i), 16) < 0) {
                return null;
            }
        }
        return Integer.parseInt(g, 16);
    }
}
