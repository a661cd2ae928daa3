package dev.trailhunt.esql.ast;

/**
 * Models one pipe stage of a query; the permitted records are the whole command language trailhunt knows.
 */
public sealed interface Command extends Node
        permits From, Row, Where, Eval, Stats, Sort, Limit, Keep, Drop, Rename, Dissect, Grok, MvExpand,
                UnsupportedCommand {

    /** Dispatches to the visitor method for this command's type. */
    <R> R accept(CommandVisitor<R> visitor);
}
