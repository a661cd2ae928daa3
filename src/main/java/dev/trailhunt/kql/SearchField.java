package dev.trailhunt.kql;

import java.util.Objects;

/**
 * Describes how Elasticsearch searches one field, and which store column holds its values.
 *
 * @param name the field name a query writes, e.g. {@code user_agent.original.text}
 * @param column the store column that holds the values, e.g. {@code user_agent.original}
 * @param type how the field's mapping searches a value
 * @param ignoreAbove the longest string a keyword field indexes (longer ones are invisible to queries), 0 for no limit
 * @param multiValued whether the column holds a list of values, any of which may match
 */
public record SearchField(String name, String column, SearchType type, int ignoreAbove, boolean multiValued) {

    /** Validates the components. */
    public SearchField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(type, "type");
    }

    /** Names the ways an Elasticsearch mapping searches values. */
    public enum SearchType {
        /** keyword and constant_keyword: exact, case-sensitive terms and wildcards. */
        KEYWORD,
        /** text and match_only_text: analysed by the standard analyzer. */
        TEXT,
        /** boolean: {@code true} or {@code false}. */
        BOOLEAN,
        /** long, integer, double: numbers. */
        NUMBER,
        /** date: instants. */
        DATE,
        /** ip: an address or a CIDR block. */
        IP,
        /** Mapped with {@code index: false}: a query on it is an error. */
        NOT_INDEXED
    }
}
