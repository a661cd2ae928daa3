package dev.trailhunt.translate;

import static dev.trailhunt.translate.ArgKind.ANY;

import dev.trailhunt.model.ValueType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Declares ES|QL's IP functions: CIDR_MATCH for IPv4 blocks, with integer arithmetic on the dotted address text.
 *
 * <p>The store keeps IPs as text and DuckDB's inet extension is not built in, so the address is
 * turned into a 32-bit number in SQL and compared with each block's range, computed here. An IPv6
 * address never falls in an IPv4 block (its number is -1); IPv6 blocks are reported as unsupported.
 */
final class IpFunctions {
    private static final Pattern BLOCK = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
    private static final String IPV4_RE = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}";

    private IpFunctions() {}

    static void register(FunctionRegistry.Builder r) {
        r.scalar("cidr_match").args(ANY, ANY).rest(ANY).returns(ValueType.BOOLEAN).duckdb(IpFunctions::cidrMatch)
                .trino(IpFunctions::cidrMatch);
    }

    private static Typed cidrMatch(Call c) {
        Typed ip = ExpressionTranslator.single(c.raw(0));
        if (!ip.isNullConstant() && (ip.isSpan() || (ip.type() != ValueType.IP && !SqlTypes.isString(ip.type())))) {
            throw c.semantic("first argument of [" + c.text() + "] must be [ip], found [" + ip.typeName() + "]");
        }
        Field<?> number = c.session().trino() ? TrinoFunctions.ipv4Number(ip.field(), IPV4_RE) : DSL.field(
                "CASE WHEN {0} IS NULL THEN NULL WHEN regexp_full_match({0}, {1}) "
                + "THEN list_reduce(list_transform(string_split({0}, '.'), lambda o: CAST(o AS BIGINT)), lambda acc, o: acc * 256 + o) ELSE -1 END",
                SQLDataType.BIGINT, ip.field(), DSL.inline(IPV4_RE));
        @SuppressWarnings("unchecked")
        Field<Long> n = (Field<Long>) number;
        Condition any = null;
        for (Typed b : c.raw().subList(1, c.size())) {
            if (!b.isStringConstant()) {
                throw c.unsupported("CIDR_MATCH with a non-constant block");
            }
            long[] range = range((String) b.value(), c);
            Condition one = n.between(DSL.inline(range[0]), DSL.inline(range[1]));
            any = any == null ? one : any.or(one);
        }
        return Typed.bool(any);
    }

    /** Returns the first and last address of an IPv4 CIDR block as numbers. */
    private static long[] range(String block, Call c) {
        Matcher m = BLOCK.matcher(block);
        if (!m.matches()) {
            if (block.indexOf(':') >= 0) {
                throw c.unsupported("CIDR_MATCH with an IPv6 block");
            }
            throw c.semantic("invalid CIDR block [" + block + "]");
        }
        long addr = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                throw c.semantic("invalid CIDR block [" + block + "]");
            }
            addr = addr * 256 + octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix > 32) {
            throw c.semantic("invalid CIDR block [" + block + "]");
        }
        long size = 1L << (32 - prefix);
        long lo = addr & ~(size - 1);
        return new long[] {lo, lo + size - 1};
    }
}
