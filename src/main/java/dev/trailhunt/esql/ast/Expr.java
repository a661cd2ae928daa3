package dev.trailhunt.esql.ast;

/**
 * Models an ES|QL expression; the permitted records are every expression form the parser produces.
 */
public sealed interface Expr extends Node
        permits Literal, ListLiteral, TimeSpan, FieldRef, FunctionCall, Binary, Not,
                Neg, In, Like, RLike, IsNull, Cast, Match {

    /** Dispatches to the visitor method for this expression's type. */
    <R> R accept(ExprVisitor<R> visitor);
}
