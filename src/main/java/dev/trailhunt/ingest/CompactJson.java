package dev.trailhunt.ingest;

/**
 * Tells whether a JSON value's bytes are exactly the text Jackson's compact rendering of its tree gives
 * ({@code JsonNode.toString()}): no whitespace between tokens, integers only (a fraction, an exponent or
 * {@code -0} is written back in another form), and no escape in a string that Jackson writes differently
 * ({@code \/}, {@code \u0041}; it writes {@code \" \\ \b \t \n \f \r} as they are).
 *
 * <p>The bytes must be one value a strict parser accepted, in well-formed UTF-8 (which round-trips
 * through a Java string unchanged); duplicate keys are the caller's concern.
 */
final class CompactJson {
    private CompactJson() {
    }

    /** How a byte outside strings is treated: part of a compact token, or a reason to render the tree again. */
    private static final byte REJECT = 0;
    private static final byte PLAIN = 1;
    private static final byte DIGIT = 2;
    private static final byte QUOTE = 3;
    private static final byte E = 4;
    private static final byte MINUS = 5;
    private static final byte[] OUTSIDE = new byte[256];

    static {
        for (char c : "{}[]:,truefalsn".toCharArray()) {
            OUTSIDE[c] = PLAIN;
        }
        for (char c = '0'; c <= '9'; c++) {
            OUTSIDE[c] = DIGIT;
        }
        OUTSIDE['"'] = QUOTE;
        OUTSIDE['e'] = E;
        OUTSIDE['-'] = MINUS;
    }

    /** Tells whether {@code json} is already in Jackson's compact form. */
    static boolean isCompact(byte[] json) {
        int n = json.length;
        boolean afterDigit = false;
        int i = 0;
        while (i < n) {
            switch (OUTSIDE[json[i++] & 0xff]) {
                case PLAIN -> afterDigit = false;
                case DIGIT -> afterDigit = true;
                case E -> {
                    // In true and false an e follows a letter; after a digit it starts an exponent.
                    if (afterDigit) {
                        return false;
                    }
                }
                case MINUS -> {
                    // -0 (and -0.5, -0e1) come back without the sign or in another form.
                    if (i < n && json[i] == '0') {
                        return false;
                    }
                }
                case QUOTE -> {
                    afterDigit = false;
                    i = endOfString(json, i);
                    if (i < 0) {
                        return false;
                    }
                }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }

    /** Returns the index after the string whose contents start at {@code i}, or -1 when an escape differs from Jackson's. */
    private static int endOfString(byte[] json, int i) {
        int n = json.length;
        while (i < n) {
            byte b = json[i++];
            if (b == '"') {
                return i;
            }
            if (b == '\\') {
                int e = i < n ? json[i++] : 0;
                if (e != '"' && e != '\\' && e != 'b' && e != 't' && e != 'n' && e != 'f' && e != 'r') {
                    return -1;
                }
            }
        }
        return -1;
    }
}
