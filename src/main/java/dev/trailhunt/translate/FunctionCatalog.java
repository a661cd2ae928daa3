package dev.trailhunt.translate;

import dev.trailhunt.engine.ValueType;
import dev.trailhunt.esql.ast.Cast;
import dev.trailhunt.esql.ast.FunctionCall;
import dev.trailhunt.esql.ast.Node;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.AggregateFunction;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Maps every supported ES|QL function to a DuckDB expression with Elasticsearch's semantics.
 *
 * <p>Function names come from this catalog, never from query text: an unknown name is reported as
 * {@code unsupported: NAME at line:col}. Scalar functions see multi-valued arguments as null unless
 * they hold one value, except the MV_* functions, which take the whole LIST.
 */
public final class FunctionCatalog {
    /** Translates one call of a scalar function from its translated arguments. */
    private interface Scalar {
        Typed apply(FunctionCall call, List<Typed> args);
    }

    private static final Set<String> AGGREGATES = Set.of("count", "count_distinct", "sum", "avg", "min", "max",
            "values", "median", "percentile", "std_dev", "median_absolute_deviation", "weighted_avg", "top");

    private final Map<String, Scalar> scalars = new HashMap<>();
    private final LocalDateTime now;

    /** Creates the catalog; {@code NOW()} returns {@code options.now()}. */
    public FunctionCatalog(TranslateOptions options) {
        this.now = LocalDateTime.ofInstant(options.now(), ZoneOffset.UTC);
        registerStrings();
        registerMoreStrings();
        registerConversions();
        registerDates();
        registerMath();
        registerConditionals();
        registerMultiValues();
        registerListBuilders();
        registerMultiValueMatches();
    }

    /** Lists the names of every supported function, scalar and aggregate, sorted. */
    public Set<String> names() {
        Set<String> all = new TreeSet<>(scalars.keySet());
        all.addAll(AGGREGATES);
        return all;
    }

    boolean has(String name) {
        return AGGREGATES.contains(name) || scalars.containsKey(name);
    }

    boolean isAggregate(String name) {
        return AGGREGATES.contains(name);
    }

    Typed scalar(FunctionCall call, List<Typed> args) {
        Scalar s = scalars.get(call.name());
        if (s == null) {
            throw Errors.unsupported(call.name().toUpperCase(Locale.ROOT), call);
        }
        return s.apply(call, args);
    }

    Typed cast(Cast c, Typed value) {
        String fn = switch (c.type()) {
            case "int", "integer" -> "to_integer";
            case "long" -> "to_long";
            case "double" -> "to_double";
            case "string", "keyword", "text" -> "to_string";
            case "datetime", "date" -> "to_datetime";
            case "boolean", "bool" -> "to_boolean";
            case "ip" -> "to_ip";
            default -> throw Errors.unsupported("cast to " + c.type(), c);
        };
        return scalars.get(fn).apply(new FunctionCall(fn, List.of(c.value()), false, c.source()), List.of(value));
    }

    // ---------------------------------------------------------------- aggregates

