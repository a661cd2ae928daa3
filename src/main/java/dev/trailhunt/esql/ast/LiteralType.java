package dev.trailhunt.esql.ast;

import java.math.BigInteger;

/**
 * Lists the ES|QL types a constant can have, each with the Java class that carries its value.
 */
public enum LiteralType {
    /** The {@code null} constant, whose value is Java null. */
    NULL(null),
    /** {@code true} or {@code false}, carried as {@link Boolean}. */
    BOOLEAN(Boolean.class),
    /** An integer literal that fits 32 bits, carried as {@link Integer}. */
    INTEGER(Integer.class),
    /** An integer literal that fits 64 bits but not 32, carried as {@link Long}. */
    LONG(Long.class),
    /** An integer literal above {@code Long.MAX_VALUE} that fits 64 unsigned bits, carried as {@link BigInteger}. */
    UNSIGNED_LONG(BigInteger.class),
    /** A decimal or exponent literal, or an integer too large for unsigned long, carried as {@link Double}. */
    DOUBLE(Double.class),
    /** A string literal, carried as {@link String}. */
    KEYWORD(String.class);

    private final Class<?> valueClass;

    LiteralType(Class<?> valueClass) {
        this.valueClass = valueClass;
    }

    /** Tells whether a Java value is a valid value of this type. */
    public boolean accepts(Object value) {
        return valueClass == null ? value == null : valueClass.isInstance(value);
    }
}
