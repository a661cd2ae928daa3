package dev.trailhunt.translate;

import static dev.trailhunt.translate.ArgKind.ANY;
import static dev.trailhunt.translate.ArgKind.CONSTANT_STRING;

import dev.trailhunt.esql.ast.BinaryOp;
import dev.trailhunt.model.ValueType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Declares the internal search functions that KQL and EQL lower into: Elasticsearch's term, wildcard, match,
 * match_phrase, analysed wildcard, range and exists queries, and keyword fields' ignore_above.
 *
 * <p>Their names start with {@code $}, which ES|QL's lexer never produces, so queries cannot call them. Each
 * predicate is two-valued (never SQL null, so a {@code NOT} around it keeps events that lack the field) and
 * matches a multi-valued field when any of its values matches, as a Lucene query on a multi-valued field does.
 */
final class SearchFunctions {
    /** The standard analyzer's tokens, approximated: letter/digit/underscore runs joined by {@code . : '}. */
    static final String TOKEN_RE = "[\\p{L}\\p{N}_]+(?:[.:'\u2019][\\p{L}\\p{N}_]+)*";
    private static final Pattern TOKEN = Pattern.compile(TOKEN_RE);

    /** Names the prefilter that tests a column's stored value for a substring (see {@link #storedContains}). */
    static final String STORED_CONTAINS = "$stored_contains";

    private SearchFunctions() {}

    static void register(FunctionRegistry.Builder r) {
        // $term(field, value [, case_insensitive]): a term query; value is a constant string, number or boolean.
        r.scalar("$term").args(ANY, ANY).optional(ANY).returns(ValueType.BOOLEAN).duckdb(SearchFunctions::term).trinoAsDuckdb();
        // $wildcard(field, pattern [, case_insensitive]): a wildcard query; * any run, ? one character, \ escapes.
        r.scalar("$wildcard").args(ANY, CONSTANT_STRING).optional(ANY).returns(ValueType.BOOLEAN).duckdb(SearchFunctions::wildcard).trinoAsDuckdb();
        // $match(field, text, phrase): a match (any token) or match_phrase (consecutive tokens) query on analysed text.
        r.scalar("$match").args(ANY, CONSTANT_STRING, ANY).returns(ValueType.BOOLEAN).duckdb(SearchFunctions::match).trinoAsDuckdb();
        // $token_wildcard(field, pattern): an analysed wildcard (query_string's analyze_wildcard) on one token.
        r.scalar("$token_wildcard").args(ANY, CONSTANT_STRING).returns(ValueType.BOOLEAN).duckdb(SearchFunctions::tokenWildcard).trinoAsDuckdb();
        // $range(field, op, bound): a range query with one bound; op is "<", "<=", ">" or ">=".
        r.scalar("$range").args(ANY, CONSTANT_STRING, ANY).returns(ValueType.BOOLEAN).duckdb(SearchFunctions::range).trinoAsDuckdb();
        // $exists(field): an exists query.
        r.scalar("$exists").args(ANY).returns(ValueType.BOOLEAN).duckdb(SearchFunctions::exists).trinoAsDuckdb();
        // $indexed(field, ignore_above): the values a keyword field indexes; longer strings are not indexed.
        r.scalar("$indexed").args(ANY, ANY).returns(ResultType.FIRST_ARGUMENT).duckdb(SearchFunctions::indexed).trinoAsDuckdb();
        // $stored_contains(field, text): the field's value as stored (ignore_above aside) holds text; no Trino rendering.
        r.scalar(STORED_CONTAINS).args(ANY, CONSTANT_STRING).returns(ValueType.BOOLEAN).duckdb(SearchFunctions::storedContains);
    }

