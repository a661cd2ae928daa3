package dev.trailhunt.esql.ast;

import java.util.Objects;

/**
 * Describes one STATS aggregate column with its optional per-aggregate filter: {@code c = COUNT(*) WHERE x > 1}.
 *
 * @param alias the named aggregate expression
 * @param filter the {@code WHERE} condition restricting the rows this aggregate sees, or null when absent
 * @param source the text of the aggregate including its filter
 */
public record Aggregate(Alias alias, Expr filter, Source source) implements Node {

    /** Validates the components. */
    public Aggregate {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(source, "source");
    }
}
