package dev.trailhunt.conformance;

/** Rounds a float to IEEE 754 half precision, as Elasticsearch's {@code half_float} field stores it. */
final class HalfFloat {
    private static final double MAX_HALF = 65504d;
    private static final int MIN_NORMAL_EXPONENT = -14;
    private static final int SIGNIFICAND_BITS = 10;

    private HalfFloat() {}

    /** Returns the nearest half-precision value (ties to even), widened to double. */
    static double round(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            return value;
        }
        double abs = Math.abs((double) value);
        // Below the smallest normal half the spacing stays that of the subnormals, 2^-24.
        int exponent = abs == 0 ? MIN_NORMAL_EXPONENT : Math.max(Math.getExponent(abs), MIN_NORMAL_EXPONENT);
        double ulp = Math.scalb(1d, exponent - SIGNIFICAND_BITS);
        double rounded = Math.rint(abs / ulp) * ulp;
        if (rounded > MAX_HALF) {
            rounded = Double.POSITIVE_INFINITY;
        }
        return Math.copySign(rounded, value);
    }
}
