package dev.trailhunt.esql.ast;

/**
 * Marks every AST element, each of which knows where it came from in the query text.
 */
public interface Node {

    /** Returns the place of this node in the query text. */
    Source source();
}
