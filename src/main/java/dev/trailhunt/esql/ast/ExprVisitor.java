package dev.trailhunt.esql.ast;

/**
 * Handles each expression type; use it instead of instanceof chains so a new expression cannot be forgotten.
 *
 * @param <R> the result type
 */
public interface ExprVisitor<R> {

    /** Visits a {@link Literal} expression. */
    R visitLiteral(Literal expr);

    /** Visits a {@link ListLiteral} expression. */
    R visitListLiteral(ListLiteral expr);

    /** Visits a {@link TimeSpan} expression. */
    R visitTimeSpan(TimeSpan expr);

    /** Visits a {@link FieldRef} expression. */
    R visitFieldRef(FieldRef expr);

    /** Visits a {@link FunctionCall} expression. */
    R visitFunctionCall(FunctionCall expr);

    /** Visits a {@link Binary} expression. */
    R visitBinary(Binary expr);

    /** Visits a {@link Not} expression. */
    R visitNot(Not expr);

    /** Visits a {@link Neg} expression. */
    R visitNeg(Neg expr);

    /** Visits a {@link In} expression. */
    R visitIn(In expr);

    /** Visits a {@link Like} expression. */
    R visitLike(Like expr);

    /** Visits a {@link RLike} expression. */
    R visitRLike(RLike expr);

    /** Visits a {@link IsNull} expression. */
    R visitIsNull(IsNull expr);

    /** Visits a {@link Cast} expression. */
    R visitCast(Cast expr);

    /** Visits a {@link Match} expression. */
    R visitMatch(Match expr);
}
