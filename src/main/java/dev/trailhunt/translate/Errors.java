package dev.trailhunt.translate;

import dev.trailhunt.esql.ast.Node;
import dev.trailhunt.esql.ast.Source;

/** Builds positioned translation errors from AST nodes. */
final class Errors {
    private Errors() {}

    static EsqlException unsupported(String what, Node at) {
        Source s = at.source();
        return EsqlException.unsupported(what, s.line(), s.column());
    }

    /** Reports a feature the query's dialect cannot render, naming the dialect. */
    static EsqlException unsupportedOn(Dialect dialect, String what, Node at) {
        Source s = at.source();
        return EsqlException.unsupportedOn(dialect, what, s.line(), s.column());
    }

    static EsqlException semantic(String message, Node at) {
        Source s = at.source();
        return EsqlException.semantic(message, s.line(), s.column());
    }
}
