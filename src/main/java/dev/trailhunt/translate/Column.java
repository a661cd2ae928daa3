package dev.trailhunt.translate;

import dev.trailhunt.engine.ValueType;

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
}
