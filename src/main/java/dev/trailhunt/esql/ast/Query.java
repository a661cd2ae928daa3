package dev.trailhunt.esql.ast;

import java.util.List;

/**
 * Holds a whole ES|QL query: a source command followed by processing commands, in pipe order.
 *
 * @param commands the commands in the order written (never empty for a parsed query)
 * @param source the whole query text
 * @param settings the {@code SET} settings written before the query, in order
 */
public record Query(List<Command> commands, Source source, List<Setting> settings) implements Node {

    /** Copies the lists so the query stays immutable. */
    public Query {
        commands = List.copyOf(commands);
        settings = List.copyOf(settings);
    }

    /** Creates a query without settings. */
    public Query(List<Command> commands, Source source) {
        this(commands, source, List.of());
    }
}
