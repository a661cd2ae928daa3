package dev.trailhunt.eql.ast;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Models a whole EQL query: a single-event query or a sequence.
 */
public sealed interface EqlQuery permits EqlQuery.Single, EqlQuery.Sequence {
    /** Returns the whole query text. */
    String text();

    /**
     * Holds {@code category where condition}.
     *
     * @param category the event category, or null for {@code any}
     * @param condition the condition after {@code where}
     * @param position where the query starts
     * @param text the whole query text, quoted by errors found after parsing
     */
    record Single(String category, EqlExpr condition, Position position, String text) implements EqlQuery {
        /** Validates the components. */
        public Single {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(position, "position");
        }
    }

    /**
     * Holds {@code sequence [by keys] [with maxspan=N] [step]… [until [step]]}.
     *
     * @param by the join keys shared by every step, in written order
     * @param maxspan the longest time from the first to the last event, or null for no limit
     * @param steps the steps in order, at least two
     * @param until the step that ends open sequences, or null
     * @param position where {@code sequence} is
     * @param text the whole query text, quoted by errors found after parsing
     */
    record Sequence(List<FieldName> by, Duration maxspan, List<Step> steps, Step until, Position position, String text)
            implements EqlQuery {
        /** Validates and copies the components. */
        public Sequence {
            by = List.copyOf(by);
            steps = List.copyOf(steps);
            Objects.requireNonNull(position, "position");
        }

        /** Returns the names of the sequence-wide join keys. */
        public List<String> byNames() {
            return by.stream().map(FieldName::name).toList();
        }

        /** Returns the join keys of {@code step}: the sequence's keys, then the step's own. */
        public List<FieldName> keysOf(Step step) {
            List<FieldName> keys = new java.util.ArrayList<>(by);
            keys.addAll(step.by());
            return List.copyOf(keys);
        }
    }
}
