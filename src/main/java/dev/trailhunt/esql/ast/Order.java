package dev.trailhunt.esql.ast;

import java.util.Objects;

/**
 * Describes one SORT key with its direction and null placement as written.
 *
 * @param expr the sort expression
 * @param direction the direction as written, {@link Direction#DEFAULT} when omitted
 * @param nulls the null placement as written, {@link Nulls#DEFAULT} when omitted
 * @param source the text of the key including its modifiers
 */
public record Order(Expr expr, Direction direction, Nulls nulls, Source source) implements Node {

    /** Lists the sort directions ES|QL accepts; DEFAULT means none was written (ascending). */
    public enum Direction { ASC, DESC, DEFAULT }

    /** Lists the null placements ES|QL accepts; DEFAULT means none was written. */
    public enum Nulls { FIRST, LAST, DEFAULT }

    /** Validates the components. */
    public Order {
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(nulls, "nulls");
        Objects.requireNonNull(source, "source");
    }

    /** Tells whether the key sorts descending (the default direction is ascending). */
    public boolean descending() {
        return direction == Direction.DESC;
    }

    /** Tells whether nulls come first, applying Elasticsearch's default: first for DESC, last for ASC. */
    public boolean nullsFirst() {
        return switch (nulls) {
            case FIRST -> true;
            case LAST -> false;
            case DEFAULT -> descending();
        };
    }
}
