package dev.trailhunt.eql.ast;

/**
 * Models an EQL condition or value; the permitted records are every form the parser produces.
 */
public sealed interface EqlExpr
        permits FieldName, Constant, Logical, Negation, Comparison, InsensitiveEquals, Lookup, PatternMatch, Call {
    /** Returns where the expression starts in the query text. */
    Position position();

    /** Dispatches to the visitor method for this expression's type. */
    <R> R accept(EqlExprVisitor<R> visitor);
}
