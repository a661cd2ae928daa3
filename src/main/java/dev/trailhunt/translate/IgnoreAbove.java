package dev.trailhunt.translate;

import dev.trailhunt.model.EcsSchema;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Reads a source column as ES|QL sees it: a keyword value longer than the field's {@code ignore_above} is not
 * indexed by Elasticsearch, so ES|QL returns null for it (elastic/elasticsearch#124678); the store keeps it.
 */
final class IgnoreAbove {
    private IgnoreAbove() {}

    /** Returns the column reference, or a null-when-too-long expression for a field with an ignore_above. */
    static Field<?> read(String name, Dialect dialect) {
        Field<Object> column = Pipeline.ref(name);
        int limit = EcsSchema.ignoreAbove(name);
        if (limit == 0) {
            return column;
        }
        Field<String> text = DSL.field(DSL.name(name), SQLDataType.VARCHAR);
        // Java's String.length counts UTF-16 units: a code point above U+FFFF counts twice.
        // DuckDB's regexp_replace replaces all matches only with the 'g' option; Trino's always does, and takes no options.
        Field<String> astralOnly = dialect == Dialect.TRINO
                ? DSL.function("regexp_replace", SQLDataType.VARCHAR, text, DSL.inline("[^\\x{10000}-\\x{10FFFF}]"), DSL.inline(""))
                : DSL.function("regexp_replace", SQLDataType.VARCHAR, text, DSL.inline("[^\\x{10000}-\\x{10FFFF}]"), DSL.inline(""), DSL.inline("g"));
        Field<Integer> astral = DSL.length(astralOnly);
        if (dialect == Dialect.TRINO) {
            return DSL.when(DSL.length(text).plus(astral).gt(DSL.inline(limit)), DSL.inline((Object) null)).otherwise(column);
        }
        // A UTF-8 string has at least as many bytes as UTF-16 units, and DuckDB knows a string's byte count without reading it:
        // the regular expression runs only on the rare value with more bytes than the limit (1M events: 6.5 s -> 0.5 s).
        Field<Integer> bytes = DSL.function("strlen", SQLDataType.INTEGER, text);
        return DSL.when(bytes.le(DSL.inline(limit)), column)
                .when(DSL.length(text).plus(astral).gt(DSL.inline(limit)), DSL.inline((Object) null)).otherwise(column);
    }
}
