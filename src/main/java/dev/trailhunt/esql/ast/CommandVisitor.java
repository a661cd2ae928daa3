package dev.trailhunt.esql.ast;

/**
 * Handles each command type; use it instead of instanceof chains so a new command cannot be forgotten.
 *
 * @param <R> the result type
 */
public interface CommandVisitor<R> {

    /** Visits a {@link From} command. */
    R visitFrom(From command);

    /** Visits a {@link Row} command. */
    R visitRow(Row command);

    /** Visits a {@link Where} command. */
    R visitWhere(Where command);

    /** Visits a {@link Eval} command. */
    R visitEval(Eval command);

    /** Visits a {@link Stats} command. */
    R visitStats(Stats command);

    /** Visits a {@link Sort} command. */
    R visitSort(Sort command);

    /** Visits a {@link Limit} command. */
    R visitLimit(Limit command);

    /** Visits a {@link Keep} command. */
    R visitKeep(Keep command);

    /** Visits a {@link Drop} command. */
    R visitDrop(Drop command);

    /** Visits a {@link Rename} command. */
    R visitRename(Rename command);

    /** Visits a {@link Dissect} command. */
    R visitDissect(Dissect command);

    /** Visits a {@link Grok} command. */
    R visitGrok(Grok command);

    /** Visits a {@link MvExpand} command. */
    R visitMvExpand(MvExpand command);

    /** Visits a {@link UnsupportedCommand} command. */
    R visitUnsupportedCommand(UnsupportedCommand command);
}