    /**
     * Renders a term query: exact equality by the field's type; on strings case-sensitive unless the third
     * argument is true; on an ip field a value with {@code /} is a CIDR block.
     */
    private static Typed term(Call c) {
        Typed field = requireField(c);
        boolean insensitive = flag(c, 2);
        Object value = constant(c, 1);
        if (field.isNullConstant() || field.type() == ValueType.NULL) {
            return Typed.bool(DSL.falseCondition());
        }
        ValueType type = field.type();
        if (SqlTypes.isString(type)) {
            String s = value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
            if (field.multiValued() && !insensitive) {
                // list_contains is one vectorised call, where a lambda over each value is not.
                return Typed.bool(DSL.condition("coalesce({0}, false)",
                        DialectSql.either(Boolean.class, "list_contains({0}, {1})", "contains({0}, {1})", field.field(), DSL.inline(s))));
            }
            return anyValue(field, v -> insensitive
                    ? DSL.condition("lower({0}) = {1}", v.field(), DSL.inline(s.toLowerCase(Locale.ROOT)))
                    : v.obj().eq(DSL.inline(s)));
        }
        if (type == ValueType.IP && value instanceof String s && s.indexOf('/') >= 0) {
            if (s.indexOf(':') < 0) {
                return anyValue(field, v -> asCondition(c.delegate("cidr_match", List.of(v, Typed.literal(s, ValueType.KEYWORD)))));
            }
            // An IPv6 block is a range of 16-byte keys, as Elasticsearch's ip field stores addresses.
            if (c.session().trino()) {
                // Trino's IPADDRESS does not compare with the hex keys; no rendering rather than a failing query.
                throw Errors.unsupportedOn(Dialect.TRINO, "a term query on an IPv6 CIDR block", c.node());
            }
            String[] bounds = ipBlockKeys(s, c);
            return anyValue(field, v -> IpOrder.key(v.field()).between(DSL.inline(bounds[0]), DSL.inline(bounds[1])));
        }
        Typed literal = value instanceof Boolean b ? Typed.literal(b, ValueType.BOOLEAN)
                : value instanceof Long || value instanceof Integer ? Typed.literal(((Number) value).longValue(), ValueType.LONG)
                : value instanceof Double d ? Typed.literal(d, ValueType.DOUBLE)
                : Typed.literal(value, ValueType.KEYWORD);
        if (type.isNumeric() && literal.type() == ValueType.KEYWORD) {
            literal = number((String) value, c);
        }
        Typed l = literal;
        return anyValue(field, v -> Comparisons.compare(BinaryOp.EQ, v, l, c.node()));
    }

    private static Typed number(String s, Call c) {
        try {
            return Typed.literal(Long.parseLong(s.trim()), ValueType.LONG);
        } catch (NumberFormatException e) {
            try {
                return Typed.literal(Double.parseDouble(s.trim()), ValueType.DOUBLE);
            } catch (NumberFormatException e2) {
                throw c.semantic("For input string: \"" + s + "\" on a numeric field");
            }
        }
    }

    /** Renders a wildcard query: the whole value must match the pattern, case-sensitive unless asked otherwise. */
    private static Typed wildcard(Call c) {
        Typed field = requireField(c);
        boolean insensitive = flag(c, 2);
        String pattern = c.constantString(1);
        if (field.isNullConstant() || field.type() == ValueType.NULL) {
            return Typed.bool(DSL.falseCondition());
        }
        if (!SqlTypes.isString(field.type())) {
            throw c.semantic("Can only use wildcard queries on keyword and text fields - not on [" + field.type().esqlName() + "]");
        }
        String like = LikePattern.toSqlLike(insensitive ? pattern.toLowerCase(Locale.ROOT) : pattern);
        return anyValue(field, v -> {
            Field<Object> value = insensitive ? DSL.function("lower", Object.class, v.field()) : v.obj();
            return value.like(DSL.inline(like)).escape('\\');
        });
    }

    /**
     * Renders a match query on analysed text: the value and the query become lower-cased tokens ({@link #TOKEN_RE});
     * without phrase any query token must occur, with phrase all of them consecutively within one value.
     * A query without tokens matches nothing, as Elasticsearch's zero_terms_query none.
     */
    private static Typed match(Call c) {
        Typed field = requireField(c);
        boolean phrase = flag(c, 2);
        List<String> tokens = tokens(c.constantString(1));
        if (field.isNullConstant() || field.type() == ValueType.NULL || tokens.isEmpty()) {
            return Typed.bool(DSL.falseCondition());
        }
        if (!SqlTypes.isString(field.type())) {
            throw c.semantic("match queries need a text field, found [" + field.type().esqlName() + "]");
        }
        Field<?> query = DialectSql.listOf(tokens.stream().map(DSL::inline).toArray(Field<?>[]::new));
        return anyValue(field, v -> {
            Field<?> valueTokens = DSL.field("regexp_extract_all(lower({0}), {1})", Object.class, v.field(), DSL.inline(TOKEN_RE));
            if (!phrase) {
                return DSL.condition(DialectSql.either(Boolean.class, "list_has_any({0}, {1})", "arrays_overlap({0}, {1})", valueTokens, query));
            }
            // Tokens hold no space, so consecutive tokens are a space-delimited substring of the joined list.
            return DSL.condition(DialectSql.either(Boolean.class, "contains(' ' || array_to_string({0}, ' ') || ' ', {1})",
                    "strpos(' ' || array_join({0}, ' ') || ' ', {1}) > 0", valueTokens, DSL.inline(" " + String.join(" ", tokens) + " ")));
        });
    }

