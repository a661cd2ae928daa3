package dev.trailhunt.translate;

import java.util.List;

/**
 * Declares the arguments of one form of a function: the kinds of the required ones, of the optional
 * ones after them, and of any number more at the end.
 *
 * @param required the kinds of the arguments every call has
 * @param optional the kinds of the arguments a call may add after them, in order
 * @param rest the kind of any further arguments, or null when there are none
 */
record Signature(List<ArgKind> required, List<ArgKind> optional, ArgKind rest) {
    Signature {
        required = List.copyOf(required);
        optional = List.copyOf(optional);
    }

    /** Returns the fewest arguments this form takes. */
    int min() {
        return required.size();
    }

    /** Returns the most arguments this form takes, {@link Integer#MAX_VALUE} with a rest. */
    int max() {
        return rest != null ? Integer.MAX_VALUE : required.size() + optional.size();
    }

    boolean accepts(int count) {
        return count >= min() && count <= max();
    }

    /** Returns the kind of argument {@code i}, which {@link #accepts} must allow. */
    ArgKind kind(int i) {
        if (i < required.size()) {
            return required.get(i);
        }
        int o = i - required.size();
        return o < optional.size() ? optional.get(o) : rest;
    }
}