    /** Translates an aggregate over row-level arguments, restricted by {@code filter} when not null. */
    Typed aggregate(FunctionCall call, List<Typed> args, Condition filter) {
        String name = call.name();
        if (name.equals("count") && (call.star() || args.isEmpty())) {
            return Typed.of(filtered(DSL.count(), filter), ValueType.LONG);
        }
        if (name.equals("weighted_avg")) {
            arity(call, args, 2, 2);
            Typed x = args.get(0);
            Typed w = args.get(1);
            requireNumeric(call, x);
            requireNumeric(call, w);
            if (x.multiValued() || w.multiValued()) {
                throw Errors.unsupported("WEIGHTED_AVG of a multi-valued field", call);
            }
            Field<?> num;
            if (SqlTypes.isIntegral(x.type()) && SqlTypes.isIntegral(w.type())) {
                // Integral products and their sum are longs in Elasticsearch: an overflow makes the result null.
                Field<?> sum = filtered(DSL.aggregate("sum", Object.class, DSL.field("try({0} * {1})", Object.class, x.field(), w.field())), filter);
                num = DSL.field("CAST(try_cast({0} AS BIGINT) AS DOUBLE)", Object.class, sum);
            } else {
                num = filtered(DSL.aggregate("fsum", Object.class, DSL.field("CAST({0} AS DOUBLE) * {1}", Object.class, x.field(), w.field())), filter);
            }
            Field<?> den = filtered(DSL.aggregate("fsum", Object.class,
                    DSL.field("CASE WHEN {0} IS NOT NULL THEN CAST({1} AS DOUBLE) END", Object.class, x.field(), w.field())), filter);
            return Typed.of(DSL.field("({0} / nullif({1}, 0))", SQLDataType.DOUBLE, num, den), ValueType.DOUBLE);
        }
        if (name.equals("top")) {
            if (args.size() != 3) {
                throw Errors.unsupported("TOP with " + args.size() + " arguments", call);
            }
            Typed x = args.get(0);
            Typed n = args.get(1);
            Typed order = args.get(2);
            if (!n.constant() || !(n.value() instanceof Integer) || !order.isStringConstant()
                    || !List.of("asc", "desc").contains(((String) order.value()).toLowerCase(Locale.ROOT))) {
                throw Errors.unsupported("TOP with a non-constant limit or order", call);
            }
            if (x.type() == null || x.type() == ValueType.IP || x.type() == ValueType.VERSION || x.type() == ValueType.NULL) {
                throw Errors.unsupported("TOP of " + ExpressionTranslator.typeName(x), call);
            }
            boolean desc = ((String) order.value()).equalsIgnoreCase("desc");
            Field<?> all = filtered(DSL.aggregate("list", Object.class, x.field()), filter);
            String values = x.multiValued() ? "flatten({0})" : "{0}";
            String sorted = (desc ? "list_reverse_sort(" : "list_sort(") + values + ")";
            return Typed.list(DSL.field("list_slice(" + sorted + ", 1, {1})", Object.class, all, DSL.inline(n.value())), x.type());
        }
        int max = name.equals("percentile") || name.equals("count_distinct") ? 2 : 1;
        arity(call, args, 1, max);
        Typed x = args.get(0);
        if (x.type() == null) {
            throw Errors.semantic("[" + name + "] cannot aggregate a time span", call);
        }
        if (x.type() == ValueType.NULL && (name.equals("sum") || name.equals("min") || name.equals("max") || name.equals("values"))) {
            return Typed.literal(null, ValueType.NULL);
        }
        switch (name) {
            case "count": {
                if (x.isNullConstant()) {
                    return Typed.literal(0L, ValueType.LONG);
                }
                if (x.multiValued()) {
                    Field<?> sum = filtered(DSL.aggregate("sum", Object.class, fn("len", ValueType.LONG, x.field())), filter);
                    return Typed.of(DSL.field("CAST(coalesce({0}, 0) AS BIGINT)", SQLDataType.BIGINT, sum), ValueType.LONG);
                }
                return Typed.of(filtered(DSL.aggregate("count", Long.class, x.field()), filter), ValueType.LONG);
            }
            case "count_distinct": {
                if (x.multiValued()) {
                    Field<?> all = filtered(DSL.aggregate("list", Object.class, x.field()), filter);
                    return Typed.of(DSL.field("CAST(coalesce(len(list_distinct(flatten({0}))), 0) AS BIGINT)", SQLDataType.BIGINT, all), ValueType.LONG);
                }
                return Typed.of(filtered(DSL.aggregateDistinct("count", Long.class, x.field()), filter), ValueType.LONG);
            }
            case "sum": {
                requireNumeric(call, x);
                Field<?> v = x.multiValued() ? fn("list_sum", x.type(), x.field()) : x.field();
                Field<?> sum = filtered(DSL.aggregate("sum", Object.class, v), filter);
                if (x.type() == ValueType.DOUBLE) {
                    // Elasticsearch sums doubles with Kahan compensation; fsum does the same.
                    return Typed.of(filtered(DSL.aggregate("fsum", Double.class, v), filter), ValueType.DOUBLE);
                }
                // DuckDB sums integers into HUGEINT; ES|QL answers null when the long overflows.
                return Typed.of(DSL.field("try_cast({0} AS BIGINT)", SQLDataType.BIGINT, sum), ValueType.LONG);
            }
            case "avg": {
                requireNumeric(call, x);
                if (x.multiValued()) {
                    Field<?> s = filtered(DSL.aggregate("sum", Object.class, fn("list_sum", x.type(), x.field())), filter);
                    Field<?> n = filtered(DSL.aggregate("sum", Object.class, fn("len", ValueType.LONG, x.field())), filter);
                    return Typed.of(DSL.field("CAST({0} AS DOUBLE) / nullif({1}, 0)", SQLDataType.DOUBLE, s, n), ValueType.DOUBLE);
                }
                return Typed.of(DSL.cast(filtered(DSL.aggregate(x.type() == ValueType.DOUBLE ? "favg" : "avg", Object.class, x.field()), filter), SQLDataType.DOUBLE), ValueType.DOUBLE);
            }
            case "min":
            case "max": {
                Field<?> v = x.multiValued() ? fn("list_" + name, x.type(), x.field()) : x.field();
                if (x.type() == ValueType.VERSION || (x.type() == ValueType.IP && x.multiValued())) {
                    throw Errors.unsupported(name.toUpperCase(Locale.ROOT) + " of " + x.type().esqlName(), call);
                }
                if (x.type() == ValueType.IP) {
                    // IPs compare by address, not as text.
                    return Typed.of(filtered(DSL.aggregate("arg_" + name, String.class, x.field(), IpOrder.key(x.field())), filter), x.type());
                }
                return Typed.of(filtered(DSL.aggregate(name, SqlTypes.of(x.type()), v), filter), x.type());
            }
            case "values": {
                Field<?> all = filtered(DSL.aggregate("list", Object.class, x.field()), filter);
                String t = x.multiValued() ? "list_sort(list_distinct(flatten({0})))" : "list_sort(list_distinct({0}))";
                return Typed.list(DSL.field(t, Object.class, all), x.type());
            }
            case "median":
            case "percentile":
            case "std_dev":
            case "median_absolute_deviation": {
                requireNumeric(call, x);
                if (x.multiValued()) {
                    // Every value of every row takes part: gather them, then aggregate the flattened list.
                    Field<?> all = filtered(DSL.aggregate("list", Object.class, x.field()), filter);
                    String flat = "list_transform(flatten({0}), lambda v: CAST(v AS DOUBLE))";
                    Field<?> r = switch (name) {
                        case "median" -> DSL.field("list_aggregate(" + flat + ", 'quantile_cont', 0.5)", SQLDataType.DOUBLE, all);
                        case "std_dev" -> DSL.field("list_aggregate(" + flat + ", 'stddev_pop')", SQLDataType.DOUBLE, all);
                        case "median_absolute_deviation" -> DSL.field("list_aggregate(" + flat + ", 'mad')", SQLDataType.DOUBLE, all);
                        default -> throw Errors.unsupported("PERCENTILE of a multi-valued field", call);
                    };
                    return Typed.of(r, ValueType.DOUBLE);
                }
                Field<?> d = DSL.cast(x.field(), SQLDataType.DOUBLE);
                Field<?> agg = switch (name) {
                    case "median" -> filtered(DSL.aggregate("quantile_cont", Object.class, d, DSL.inline(0.5d)), filter);
                    case "percentile" -> {
                        arity(call, args, 2, 2);
                        Typed p = args.get(1);
                        if (!p.constant() || !(p.value() instanceof Number pn)) {
                            throw Errors.unsupported("PERCENTILE with a non-constant percentile", call);
                        }
                        double q = pn.doubleValue() / 100.0;
                        if (q < 0 || q > 1) {
                            throw Errors.semantic("percentile must be between 0 and 100", call);
                        }
                        yield filtered(DSL.aggregate("quantile_cont", Object.class, d, DSL.inline(q)), filter);
                    }
                    case "std_dev" -> filtered(DSL.aggregate("stddev_pop", Object.class, d), filter);
                    default -> filtered(DSL.aggregate("mad", Object.class, d), filter);
                };
                return Typed.of(DSL.cast(agg, SQLDataType.DOUBLE), ValueType.DOUBLE);
            }
            default:
                throw Errors.unsupported(name.toUpperCase(Locale.ROOT), call);
        }
    }

