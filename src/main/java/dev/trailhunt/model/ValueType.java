package dev.trailhunt.model;

import java.util.Locale;

/** Names the ES|QL data type of a result column, as Elasticsearch reports it. */
public enum ValueType {
    KEYWORD, TEXT, INTEGER, LONG, UNSIGNED_LONG, DOUBLE, BOOLEAN, DATETIME, DATE_NANOS, IP, VERSION, GEO_POINT, NULL, UNSUPPORTED;

    /** Returns the lower-case name ES|QL prints, e.g. {@code keyword}. */
    public String esqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Tells whether values of this type are numbers. */
    public boolean isNumeric() {
        return this == INTEGER || this == LONG || this == UNSIGNED_LONG || this == DOUBLE;
    }
}
