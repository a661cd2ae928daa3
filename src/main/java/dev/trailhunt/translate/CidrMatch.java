package dev.trailhunt.translate;

import dev.trailhunt.engine.ValueType;
import dev.trailhunt.esql.ast.FunctionCall;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Translates CIDR_MATCH for IPv4 blocks with integer arithmetic on the dotted address text.
 *
 * <p>The store keeps IPs as text and DuckDB's inet extension is not built in, so the address is
 * turned into a 32-bit number in SQL and compared with each block's range, computed here. An IPv6
 * address never falls in an IPv4 block (its number is -1); IPv6 blocks are reported as unsupported.
 */
final class CidrMatch {
    private static final Pattern BLOCK = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
    private static final String IPV4_RE = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}";

    private CidrMatch() {}

    static Typed translate(FunctionCall call, Typed ip, List<Typed> blocks) {
        if (!ip.isNullConstant() && ip.type() != ValueType.IP && !SqlTypes.isString(ip.type() == null ? ValueType.NULL : ip.type())) {
            throw Errors.semantic("first argument of [" + call.source().text() + "] must be [ip], found [" + ExpressionTranslator.typeName(ip) + "]", call);
        }
        Field<?> number = DSL.field(
                "CASE WHEN {0} IS NULL THEN NULL WHEN regexp_full_match({0}, {1}) "
                + "THEN list_reduce(list_transform(string_split({0}, '.'), lambda o: CAST(o AS BIGINT)), lambda acc, o: acc * 256 + o) ELSE -1 END",
                SQLDataType.BIGINT, ip.field(), DSL.inline(IPV4_RE));
        @SuppressWarnings("unchecked")
        Field<Long> n = (Field<Long>) number;
        Condition any = null;
        for (Typed b : blocks) {
            if (!b.isStringConstant()) {
                throw Errors.unsupported("CIDR_MATCH with a non-constant block", call);
            }
            String block = (String) b.value();
            Matcher m = BLOCK.matcher(block);
            if (!m.matches()) {
                if (block.indexOf(':') >= 0) {
                    throw Errors.unsupported("CIDR_MATCH with an IPv6 block", call);
                }
                throw Errors.semantic("invalid CIDR block [" + block + "]", call);
            }
            long addr = 0;
            for (int i = 1; i <= 4; i++) {
                int octet = Integer.parseInt(m.group(i));
                if (octet > 255) {
                    throw Errors.semantic("invalid CIDR block [" + block + "]", call);
                }
                addr = addr * 256 + octet;
            }
            int prefix = Integer.parseInt(m.group(5));
            if (prefix > 32) {
                throw Errors.semantic("invalid CIDR block [" + block + "]", call);
            }
            long size = 1L << (32 - prefix);
            long lo = addr & ~(size - 1);
            Condition c = n.between(DSL.inline(lo), DSL.inline(lo + size - 1));
            any = any == null ? c : any.or(c);
        }
        return Typed.bool(any);
    }
}
