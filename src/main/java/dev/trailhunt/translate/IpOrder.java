package dev.trailhunt.translate;

import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Orders IP addresses as Elasticsearch does: by their 16-byte form, IPv4 mapped into IPv6.
 *
 * <p>The store holds IPs as text, so this builds a 32-digit hex key in SQL: an IPv4 address becomes
 * {@code ::ffff:a.b.c.d}, an IPv6 address has its {@code ::} expanded and every group padded.
 */
final class IpOrder {
    private static final String KEY = "CASE WHEN {0} IS NULL THEN NULL "
            + "WHEN strpos({0}, ':') = 0 THEN '00000000000000000000ffff' || "
            + "array_to_string(list_transform(string_split({0}, '.'), lambda o: lpad(lower(to_hex(CAST(o AS INTEGER))), 2, '0')), '') "
            + "ELSE array_to_string(list_transform(list_concat("
            + "CASE WHEN split_part({0}, '::', 1) = '' THEN [] ELSE string_split(split_part({0}, '::', 1), ':') END, "
            + "CASE WHEN strpos({0}, '::') = 0 THEN [] ELSE list_transform(range(9 - len(string_split({0}, ':')) "
            + "+ CASE WHEN starts_with({0}, '::') THEN 1 ELSE 0 END + CASE WHEN suffix({0}, '::') THEN 1 ELSE 0 END), lambda x: '0') END, "
            + "CASE WHEN strpos({0}, '::') = 0 THEN string_split({0}, ':') WHEN split_part({0}, '::', 2) = '' THEN [] "
            + "ELSE string_split(split_part({0}, '::', 2), ':') END), lambda h: lpad(lower(h), 4, '0')), '') END";

    private IpOrder() {}

    /** Returns the smallest or largest key of a LIST of IPs, which is how a multi-value sorts. */
    static Field<String> extremeKey(Field<?> ips, boolean largest) {
        return DSL.field((largest ? "list_max" : "list_min") + "(list_transform({0}, lambda \"__ip\": {1}))", SQLDataType.VARCHAR,
                ips, key(DSL.field(DSL.name("__ip"))));
    }

    /** Returns the sort key of an IP held as text. */
    static Field<String> key(Field<?> ip) {
        // Trino's IPADDRESS is that same 16-byte form and orders as Elasticsearch does.
        return DialectSql.either(String.class, KEY, "try_cast({0} AS IPADDRESS)", ip);
    }
}
