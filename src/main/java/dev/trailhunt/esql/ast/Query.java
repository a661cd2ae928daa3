package dev.trailhunt.esql.ast;

import java.util.List;

/**
 * Holds a whole ES|QL query: a source command followed by processing commands, in pipe order.
 *
 * @param commands the commands in the order written (never empty for a parsed query)
 * @param source the whole query text
 */
public record Query(List<Command> commands, Source source) implements Node {

    /** Copies the command list so the query stays immutable. */
    public Query {
        commands = List.copyOf(commands);
    }
}
