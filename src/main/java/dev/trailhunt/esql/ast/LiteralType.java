package dev.trailhunt.esql.ast;

import java.math.BigInteger;

/**
 * Lists the ES|QL types a constant can have, each with the Java class that carries its value.
 */
public enum LiteralType {
    /** The {@code null} constant, whose value is Java null. */
    NULL(null, Category.NULL),
    /** {@code true} or {@code false}, carried as {@link Boolean}. */
    BOOLEAN(Boolean.class, Category.BOOLEAN),
    /** An integer literal that fits 32 bits, carried as {@link Integer}. */
    INTEGER(Integer.class, Category.NUMERIC),
    /** An integer literal that fits 64 bits but not 32, carried as {@link Long}. */
    LONG(Long.class, Category.NUMERIC),
    /** An integer literal above {@code Long.MAX_VALUE} that fits 64 unsigned bits, carried as {@link BigInteger}. */
    UNSIGNED_LONG(BigInteger.class, Category.NUMERIC),
    /** A decimal or exponent literal, or an integer too large for unsigned long, carried as {@link Double}. */
    DOUBLE(Double.class, Category.NUMERIC),
    /** A string literal, carried as {@link String}. */
    KEYWORD(String.class, Category.STRING);

    /** Groups the types the way ES|QL list literals do: a list holds numbers, booleans or strings. */
    public enum Category { NULL, BOOLEAN, NUMERIC, STRING }

    private final Class<?> valueClass;
    private final Category category;

    LiteralType(Class<?> valueClass, Category category) {
        this.valueClass = valueClass;
        this.category = category;
    }

    /** Returns the group this type belongs to. */
    public Category category() {
        return category;
    }

    /** Tells whether a Java value is a valid value of this type. */
    public boolean accepts(Object value) {
        return valueClass == null ? value == null : valueClass.isInstance(value);
    }
}
