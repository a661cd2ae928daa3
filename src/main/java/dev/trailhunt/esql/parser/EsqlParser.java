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
        if (text.length() > QueryLimits.MAX_LENGTH) {
            // Reported at the start: the excerpt of a line far longer than a terminal would be useless.
            String first = text.lines().findFirst().orElse("");
            throw new EsqlSyntaxException(1, 1, "query too large: more than " + QueryLimits.MAX_LENGTH + " characters",
                    first.length() > 120 ? first.substring(0, 120) + "…" : first);
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