    /**
     * Renders a wildcard on analysed text: the pattern, lower-cased, must match one whole token of a value; the
     * caller ensures it holds only token characters and wildcards, so the analyzer would not split it.
     */
    private static Typed tokenWildcard(Call c) {
        Typed field = requireField(c);
        String like = LikePattern.toSqlLike(c.constantString(1).toLowerCase(Locale.ROOT));
        if (field.isNullConstant() || field.type() == ValueType.NULL) {
            return Typed.bool(DSL.falseCondition());
        }
        if (!SqlTypes.isString(field.type())) {
            throw c.semantic("analysed wildcards need a text field, found [" + field.type().esqlName() + "]");
        }
        String m = "\"" + HiddenNames.MATCH + "\"";
        return anyValue(field, v -> DSL.condition(DialectSql.either(Boolean.class,
                "len(list_filter(regexp_extract_all(lower({0}), {1}), lambda " + m + ": " + m + " like {2} escape '\\')) > 0",
                "any_match(regexp_extract_all(lower({0}), {1}), " + m + " -> " + m + " like {2} escape '\\')",
                v.field(), DSL.inline(TOKEN_RE), DSL.inline(like))));
    }

    /** Splits text into the lower-cased tokens {@link #match} compares. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /**
     * Renders a substring test on a string column's stored value, the FROM stage's hidden copy that no ignore_above turns
     * null: a prefilter the rules put before a costlier test it is implied by. A plain {@code contains} on a source column,
     * it is one of the filters DuckDB evaluates inside its table scan, so the scan reads the other columns (above all the
     * compressed {@code event.original}) only for the rows it keeps. False for a null value.
     */
    private static Typed storedContains(Call c) {
        if (!(c.node().args().get(0) instanceof dev.trailhunt.esql.ast.FieldRef field)) {
            throw c.semantic("the first argument of [" + c.text() + "] must be a field");
        }
        String text = c.constantString(1);
        Field<Object> stored = DSL.field(DSL.name(HiddenNames.stored(field.name())));
        // DuckDB orders a scan's filters by a cost heuristic (each COALESCE counts 1000): the outer one, a no-op, ranks the
        // substring test after the rule's equality tests and two-value ORs, which are cheaper than scanning the text
        // (EC2 NACL Entry Created or Replaced Allowing All Traffic, 1M store: 0.10 -> 0.02 CPU-s).
        return Typed.bool(DSL.condition("coalesce(coalesce(contains({0}, {1}), false), false)", stored, DSL.inline(text)));
    }

    /** Renders a range query: some value compares with the constant bound as the operator says, by the field's type. */
    private static Typed range(Call c) {
        Typed field = requireField(c);
        Object bound = constant(c, 2);
        BinaryOp op = switch (c.constantString(1)) {
            case "<" -> BinaryOp.LT;
            case "<=" -> BinaryOp.LTE;
            case ">" -> BinaryOp.GT;
            case ">=" -> BinaryOp.GTE;
            default -> throw c.semantic("the operator of [" + c.text() + "] must be one of < <= > >=");
        };
        if (field.isNullConstant() || field.type() == ValueType.NULL) {
            return Typed.bool(DSL.falseCondition());
        }
        Typed b = c.raw(2);
        if (field.type().isNumeric() && bound instanceof String s) {
            b = number(s, c);
        }
        if (field.type() == ValueType.IP && c.session().trino()) {
            throw Errors.unsupportedOn(Dialect.TRINO, "a range query on an ip field", c.node());
        }
        if (field.type() == ValueType.IP) {
            // Addresses order by their 16-byte form (IPv4 mapped into IPv6), as Elasticsearch's ip field does.
            byte[] bytes = dev.trailhunt.model.IpLiteral.docValueBytes(String.valueOf(bound));
            if (bytes == null) {
                throw c.semantic("'" + bound + "' is not an IP string literal");
            }
            String key = hex(bytes);
            return anyValue(field, v -> {
                Field<String> k = IpOrder.key(v.field());
                return switch (op) {
                    case LT -> k.lt(key);
                    case LTE -> k.le(key);
                    case GT -> k.gt(key);
                    default -> k.ge(key);
                };
            });
        }
        Typed limit = b;
        return anyValue(field, v -> Comparisons.compare(op, v, limit, c.node()));
    }

