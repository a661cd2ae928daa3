package dev.trailhunt.eql;

import dev.trailhunt.eql.ast.EqlQuery;

/**
 * Offers the EQL front-end: parse a query, then lower its conditions into ES|QL expressions the translator renders.
 */
public final class Eql {
    private Eql() {}

    /** Parses EQL text; throws {@link EqlException} with line:column and a caret when it is invalid or unsupported. */
    public static EqlQuery parse(String text) {
        return EqlParser.parse(text);
    }
}
