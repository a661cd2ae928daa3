package dev.trailhunt.translate;

import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.model.ValueType;

/**
 * Describes one column of a pipe stage: its ES|QL name, type and whether the SQL value is a LIST.
 *
 * @param name the column name (also its quoted SQL name)
 * @param type the ES|QL type
 * @param multiValued whether the SQL value is a LIST
 * @param constant the string every row holds, when ROW or EVAL set it from a constant; null otherwise
 */
record Column(String name, ValueType type, boolean multiValued, String constant) {
    /** Describes a column whose value varies by row. */
    Column(String name, ValueType type, boolean multiValued) {
        this(name, type, multiValued, null);
    }

    /** Describes the column a command computes from a translated expression; a time span cannot be one. */
    static Column of(String name, Typed t, Expr at) {
        if (t.isSpan()) {
            throw Errors.unsupported("a time span as a column value", at);
        }
        // A string constant stays known, so functions wanting a constant pattern can read it from the column.
        return new Column(name, t.type(), t.multiValued(), t.isStringConstant() ? (String) t.value() : null);
    }
}
