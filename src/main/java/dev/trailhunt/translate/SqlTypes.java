package dev.trailhunt.translate;

import dev.trailhunt.model.ValueType;
import org.jooq.DataType;
import org.jooq.impl.SQLDataType;

/** Maps ES|QL types to the DuckDB types that hold them in trailhunt's store. */
final class SqlTypes {
    private SqlTypes() {}

    static DataType<?> of(ValueType type) {
        return switch (type) {
            case INTEGER -> SQLDataType.INTEGER;
            case LONG, UNSIGNED_LONG -> SQLDataType.BIGINT;
            case DOUBLE -> SQLDataType.DOUBLE;
            case BOOLEAN -> SQLDataType.BOOLEAN;
            case DATETIME, DATE_NANOS -> SQLDataType.LOCALDATETIME;
            default -> SQLDataType.VARCHAR;
        };
    }

    /** Returns the wider of two numeric types (integer, long, double), as ES|QL widens operands. */
    static ValueType widerNumeric(ValueType a, ValueType b) {
        if (a == ValueType.DOUBLE || b == ValueType.DOUBLE) {
            return ValueType.DOUBLE;
        }
        if (a == ValueType.LONG || b == ValueType.LONG) {
            return ValueType.LONG;
        }
        return ValueType.INTEGER;
    }

    static boolean isString(ValueType t) {
        return t == ValueType.KEYWORD || t == ValueType.TEXT;
    }

    static boolean isIntegral(ValueType t) {
        return t == ValueType.INTEGER || t == ValueType.LONG;
    }
}
