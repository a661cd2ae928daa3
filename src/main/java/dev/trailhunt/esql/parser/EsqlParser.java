package dev.trailhunt.esql.parser;

import dev.trailhunt.esql.ast.Query;

/**
 * Parses ES|QL text into a {@link Query}; the only exception it throws is {@link EsqlSyntaxException}.
 */
public final class EsqlParser {

    private EsqlParser() {
    }

    /**
     * Parses a whole ES|QL query.
     *
     * @param text the query text
     * @return the parsed query
     * @throws EsqlSyntaxException when the text is not a valid query, positioned at the offending token
     */
    public static Query parse(String text) {
        if (text == null) {
            throw new EsqlSyntaxException(1, 1, "empty query: expected a source command (FROM or ROW)", "");
        }
        TokenCursor cursor = new TokenCursor(text);
        try {
            return new CommandParser(text, cursor).parseQuery();
        } catch (StackOverflowError e) {
            // The depth limit normally prevents this; a small thread stack can still overflow first.
            throw cursor.error(cursor.peek().start(), "query too deeply nested");
        }
    }
}
