package dev.trailhunt.translate;

import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Orders versions as Elasticsearch's version field does: numerically by main part, a pre-release
 * before its release, illegal versions after every legal one in byte order.
 *
 * <p>The key mirrors Elasticsearch's version encoding: every group of digits in the main part (and
 * every all-digit pre-release identifier) is preceded by byte 1 and a byte holding its length above
 * the ASCII range, so longer numbers sort higher; byte 2 precedes a pre-release and byte 3 ends a
 * release. Strings compare byte by byte in DuckDB, so the key orders as the encoded bytes do.
 */
final class VersionOrder {
    private static final String IDENT = "(0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)";
    private static final String LEGAL = "(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*(-" + IDENT + "(\\." + IDENT + ")*)?"
            + "(\\+[0-9a-zA-Z-]+(\\.[0-9a-zA-Z-]+)*)?";
    private static final String NUMBER = "chr(1) || chr(CAST(128 + length(%1$s) AS INTEGER)) || %1$s";
    private static final String KEY = "CASE WHEN {0} IS NULL THEN NULL "
            + "WHEN regexp_full_match({0}, '" + LEGAL + "') AND len(string_split(regexp_extract({0}, '^[0-9.]+'), '.')) <= 32 THEN "
            + "array_to_string(list_transform(regexp_extract_all(regexp_extract({0}, '^[0-9.]+'), '[0-9]+|[^0-9]+'), "
            + "lambda t: CASE WHEN regexp_full_match(t, '[0-9]+') THEN " + String.format(java.util.Locale.ROOT, NUMBER, "t") + " ELSE t END), '') "
            + "|| CASE WHEN regexp_extract({0}, '^[0-9.]+(-[^+]*)?', 1) = '' THEN chr(3) ELSE chr(2) || '-' || "
            + "array_to_string(list_transform(string_split(regexp_extract({0}, '^[0-9.]+-([^+]*)', 1), '.'), "
            + "lambda p: CASE WHEN regexp_full_match(p, '[0-9]+') THEN " + String.format(java.util.Locale.ROOT, NUMBER, "p") + " ELSE p END), '.') END "
            + "|| regexp_extract({0}, '\\+.*$') "
            + "WHEN {0} = '' THEN chr(3) ELSE {0} END";

    private VersionOrder() {}

    /** Returns the sort key of a version held as text. */
    static Field<String> key(Field<?> version) {
        return DSL.field(KEY, SQLDataType.VARCHAR, version);
    }
}
