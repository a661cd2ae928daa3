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

    static EsqlException semantic(String message, Node at) {
        Source s = at.source();
        return EsqlException.semantic(message, s.line(), s.column());
    }
}
