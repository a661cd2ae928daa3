package dev.trailhunt.eql.ast;

/**
 * Handles each EQL expression type; use it instead of instanceof chains so a new expression cannot be forgotten.
 *
 * @param <R> the result type
 */
public interface EqlExprVisitor<R> {
    /** Visits a {@link FieldName}. */
    R visitFieldName(FieldName e);

    /** Visits a {@link Constant}. */
    R visitConstant(Constant e);

    /** Visits a {@link Logical}. */
    R visitLogical(Logical e);

    /** Visits a {@link Negation}. */
    R visitNegation(Negation e);

    /** Visits a {@link Comparison}. */
    R visitComparison(Comparison e);

    /** Visits a {@link InsensitiveEquals}. */
    R visitInsensitiveEquals(InsensitiveEquals e);

    /** Visits a {@link Lookup}. */
    R visitLookup(Lookup e);

    /** Visits a {@link PatternMatch}. */
    R visitPatternMatch(PatternMatch e);

    /** Visits a {@link Call}. */
    R visitCall(Call e);
}