    /** Renders an exists query: the field holds at least one value. */
    private static Typed exists(Call c) {
        Typed field = requireField(c);
        if (field.isNullConstant() || field.type() == ValueType.NULL) {
            return Typed.bool(DSL.falseCondition());
        }
        if (field.multiValued()) {
            return Typed.bool(DSL.condition("coalesce({0} > 0, false)", DialectSql.len(field.field())));
        }
        return Typed.bool(field.field().isNotNull());
    }

    /** Keeps the string values no longer than the limit, as a keyword field with ignore_above indexes them. */
    private static Typed indexed(Call c) {
        Typed field = requireField(c);
        Object limit = constant(c, 1);
        if (!(limit instanceof Integer) && !(limit instanceof Long)) {
            throw c.semantic("the second argument of [" + c.text() + "] must be a constant integer");
        }
        if (field.isNullConstant() || field.type() == ValueType.NULL || !SqlTypes.isString(field.type())) {
            return field;
        }
        Field<?> max = DSL.inline(((Number) limit).longValue());
        if (field.multiValued()) {
            String v = "\"" + HiddenNames.VALUE + "\"";
            return Typed.list(DialectSql.either(Object.class, "list_filter({0}, lambda " + v + ": length(" + v + ") <= {1})",
                    "filter({0}, " + v + " -> length(" + v + ") <= {1})", field.field(), max), field.type());
        }
        return Typed.of(DSL.field("CASE WHEN length({0}) <= {1} THEN {0} END", SqlTypes.of(field.type()), field.field(), max), field.type());
    }

    /** Applies a predicate to one value, or to each value of a LIST; the result is true when any value matches, never null. */
    private static Typed anyValue(Typed field, Function<Typed, Condition> predicate) {
        if (!field.multiValued()) {
            return Typed.bool(DSL.condition("coalesce({0}, false)", DSL.field(predicate.apply(field))));
        }
        Typed v = Typed.of(DSL.field(DSL.name(HiddenNames.VALUE), SqlTypes.of(field.type())), field.type());
        String name = "\"" + HiddenNames.VALUE + "\"";
        return Typed.bool(DSL.condition("coalesce({0}, false)", DialectSql.either(Boolean.class,
                "len(list_filter({0}, lambda " + name + ": {1})) > 0", "any_match({0}, " + name + " -> {1})",
                field.field(), DSL.field(predicate.apply(v)))));
    }

    /** Returns the first and last 16-byte keys, as {@link IpOrder#key} spells them, of a CIDR block. */
    private static String[] ipBlockKeys(String block, Call c) {
        int slash = block.indexOf('/');
        byte[] address = dev.trailhunt.model.IpLiteral.docValueBytes(block.substring(0, slash));
        String prefixText = block.substring(slash + 1);
        boolean v4 = block.indexOf(':') < 0;
        if (address == null || !prefixText.matches("\\d{1,3}") || Integer.parseInt(prefixText) > (v4 ? 32 : 128)) {
            throw c.semantic("invalid CIDR block [" + block + "]");
        }
        int prefix = Integer.parseInt(prefixText) + (v4 ? 96 : 0);
        byte[] lo = address.clone();
        byte[] hi = address.clone();
        for (int bit = prefix; bit < 128; bit++) {
            int i = bit / 8;
            int mask = 0x80 >>> (bit % 8);
            lo[i] = (byte) (lo[i] & ~mask);
            hi[i] = (byte) (hi[i] | mask);
        }
        return new String[] {hex(lo), hex(hi)};
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(32);
        for (byte b : bytes) {
            sb.append(String.format(Locale.ROOT, "%02x", b & 0xff));
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static Condition asCondition(Typed t) {
        return DSL.condition((Field<Boolean>) t.field());
    }

    private static Typed requireField(Call c) {
        Typed t = c.raw(0);
        if (t.isSpan()) {
            throw c.semantic("the first argument of [" + c.text() + "] must be a field, found a time span");
        }
        return t;
    }

    private static Object constant(Call c, int i) {
        Typed t = c.raw(i);
        if (!t.constant() || t.isSpan() || t.value() == null) {
            throw c.semantic("argument " + (i + 1) + " of [" + c.text() + "] must be a constant");
        }
        return t.value();
    }

    private static boolean flag(Call c, int i) {
        if (c.size() <= i) {
            return false;
        }
        if (!(c.raw(i).value() instanceof Boolean b)) {
            throw c.semantic("argument " + (i + 1) + " of [" + c.text() + "] must be true or false");
        }
        return b;
    }
}
