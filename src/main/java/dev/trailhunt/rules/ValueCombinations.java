package dev.trailhunt.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Makes the cartesian product of multi-valued fields' values, one value per field, as Elasticsearch's terms and composite
 * aggregations and EQL's join keys do; the callers differ only in what a missing field does and share the bound on the product.
 */
final class ValueCombinations {
    /** Bounds the combinations one event makes, past which a rule is {@code unsupported} rather than slow. */
    static final int MAX = 1024;

    /** Says what a field without values does to the combinations. */
    enum Missing {
        /** The event makes no combination (a terms aggregation skips a document that lacks the field). */
        NONE,
        /** The event makes one combination, all nulls (EQL: a missing join key keeps the event out of every sequence). */
        ALL_NULL,
        /** The missing field contributes a null in its place (a composite aggregation's {@code missing_bucket}). */
        NULL_VALUE
    }

    /** Reports that one event makes more than {@link #MAX} combinations. */
    static final class TooMany extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long count;

        TooMany(long count) {
            super(count + " value combinations in one event (more than " + MAX + ")", null, false, false);
            this.count = count;
        }

        /** Returns how many combinations the event would make. */
        long count() {
            return count;
        }
    }

    private ValueCombinations() {}

    /**
     * Returns every combination of one distinct value per field, in field order and each field's value order.
     *
     * @throws TooMany when the product exceeds {@link #MAX}
     */
    static List<List<String>> of(List<List<String>> fields, Missing missing) {
        long product = 1;
        for (List<String> values : fields) {
            if (values.isEmpty()) {
                if (missing == Missing.NONE) {
                    return List.of();
                }
                if (missing == Missing.ALL_NULL) {
                    List<String> nulls = new ArrayList<>();
                    fields.forEach(f -> nulls.add(null));
                    return List.of(nulls);
                }
            } else {
                product *= new LinkedHashSet<>(values).size();
                if (product > MAX) {
                    throw new TooMany(fullProduct(fields));
                }
            }
        }
        List<List<String>> out = new ArrayList<>();
        out.add(new ArrayList<>());
        for (List<String> values : fields) {
            List<String> distinct = values.isEmpty() ? java.util.Collections.singletonList(null) : new ArrayList<>(new LinkedHashSet<>(values));
            List<List<String>> next = new ArrayList<>(out.size() * distinct.size());
            for (List<String> prefix : out) {
                for (String v : distinct) {
                    List<String> c = new ArrayList<>(prefix);
                    c.add(v);
                    next.add(c);
                }
            }
            out = next;
        }
        return out;
    }

    private static long fullProduct(List<List<String>> fields) {
        long p = 1;
        for (List<String> values : fields) {
            p = Math.multiplyHigh(p, Math.max(1, new LinkedHashSet<>(values).size())) != 0 ? Long.MAX_VALUE
                    : p * Math.max(1, new LinkedHashSet<>(values).size());
        }
        return p;
    }
}
