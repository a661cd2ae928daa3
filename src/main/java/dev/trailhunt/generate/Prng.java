package dev.trailhunt.generate;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Produces a reproducible stream of pseudo-random values (SplitMix64).
 *
 * <p>The algorithm is written out here rather than taken from {@code java.util.Random} or
 * {@code SplittableRandom} so that the same seed gives the same corpus on every JDK, forever.
 */
final class Prng {
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private long state;

    Prng(long seed) {
        this.state = seed;
    }

    /** Derives an independent generator from a seed and a label, so that parts of a corpus do not share a stream. */
    static Prng derive(long seed, String label) {
        long h = 0xcbf29ce484222325L;
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return new Prng(mix(seed ^ mix(h)));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += 0x9e3779b97f4a7c15L;
        return mix(state);
    }

    /** Returns a value in [0, bound). */
    int nextInt(int bound) {
        return (int) Long.remainderUnsigned(nextLong(), bound);
    }

    /** Returns a value in [lo, hi], both inclusive. */
    int between(int lo, int hi) {
        return lo + nextInt(hi - lo + 1);
    }

    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Returns true with probability p. */
    boolean chance(double p) {
        return nextDouble() < p;
    }

    <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }

    String alnum(int n) {
        return draw(ALNUM, n);
    }

    String upperAlnum(int n) {
        return draw(UPPER_ALNUM, n);
    }

    String hex(int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = HEX[nextInt(16)];
        }
        return new String(c);
    }

    /** Returns a random (version 4) UUID in its canonical text form. */
    String uuid() {
        long hi = nextLong();
        long lo = nextLong();
        hi = (hi & ~0xf000L) | 0x4000L;
        lo = (lo & 0x3fffffffffffffffL) | 0x8000000000000000L;
        StringBuilder sb = new StringBuilder(36);
        appendHex(sb, hi >>> 32, 8).append('-');
        appendHex(sb, hi >>> 16, 4).append('-');
        appendHex(sb, hi, 4).append('-');
        appendHex(sb, lo >>> 48, 4).append('-');
        appendHex(sb, lo, 12);
        return sb.toString();
    }

    private static StringBuilder appendHex(StringBuilder sb, long v, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            sb.append(HEX[(int) ((v >>> (4 * i)) & 0xf)]);
        }
        return sb;
    }

    private String draw(String alphabet, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = alphabet.charAt(nextInt(alphabet.length()));
        }
        return new String(c);
    }
}