    private static Field<?> filtered(AggregateFunction<?> agg, Condition filter) {
        return filter == null ? agg : agg.filterWhere(filter);
    }

    // ---------------------------------------------------------------- helpers

    private static Field<?> fn(String name, ValueType type, Field<?>... args) {
        return DSL.function(name, SqlTypes.of(type), args);
    }

    private static Typed typed(String template, ValueType type, Field<?>... args) {
        return Typed.of(DSL.field(template, SqlTypes.of(type), (Object[]) args), type);
    }

    private static void arity(FunctionCall call, List<Typed> args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            String want = min == max ? String.valueOf(min) : min + ".." + (max == Integer.MAX_VALUE ? "n" : max);
            throw Errors.semantic("function [" + call.name() + "] takes " + want + " arguments, got " + args.size(), call);
        }
    }

    private static void requireNumeric(Node call, Typed t) {
        if (t.isNullConstant() || t.type() == ValueType.NULL) {
            return;
        }
        if (t.type() == null || !t.type().isNumeric()) {
            throw Errors.semantic("argument of [" + call.source().text() + "] must be numeric, found [" + ExpressionTranslator.typeName(t) + "]", call);
        }
    }

    private static Typed string(FunctionCall call, List<Typed> args, int i) {
        Typed t = args.get(i);
        if (!t.isNullConstant() && (t.type() == null || !(SqlTypes.isString(t.type()) || t.type() == ValueType.NULL || t.type() == ValueType.IP || t.type() == ValueType.VERSION))) {
            throw Errors.semantic("argument " + (i + 1) + " of [" + call.source().text() + "] must be [string], found [" + ExpressionTranslator.typeName(t) + "]", call);
        }
        return ExpressionTranslator.single(t);
    }

    private static Typed number(FunctionCall call, List<Typed> args, int i) {
        Typed t = args.get(i);
        if (t.isStringConstant() && ((String) t.value()).matches("-?\\d{1,9}")) {
            // ES|QL casts a string literal to the integer a numeric parameter expects.
            return Typed.literal(Integer.parseInt((String) t.value()), ValueType.INTEGER);
        }
        requireNumeric(call, t);
        return ExpressionTranslator.single(t);
    }

    private static Typed datetime(FunctionCall call, List<Typed> args, int i) {
        Typed t = args.get(i);
        if (t.isStringConstant()) {
            return Typed.literal(Comparisons.parseDatetime((String) t.value(), call), ValueType.DATETIME);
        }
        if (!t.isNullConstant() && t.type() != ValueType.NULL && t.type() != ValueType.DATETIME && t.type() != ValueType.DATE_NANOS) {
            throw Errors.semantic("argument " + (i + 1) + " of [" + call.source().text() + "] must be [datetime], found [" + ExpressionTranslator.typeName(t) + "]", call);
        }
        return ExpressionTranslator.single(t);
    }

    private static String constantString(FunctionCall call, List<Typed> args, int i) {
        Typed t = args.get(i);
        if (!t.isStringConstant()) {
            throw Errors.unsupported("non-constant argument " + (i + 1) + " of " + call.name().toUpperCase(Locale.ROOT), call);
        }
        return (String) t.value();
    }

    private void register(Scalar s, String... names) {
        for (String n : names) {
            scalars.put(n, s);
        }
    }

    // ---------------------------------------------------------------- strings

    private void registerStrings() {
        register((c, a) -> caseMap(c, a, "lower"), "to_lower");
        register((c, a) -> caseMap(c, a, "upper"), "to_upper");
        register((c, a) -> {
            arity(c, a, 1, 1);
            return Typed.of(DSL.cast(fn("length", ValueType.LONG, string(c, a, 0).field()), SQLDataType.INTEGER), ValueType.INTEGER);
        }, "length");
        register((c, a) -> {
            arity(c, a, 2, 2);
            return Typed.of(fn("starts_with", ValueType.BOOLEAN, string(c, a, 0).field(), string(c, a, 1).field()), ValueType.BOOLEAN);
        }, "starts_with");
        register((c, a) -> {
            arity(c, a, 2, 2);
            return Typed.of(fn("suffix", ValueType.BOOLEAN, string(c, a, 0).field(), string(c, a, 1).field()), ValueType.BOOLEAN);
        }, "ends_with");
        register((c, a) -> {
            arity(c, a, 2, 3);
            Field<?> s = string(c, a, 0).field();
            // ES|QL treats a start of 0 like 1; DuckDB would return an empty prefix.
            Field<?> start = DSL.field("CASE WHEN {0} = 0 THEN 1 ELSE {0} END", SQLDataType.BIGINT, number(c, a, 1).field());
            if (a.size() == 2) {
                return Typed.of(fn("substring", ValueType.KEYWORD, s, start), ValueType.KEYWORD);
            }
            return Typed.of(fn("substring", ValueType.KEYWORD, s, start, number(c, a, 2).field()), ValueType.KEYWORD);
        }, "substring");
        register((c, a) -> {
            arity(c, a, 2, Integer.MAX_VALUE);
            List<Field<?>> parts = new ArrayList<>();
            StringBuilder t = new StringBuilder("(");
            for (int i = 0; i < a.size(); i++) {
                parts.add(string(c, a, i).field());
                t.append(i == 0 ? "" : " || ").append('{').append(i).append('}');
            }
            // || rather than concat(): ES|QL's CONCAT is null when any argument is null.
            return typed(t.append(')').toString(), ValueType.KEYWORD, parts.toArray(Field<?>[]::new));
        }, "concat");
        register((c, a) -> trim(c, a, "^\\s+|\\s+$"), "trim");
        register((c, a) -> trim(c, a, "^\\s+"), "ltrim");
        register((c, a) -> trim(c, a, "\\s+$"), "rtrim");
        register((c, a) -> {
            arity(c, a, 2, 2);
            return Typed.of(fn("left", ValueType.KEYWORD, string(c, a, 0).field(), number(c, a, 1).field()), ValueType.KEYWORD);
        }, "left");
        register((c, a) -> {
            arity(c, a, 2, 2);
            return Typed.of(fn("right", ValueType.KEYWORD, string(c, a, 0).field(), number(c, a, 1).field()), ValueType.KEYWORD);
        }, "right");
        register((c, a) -> {
            arity(c, a, 2, 3);
            Field<?> s = string(c, a, 0).field();
            Field<?> sub = string(c, a, 1).field();
            if (a.size() == 2) {
                return Typed.of(DSL.cast(fn("strpos", ValueType.LONG, s, sub), SQLDataType.INTEGER), ValueType.INTEGER);
            }
            Field<?> start = DSL.field("greatest({0}, 1)", SQLDataType.BIGINT, number(c, a, 2).field());
            return typed("CAST(CASE WHEN strpos(substring({0}, {2}), {1}) = 0 THEN 0 ELSE strpos(substring({0}, {2}), {1}) + {2} - 1 END AS INTEGER)",
                    ValueType.INTEGER, s, sub, start);
        }, "locate");
        register((c, a) -> {
            arity(c, a, 2, 2);
            return Typed.list(fn("string_split", ValueType.KEYWORD, string(c, a, 0).field(), string(c, a, 1).field()), ValueType.KEYWORD);
        }, "split");
        register((c, a) -> {
            arity(c, a, 3, 3);
            String replacement = javaReplacement(constantString(c, a, 2), c);
            if (a.get(1).isStringConstant()) {
                try {
                    java.util.regex.Pattern.compile((String) a.get(1).value());
                } catch (java.util.regex.PatternSyntaxException e) {
                    // Elasticsearch answers null (with a warning) for a regex it cannot compile.
                    return Typed.literal(null, ValueType.KEYWORD);
                }
            }
            return Typed.of(fn("regexp_replace", ValueType.KEYWORD, string(c, a, 0).field(), string(c, a, 1).field(),
                    DSL.inline(replacement), DSL.inline("g")), ValueType.KEYWORD);
        }, "replace");
        register((c, a) -> {
            arity(c, a, 2, 2);
            // Elasticsearch answers null for a negative count or a result over 1 MB.
            return typed("CASE WHEN {1} < 0 OR length({0}) * {1} > 1048576 THEN NULL ELSE repeat({0}, {1}) END", ValueType.KEYWORD,
                    string(c, a, 0).field(), number(c, a, 1).field());
        }, "repeat");
        register((c, a) -> {
            arity(c, a, 1, 1);
            return Typed.of(fn("reverse", ValueType.KEYWORD, string(c, a, 0).field()), ValueType.KEYWORD);
        }, "reverse");
    }

    private void registerMoreStrings() {
        register((c, a) -> {
            arity(c, a, 2, 2);
            return Typed.of(fn("contains", ValueType.BOOLEAN, string(c, a, 0).field(), string(c, a, 1).field()), ValueType.BOOLEAN);
        }, "contains");
        register((c, a) -> {
            arity(c, a, 1, 1);
            return typed("CASE WHEN {0} < 0 OR {0} > 1048576 THEN NULL ELSE repeat(' ', {0}) END", ValueType.KEYWORD, number(c, a, 0).field());
        }, "space");
        register((c, a) -> {
            arity(c, a, 1, 1);
            return typed("CAST(strlen({0}) AS INTEGER)", ValueType.INTEGER, string(c, a, 0).field());
        }, "byte_length");
        register((c, a) -> {
            arity(c, a, 1, 1);
            return typed("CAST(strlen({0}) * 8 AS INTEGER)", ValueType.INTEGER, string(c, a, 0).field());
        }, "bit_length");
        register((c, a) -> {
            arity(c, a, 1, 1);
            return typed("to_base64(encode({0}))", ValueType.KEYWORD, string(c, a, 0).field());
        }, "to_base64");
        register((c, a) -> {
            arity(c, a, 1, 1);
            return Typed.of(fn("dayname", ValueType.KEYWORD, datetime(c, a, 0).field()), ValueType.KEYWORD);
        }, "day_name");
        register((c, a) -> {
            arity(c, a, 1, 1);
            return Typed.of(fn("monthname", ValueType.KEYWORD, datetime(c, a, 0).field()), ValueType.KEYWORD);
        }, "month_name");
    }

    private static Typed caseMap(FunctionCall c, List<Typed> a, String fn) {
        arity(c, a, 1, 1);
        Typed t = a.get(0);
        if (t.multiValued()) {
            string(c, a, 0);
            return Typed.list(DSL.field("list_transform({0}, lambda v: " + fn + "(v))", Object.class, t.field()), ValueType.KEYWORD);
        }
        return Typed.of(fn(fn, ValueType.KEYWORD, string(c, a, 0).field()), ValueType.KEYWORD);
    }

    private static Typed trim(FunctionCall c, List<Typed> a, String re) {
        arity(c, a, 1, 1);
        return Typed.of(fn("regexp_replace", ValueType.KEYWORD, string(c, a, 0).field(), DSL.inline(re), DSL.inline(""), DSL.inline("g")), ValueType.KEYWORD);
    }

    /** Converts a Java replacement string ({@code $1}, {@code \$}) to RE2's ({@code \1}). */
    private static String javaReplacement(String rep, Node at) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rep.length(); i++) {
            char ch = rep.charAt(i);
            if (ch == '\\' && i + 1 < rep.length()) {
                char e = rep.charAt(++i);
                sb.append(e == '\\' ? "\\\\" : String.valueOf(e));
            } else if (ch == '$') {
                int j = i + 1;
                while (j < rep.length() && Character.isDigit(rep.charAt(j))) {
                    j++;
                }
                if (j == i + 1) {
                    throw Errors.unsupported("REPLACE replacement with named group", at);
                }
                sb.append('\\').append(rep, i + 1, j);
                i = j - 1;
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- conversions

    private void registerConversions() {
        register(perValue((c, a) -> toNumber(c, a, ValueType.INTEGER)), "to_integer", "to_int");
        register(perValue((c, a) -> toNumber(c, a, ValueType.LONG)), "to_long");
        register(perValue((c, a) -> toNumber(c, a, ValueType.DOUBLE)), "to_double", "to_dbl");
        register((c, a) -> {
            arity(c, a, 1, 1);
            Typed t = a.get(0);
            if (t.type() == null) {
                throw Errors.unsupported("TO_STRING of a time span", c);
            }
            String per = switch (t.type()) {
                case DATETIME, DATE_NANOS -> "strftime(%s, '" + JavaDateFormat.ISO + "')";
                case BOOLEAN -> "CASE WHEN %s THEN 'true' ELSE 'false' END";
                case DOUBLE -> throw Errors.unsupported("TO_STRING of a double", c);
                default -> "CAST(%s AS VARCHAR)";
            };
            if (t.multiValued()) {
                return Typed.list(DSL.field("list_transform({0}, lambda v: " + per.replace("%s", "v") + ")", Object.class, t.field()), ValueType.KEYWORD);
            }
            return typed(per.replace("%s", "{0}"), ValueType.KEYWORD, t.field());
        }, "to_string", "to_str");
        register(perValue((c, a) -> {
            arity(c, a, 1, 1);
            Typed t = ExpressionTranslator.single(a.get(0));
            if (t.type() == ValueType.DATETIME) {
                return t;
            }
            if (t.isStringConstant()) {
                return Typed.literal(Comparisons.parseDatetime((String) t.value(), c), ValueType.DATETIME);
            }
            if (t.type() != null && t.type().isNumeric()) {
                return typed("epoch_ms(CAST({0} AS BIGINT))", ValueType.DATETIME, t.field());
            }
            // Elasticsearch's strict_date_optional_time needs a 'T' before the time; DuckDB would also take a space.
            return typed("CASE WHEN strpos({0}, ' ') = 0 THEN CAST(try_cast({0} AS TIMESTAMPTZ) AS TIMESTAMP) END", ValueType.DATETIME,
                    string(c, a, 0).field());
        }), "to_datetime", "to_dt");
        register(perValue((c, a) -> {
            arity(c, a, 1, 1);
            Typed t = ExpressionTranslator.single(a.get(0));
            if (t.type() == ValueType.BOOLEAN) {
                return t;
            }
            if (t.type() != null && t.type().isNumeric()) {
                return typed("({0} <> 0)", ValueType.BOOLEAN, t.field());
            }
            return typed("(lower({0}) = 'true')", ValueType.BOOLEAN, string(c, a, 0).field());
        }), "to_boolean", "to_bool");
        register((c, a) -> {
            arity(c, a, 1, 1);
            Typed t = a.get(0);
            if (t.isStringConstant()) {
                return Typed.literal(Comparisons.canonicalIp((String) t.value(), c), ValueType.IP);
            }
            if (t.type() == ValueType.IP) {
                return t;
            }
            throw Errors.unsupported("TO_IP of a non-constant string", c);
        }, "to_ip");
    }

    /** Applies a conversion to each value of a multi-valued argument, as ES|QL's TO_* functions do. */
    private static Scalar perValue(Scalar s) {
        return (c, a) -> {
            if (a.size() != 1 || !a.get(0).multiValued()) {
                return s.apply(c, a);
            }
            Typed v = Typed.of(DSL.field(DSL.name("__v"), SqlTypes.of(a.get(0).type())), a.get(0).type());
            Typed each = s.apply(c, List.of(v));
            return Typed.list(DSL.field("list_transform({0}, lambda \"__v\": {1})", Object.class, a.get(0).field(), each.field()), each.type());
        };
    }

    private static Typed toNumber(FunctionCall c, List<Typed> a, ValueType to) {
        arity(c, a, 1, 1);
        Typed t = ExpressionTranslator.single(a.get(0));
        if (t.type() == to) {
            return t;
        }
        String sqlType = to == ValueType.INTEGER ? "INTEGER" : to == ValueType.LONG ? "BIGINT" : "DOUBLE";
        if (t.isNullConstant()) {
            return Typed.literal(null, to);
        }
        if (t.type() == null) {
            throw Errors.semantic("cannot convert a time span with [" + c.name() + "]", c);
        }
        if (t.type() == ValueType.BOOLEAN) {
            return typed("CAST({0} AS " + sqlType + ")", to, t.field());
        }
        if (t.type() == ValueType.DATETIME) {
            return typed("try_cast(epoch_ms({0}) AS " + sqlType + ")", to, t.field());
        }
        if (to == ValueType.DOUBLE) {
            return typed("try_cast({0} AS DOUBLE)", to, t.field());
        }
        // Elasticsearch converts a double with Math.round (half up), where a DuckDB cast rounds half away from zero.
        if (t.type() == ValueType.DOUBLE) {
            return typed("try_cast(floor({0} + 0.5) AS " + sqlType + ")", to, t.field());
        }
        if (t.type().isNumeric()) {
            return typed("try_cast({0} AS " + sqlType + ")", to, t.field());
        }
        return typed("try_cast(floor(try_cast({0} AS DOUBLE) + 0.5) AS " + sqlType + ")", to, string(c, a, 0).field());
    }

    // ---------------------------------------------------------------- dates

    private void registerDates() {
        register((c, a) -> {
            arity(c, a, 0, 0);
            return Typed.literal(now, ValueType.DATETIME);
        }, "now");
        register((c, a) -> {
            arity(c, a, 2, 2);
            return dateTrunc(c, a.get(0), datetime(c, a, 1));
        }, "date_trunc");
        register((c, a) -> {
            if (a.size() == 2 && a.get(1).isSpan()) {
                return dateTrunc(c, a.get(1), datetime(c, a, 0));
            }
            throw Errors.unsupported("BUCKET with a bucket count", c);
        }, "bucket", "bin");
        register((c, a) -> {
            arity(c, a, 1, 2);
            String format = JavaDateFormat.ISO;
            if (a.size() == 2) {
                try {
                    format = JavaDateFormat.toStrftime(constantString(c, a, 0));
                } catch (IllegalArgumentException e) {
                    throw Errors.unsupported("DATE_FORMAT " + e.getMessage(), c);
                }
            }
            Typed d = datetime(c, a, a.size() - 1);
            return Typed.of(fn("strftime", ValueType.KEYWORD, d.field(), DSL.inline(format)), ValueType.KEYWORD);
        }, "date_format");
        register((c, a) -> {
            arity(c, a, 1, 2);
            if (a.size() == 1) {
                return typed("CAST(try_cast({0} AS TIMESTAMPTZ) AS TIMESTAMP)", ValueType.DATETIME, string(c, a, 0).field());
            }
            String format;
            try {
                format = JavaDateFormat.toStrptime(constantString(c, a, 0));
            } catch (IllegalArgumentException e) {
                throw Errors.unsupported("DATE_PARSE " + e.getMessage(), c);
            }
            // With %z strptime yields a TIMESTAMPTZ; the session zone is UTC, so the cast gives UTC.
            return typed("CAST(try_strptime({0}, {1}) AS TIMESTAMP)", ValueType.DATETIME, string(c, a, 1).field(), DSL.inline(format));
        }, "date_parse");
        register((c, a) -> {
            arity(c, a, 3, 3);
            String unit = switch (constantString(c, a, 0).toLowerCase(Locale.ROOT)) {
                case "year", "years", "yy", "yyyy" -> "year";
                case "quarter", "quarters", "qq", "q" -> "quarter";
                case "month", "months", "mm", "m" -> "month";
                case "week", "weeks", "wk", "ww" -> "week";
                case "day", "days", "dd", "d", "dayofyear", "dy", "y", "weekday", "weekdays", "dw" -> "day";
                case "hour", "hours", "hh" -> "hour";
                case "minute", "minutes", "mi", "n" -> "minute";
                case "second", "seconds", "ss", "s" -> "second";
                case "millisecond", "milliseconds", "ms" -> "millisecond";
                case "microsecond", "microseconds", "mcs" -> "microsecond";
                case "nanosecond", "nanoseconds", "ns" -> "nanosecond";
                default -> throw Errors.unsupported("DATE_DIFF unit " + constantString(c, a, 0), c);
            };
            if (unit.equals("nanosecond")) {
                // Datetimes hold microseconds at most, so nanoseconds are whole microseconds times 1000.
                return typed("try_cast(try(date_sub('microsecond', {0}, {1}) * 1000) AS INTEGER)", ValueType.INTEGER,
                        datetime(c, a, 1).field(), datetime(c, a, 2).field());
            }
            // date_sub counts whole elapsed units, as ES|QL does; date_diff would count boundaries.
            return typed("try_cast(date_sub({0}, {1}, {2}) AS INTEGER)", ValueType.INTEGER, DSL.inline(unit),
                    datetime(c, a, 1).field(), datetime(c, a, 2).field());
        }, "date_diff");
        register((c, a) -> {
            arity(c, a, 2, 2);
            String part = switch (constantString(c, a, 0).toLowerCase(Locale.ROOT)) {
                case "year" -> "year";
                case "month_of_year" -> "month";
                case "day_of_month" -> "day";
                case "day_of_week" -> "isodow";
                case "day_of_year" -> "doy";
                case "hour_of_day" -> "hour";
                case "minute_of_hour" -> "minute";
                case "second_of_minute" -> "second";
                case "aligned_week_of_year", "iso_week_of_week_based_year" -> "week";
                case "quarter_of_year" -> "quarter";
                default -> throw Errors.unsupported("DATE_EXTRACT part " + constantString(c, a, 0), c);
            };
            return typed("CAST(date_part({0}, {1}) AS BIGINT)", ValueType.LONG, DSL.inline(part), datetime(c, a, 1).field());
        }, "date_extract");
    }

    private static Typed dateTrunc(FunctionCall c, Typed span, Typed date) {
        if (!span.isSpan()) {
            throw Errors.semantic("first argument of [" + c.source().text() + "] must be a time span", c);
        }
        if (span.value() instanceof Period p) {
            String unit = null;
            if (p.equals(Period.ofDays(1))) {
                unit = "day";
            } else if (p.equals(Period.ofWeeks(1))) {
                unit = "week";
            } else if (p.equals(Period.ofMonths(1))) {
                unit = "month";
            } else if (p.equals(Period.ofMonths(3))) {
                unit = "quarter";
            } else if (p.equals(Period.ofYears(1))) {
                unit = "year";
            }
            if (unit != null) {
                return Typed.of(fn("date_trunc", ValueType.DATETIME, DSL.inline(unit), date.field()), ValueType.DATETIME);
            }
            if (p.getMonths() == 0 && p.getYears() == 0 && p.getDays() > 0) {
                return fixedBucket(date, Duration.ofDays(p.getDays()));
            }
            throw Errors.unsupported("DATE_TRUNC to " + p, c);
        }
        Duration d = (Duration) span.value();
        if (d.isNegative() || d.isZero()) {
            throw Errors.semantic("zero or negative time interval is not supported", c);
        }
        return fixedBucket(date, d);
    }

    private static Typed fixedBucket(Typed date, Duration d) {
        // Fixed intervals are counted from the Unix epoch in Elasticsearch's rounding.
        return Typed.of(fn("time_bucket", ValueType.DATETIME, Intervals.field(d), date.field(),
                DSL.inline(LocalDateTime.of(1970, 1, 1, 0, 0))), ValueType.DATETIME);
    }

    // ---------------------------------------------------------------- math

    private void registerMath() {
        register((c, a) -> {
            arity(c, a, 1, 1);
            Typed t = number(c, a, 0);
            return typed(SqlTypes.isIntegral(t.type()) ? "try(abs({0}))" : "abs({0})", t.type(), t.field());
        }, "abs");
        register((c, a) -> {
            arity(c, a, 1, 2);
            Typed t = number(c, a, 0);
            if (a.size() == 1) {
                return SqlTypes.isIntegral(t.type()) ? t : typed("round({0})", ValueType.DOUBLE, t.field());
            }
            Typed digits = number(c, a, 1);
            if (SqlTypes.isIntegral(t.type())) {
                return typed("CAST(round({0}, {1}) AS " + (t.type() == ValueType.INTEGER ? "INTEGER" : "BIGINT") + ")", t.type(), t.field(), digits.field());
            }
            return typed("round({0}, {1})", ValueType.DOUBLE, t.field(), digits.field());
        }, "round");
        for (String f : List.of("ceil", "floor")) {
            register((c, a) -> {
                arity(c, a, 1, 1);
                Typed t = number(c, a, 0);
                return SqlTypes.isIntegral(t.type()) ? t : Typed.of(fn(f, ValueType.DOUBLE, t.field()), ValueType.DOUBLE);
            }, f);
        }
        for (String f : List.of("sqrt", "log10", "exp", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "cbrt")) {
            register((c, a) -> {
                arity(c, a, 1, 1);
                return typed("CASE WHEN isfinite(" + f + "(CAST({0} AS DOUBLE))) THEN " + f + "(CAST({0} AS DOUBLE)) END",
                        ValueType.DOUBLE, number(c, a, 0).field());
            }, f);
        }
        register((c, a) -> {
            arity(c, a, 2, 2);
            return typed("CASE WHEN isfinite(pow(CAST({0} AS DOUBLE), {1})) THEN pow(CAST({0} AS DOUBLE), {1}) END",
                    ValueType.DOUBLE, number(c, a, 0).field(), number(c, a, 1).field());
        }, "pow");
        register((c, a) -> {
            arity(c, a, 1, 1);
            return typed("CAST(sign({0}) AS DOUBLE)", ValueType.DOUBLE, number(c, a, 0).field());
        }, "signum");
        register((c, a) -> {
            arity(c, a, 0, 0);
            return Typed.literal(Math.PI, ValueType.DOUBLE);
        }, "pi");
        register((c, a) -> {
            arity(c, a, 0, 0);
            return Typed.literal(Math.E, ValueType.DOUBLE);
        }, "e");
        register((c, a) -> extreme(c, a, "greatest"), "greatest");
        register((c, a) -> extreme(c, a, "least"), "least");
    }

    private static Typed extreme(FunctionCall c, List<Typed> a, String fn) {
        arity(c, a, 1, Integer.MAX_VALUE);
        ValueType type = commonType(c, a);
        List<Field<?>> fields = new ArrayList<>();
        StringBuilder nullCheck = new StringBuilder("CASE WHEN ");
        for (int i = 0; i < a.size(); i++) {
            fields.add(ExpressionTranslator.single(a.get(i)).field());
            nullCheck.append(i == 0 ? "" : " OR ").append('{').append(i).append("} IS NULL");
        }
        StringBuilder call = new StringBuilder(fn).append('(');
        for (int i = 0; i < a.size(); i++) {
            call.append(i == 0 ? "" : ", ").append('{').append(i).append('}');
        }
        // DuckDB's greatest/least skip nulls; ES|QL's return null when any argument is null.
        return typed(nullCheck + " THEN NULL ELSE " + call + ") END", type, fields.toArray(Field<?>[]::new));
    }

    private static ValueType commonType(FunctionCall c, List<Typed> args) {
        ValueType type = null;
        for (Typed t : args) {
            if (t.isNullConstant() || t.type() == ValueType.NULL) {
                continue;
            }
            if (t.type() == null) {
                throw Errors.semantic("[" + c.name() + "] does not accept a time span", c);
            }
            if (type == null) {
                type = t.type();
            } else if (type != t.type()) {
                if (type.isNumeric() && t.type().isNumeric()) {
                    type = SqlTypes.widerNumeric(type, t.type());
                } else if (SqlTypes.isString(type) && SqlTypes.isString(t.type())) {
                    type = ValueType.KEYWORD;
                } else {
                    throw Errors.semantic("arguments of [" + c.source().text() + "] must all be of type [" + type.esqlName()
                            + "], found [" + t.type().esqlName() + "]", c);
                }
            }
        }
        return type == null ? ValueType.NULL : type;
    }

    // ---------------------------------------------------------------- conditionals

    private void registerConditionals() {
        register((c, a) -> {
            arity(c, a, 1, Integer.MAX_VALUE);
            ValueType type = commonType(c, a);
            List<Field<?>> fields = new ArrayList<>();
            for (Typed t : a) {
                if (t.multiValued()) {
                    throw Errors.unsupported("COALESCE of a multi-valued field", c);
                }
                fields.add(t.field());
            }
            return Typed.of(DSL.function("coalesce", SqlTypes.of(type), fields.toArray(Field<?>[]::new)), type);
        }, "coalesce");
        register((c, a) -> {
            arity(c, a, 2, Integer.MAX_VALUE);
            List<Typed> values = new ArrayList<>();
            for (int i = 1; i < a.size(); i += 2) {
                values.add(a.get(i));
            }
            if (a.size() % 2 == 1) {
                values.add(a.get(a.size() - 1));
            }
            ValueType type = commonType(c, values);
            var choose = DSL.choose();
            org.jooq.CaseConditionStep<Object> step = null;
            for (int i = 0; i + 1 < a.size(); i += 2) {
                Condition cond = ExpressionTranslator.asCondition(a.get(i), c);
                Field<Object> v = ExpressionTranslator.single(a.get(i + 1)).obj();
                step = step == null ? choose.when(cond, v) : step.when(cond, v);
            }
            Field<Object> result = a.size() % 2 == 1
                    ? step.otherwise(ExpressionTranslator.single(a.get(a.size() - 1)).obj())
                    : step.otherwise(DSL.inline((Object) null));
            return Typed.of(result, type);
        }, "case");
        register((c, a) -> {
            arity(c, a, 2, Integer.MAX_VALUE);
            return CidrMatch.translate(c, ExpressionTranslator.single(a.get(0)), a.subList(1, a.size()));
        }, "cidr_match");
    }

    // ---------------------------------------------------------------- multi-values

    private void registerMultiValues() {
        register((c, a) -> {
            arity(c, a, 1, 1);
            Typed t = a.get(0);
            if (t.multiValued()) {
                return Typed.of(DSL.cast(fn("len", ValueType.LONG, t.field()), SQLDataType.INTEGER), ValueType.INTEGER);
            }
            return typed("CASE WHEN {0} IS NULL THEN NULL ELSE 1 END", ValueType.INTEGER, t.field());
        }, "mv_count");
        register((c, a) -> listOp(c, a, "list_filter({0}, lambda v, i: list_position({0}, v) = i)", true), "mv_dedupe");
        register((c, a) -> listOp(c, a, "{0}[1]", false), "mv_first");
        register((c, a) -> listOp(c, a, "{0}[-1]", false), "mv_last");
        register((c, a) -> listOp(c, a, "list_min({0})", false), "mv_min");
        register((c, a) -> listOp(c, a, "list_max({0})", false), "mv_max");
        register((c, a) -> {
            arity(c, a, 1, 1);
            requireNumeric(c, a.get(0));
            ValueType t = a.get(0).type() == ValueType.DOUBLE ? ValueType.DOUBLE : ValueType.LONG;
            Typed r = listOp(c, a, t == ValueType.DOUBLE ? "list_sum({0})" : "try(CAST(list_sum({0}) AS BIGINT))", false);
            return a.get(0).multiValued() ? Typed.of(r.field(), t) : typed("CAST({0} AS " + (t == ValueType.DOUBLE ? "DOUBLE" : "BIGINT") + ")", t, a.get(0).field());
        }, "mv_sum");
        register((c, a) -> {
            arity(c, a, 1, 1);
            requireNumeric(c, a.get(0));
            Typed t = a.get(0);
            return t.multiValued() ? typed("list_avg({0})", ValueType.DOUBLE, t.field()) : typed("CAST({0} AS DOUBLE)", ValueType.DOUBLE, t.field());
        }, "mv_avg");
        register((c, a) -> {
            arity(c, a, 2, 2);
            Typed t = a.get(0);
            Field<?> sep = string(c, a, 1).field();
            if (!a.get(1).constant()) {
                throw Errors.unsupported("MV_CONCAT with a non-constant delimiter", c);
            }
            if (!t.multiValued()) {
                return Typed.of(string(c, a, 0).field(), ValueType.KEYWORD);
            }
            return typed("array_to_string({0}, {1})", ValueType.KEYWORD, t.field(), sep);
        }, "mv_concat");
        register((c, a) -> {
            arity(c, a, 1, 2);
            boolean desc = a.size() == 2 && constantString(c, a, 1).equalsIgnoreCase("desc");
            if (a.size() == 2 && !desc && !constantString(c, a, 1).equalsIgnoreCase("asc")) {
                throw Errors.semantic("Invalid order value in [" + c.source().text() + "], expected one of [ASC, DESC]", c);
            }
            return listOp(c, a.subList(0, 1), desc ? "list_reverse_sort({0})" : "list_sort({0})", true);
        }, "mv_sort");
    }

    private void registerListBuilders() {
        register((c, a) -> {
            arity(c, a, 2, 2);
            ValueType type = commonType(c, a);
            return Typed.list(DSL.field("CASE WHEN {0} IS NULL OR {1} IS NULL THEN NULL ELSE list_concat({0}, {1}) END",
                    Object.class, asList(a.get(0)), asList(a.get(1))), type);
        }, "mv_append");
        register((c, a) -> {
            arity(c, a, 2, 3);
            Typed t = a.get(0);
            Field<?> start = number(c, a, 1).field();
            Field<?> end = a.size() == 3 ? number(c, a, 2).field() : start;
            // ES|QL slices are 0-based with an inclusive end; DuckDB's are 1-based, and both count negatives from the end.
            Field<?> slice = DSL.field("list_slice({0}, CASE WHEN {1} >= 0 THEN {1} + 1 ELSE len({0}) + {1} + 1 END, "
                    + "CASE WHEN {2} >= 0 THEN {2} + 1 ELSE len({0}) + {2} + 1 END)", Object.class, asList(t), start, end);
            return Typed.list(slice, t.type());
        }, "mv_slice");
    }

    private void registerMultiValueMatches() {
        register((c, a) -> {
            arity(c, a, 2, 2);
            string(c, a, 0);
            Field<?> p = DSL.inline(LikePattern.toSqlLike(constantString(c, a, 1)));
            // True when any value matches; a null field gives false, not null.
            return typed("coalesce(list_bool_or(list_transform({0}, lambda v: v LIKE {1} ESCAPE '\\')), false)", ValueType.BOOLEAN, asList(a.get(0)), p);
        }, "mv_like");
        register((c, a) -> {
            arity(c, a, 2, 2);
            string(c, a, 0);
            String re;
            try {
                re = LikePattern.toRe2(constantString(c, a, 1));
            } catch (IllegalArgumentException e) {
                throw Errors.unsupported(e.getMessage(), c);
            }
            return typed("coalesce(list_bool_or(list_transform({0}, lambda v: regexp_full_match(v, {1}))), false)", ValueType.BOOLEAN,
                    asList(a.get(0)), DSL.inline(re));
        }, "mv_rlike");
        register(perValue((c, a) -> {
            arity(c, a, 1, 1);
            // Java's URLDecoder reads '+' as a space and rejects a '%' without two hex digits.
            return typed("CASE WHEN regexp_matches({0}, '%([^0-9A-Fa-f]|[0-9A-Fa-f][^0-9A-Fa-f]|[0-9A-Fa-f]?$)') THEN NULL "
                    + "ELSE try(url_decode(replace({0}, '+', ' '))) END", ValueType.KEYWORD, string(c, a, 0).field());
        }), "url_decode");
        register(perValue((c, a) -> {
            arity(c, a, 1, 1);
            // Elasticsearch keeps RFC 3986's unreserved characters and writes a space as '+'.
            return typed("replace(url_encode({0}), '%20', '+')", ValueType.KEYWORD, string(c, a, 0).field());
        }), "url_encode");
        register(perValue((c, a) -> {
            arity(c, a, 1, 1);
            return typed("url_encode({0})", ValueType.KEYWORD, string(c, a, 0).field());
        }), "url_encode_component");
    }

    /** Returns a value as a LIST: itself when multi-valued, a one-element list otherwise, null for null. */
    private static Field<?> asList(Typed t) {
        if (t.multiValued()) {
            return t.field();
        }
        return DSL.field("CASE WHEN {0} IS NULL THEN NULL ELSE list_value({0}) END", Object.class, t.field());
    }

    private static Typed listOp(FunctionCall c, List<Typed> a, String template, boolean returnsList) {
        arity(c, a, 1, 1);
        Typed t = a.get(0);
        if (!t.multiValued()) {
            return t;
        }
        Field<?> f = returnsList ? DSL.field(template, Object.class, t.field()) : DSL.field(template, SqlTypes.of(t.type()), t.field());
        return returnsList ? Typed.list(f, t.type()) : Typed.of(f, t.type());
    }
}
