package dev.trailhunt.kql;

/**
 * Visits each form of {@link KqlNode}; the compiler points at every walk when a form is added.
 *
 * @param <R> what the walk returns
 */
public interface KqlVisitor<R> {
    /** Visits {@code a or b}. */
    R visitOr(KqlNode.Or n);

    /** Visits {@code a and b}. */
    R visitAnd(KqlNode.And n);

    /** Visits {@code not a}. */
    R visitNot(KqlNode.Not n);

    /** Visits {@code f:value}. */
    R visitFieldMatch(KqlNode.FieldMatch n);

    /** Visits {@code f < v} and the other ranges. */
    R visitRange(KqlNode.Range n);

    /** Visits {@code path:{…}}. */
    R visitNested(KqlNode.Nested n);

    /** Visits a value. */
    R visitValue(KqlNode.Value n);
}
