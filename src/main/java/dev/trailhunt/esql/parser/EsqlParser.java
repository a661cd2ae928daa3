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
        throw new EsqlSyntaxException(1, 1, "the ES|QL parser is not implemented yet", "");
    }
}
