package dev.trailhunt.translate;

import static dev.trailhunt.model.ValueType.BOOLEAN;
import static dev.trailhunt.model.ValueType.DATETIME;
import static dev.trailhunt.model.ValueType.DOUBLE;
import static dev.trailhunt.model.ValueType.INTEGER;
import static dev.trailhunt.model.ValueType.IP;
import static dev.trailhunt.model.ValueType.KEYWORD;
import static dev.trailhunt.model.ValueType.LONG;
import static dev.trailhunt.model.ValueType.VERSION;

import dev.trailhunt.model.ValueType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Lists, for every ES|QL function trailhunt registers, queries whose one result column Elasticsearch
 * documents: the expected values come from Elasticsearch's reference pages and Java's own Math and
 * java.time (which Elasticsearch computes with), never from trailhunt's output.
 */
final class FunctionCases {
    /** Stands for the instant NOW() returns in these cases. */
    static final Instant NOW = Instant.parse("2024-06-01T12:34:56.789Z");

    private FunctionCases() {}

    /**
     * Describes one case.
     *
     * @param function the registered name (or alias) the case covers
     * @param query the ES|QL query; its only result column is {@code r}
     * @param expected the value Elasticsearch answers ({@code List} for a multi-value)
     * @param type the ES|QL type Elasticsearch answers
     */
    record Case(String function, String query, Object expected, ValueType type) {
        @Override
        public String toString() {
            return function + ": " + query;
        }
    }

    /** Calls a function on a ROW of constants; the ROW's columns make the SQL read its inputs from a stage. */
    private static Case eval(String function, String row, String expression, Object expected, ValueType type) {
        return new Case(function, "row " + row + " | eval r = " + expression + " | keep r", expected, type);
    }

    /** Calls a function on constants alone, which the translator may fold. */
    private static Case constant(String function, String expression, Object expected, ValueType type) {
        return new Case(function, "row r = " + expression, expected, type);
    }

    /** Aggregates one row per value of {@code values}, with {@code v} holding the value. */
    private static Case stats(String function, String values, String expression, Object expected, ValueType type) {
        return new Case(function, "row v = " + values + " | mv_expand v | stats r = " + expression, expected, type);
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    private static List<Object> list(Object... values) {
        return Arrays.asList(values);
    }

    static final String DT = "d = to_datetime(\"2024-01-15T10:37:12.345Z\")";

    static final List<Case> ALL = List.of(
            // ---------------------------------------------------------------- strings
            eval("to_lower", "s = \"Some Text\"", "to_lower(s)", "some text", KEYWORD),
            eval("to_lower", "s = [\"A\", \"B\"]", "to_lower(s)", list("a", "b"), KEYWORD),
            eval("to_upper", "s = \"Some Text\"", "to_upper(s)", "SOME TEXT", KEYWORD),
            eval("length", "s = \"Hello\"", "length(s)", 5, INTEGER),
            eval("length", "s = \"héllo\"", "length(s)", 5, INTEGER),
            eval("byte_length", "s = \"héllo\"", "byte_length(s)", 6, INTEGER),
            eval("bit_length", "s = \"hello\"", "bit_length(s)", 40, INTEGER),
            eval("starts_with", "s = \"some text\"", "starts_with(s, \"some\")", true, BOOLEAN),
            eval("ends_with", "s = \"some text\"", "ends_with(s, \"some\")", false, BOOLEAN),
            eval("contains", "s = \"some text\"", "contains(s, \"ome t\")", true, BOOLEAN),
            eval("left", "s = \"Hello\"", "left(s, 2)", "He", KEYWORD),
            eval("right", "s = \"Hello\"", "right(s, 3)", "llo", KEYWORD),
            eval("substring", "s = \"Hello World\"", "substring(s, 7)", "World", KEYWORD),
            eval("substring", "s = \"Hello World\"", "substring(s, 1, 5)", "Hello", KEYWORD),
            eval("substring", "s = \"Hello World\"", "substring(s, -5, 3)", "Wor", KEYWORD),
            eval("locate", "s = \"hello\"", "locate(s, \"ll\")", 3, INTEGER),
            eval("locate", "s = \"hello\"", "locate(s, \"l\", 4)", 4, INTEGER),
            eval("locate", "s = \"hello\"", "locate(s, \"x\")", 0, INTEGER),
            eval("concat", "a = \"foo\", b = \"bar\"", "concat(a, \" \", b)", "foo bar", KEYWORD),
            eval("concat", "a = \"foo\", b = null", "concat(a, b)", null, KEYWORD),
            constant("concat", "concat(\"a\", \"b\", \"c\")", "abc", KEYWORD),
            eval("trim", "s = \"   some text  \"", "trim(s)", "some text", KEYWORD),
            eval("ltrim", "s = \"   some text  \"", "ltrim(s)", "some text  ", KEYWORD),
            eval("rtrim", "s = \"   some text  \"", "rtrim(s)", "   some text", KEYWORD),
            eval("split", "s = \"foo;bar;baz;qux;quux;corge\"", "split(s, \";\")", list("foo", "bar", "baz", "qux", "quux", "corge"), KEYWORD),
            eval("replace", "s = \"Hello World\"", "replace(s, \"World\", \"Universe\")", "Hello Universe", KEYWORD),
            eval("replace", "s = \"aaa bbb\"", "replace(s, \"(a+) (b+)\", \"$2 $1\")", "bbb aaa", KEYWORD),
            eval("repeat", "s = \"Hello!\"", "repeat(s, 3)", "Hello!Hello!Hello!", KEYWORD),
            eval("repeat", "s = \"x\"", "repeat(s, -1)", null, KEYWORD),
            eval("space", "n = 3", "space(n)", "   ", KEYWORD),
            eval("reverse", "s = \"Some Text\"", "reverse(s)", "txeT emoS", KEYWORD),
            eval("to_base64", "s = \"elastic\"", "to_base64(s)", "ZWxhc3RpYw==", KEYWORD),
            eval("from_base64", "s = \"ZWxhc3RpYw==\"", "from_base64(s)", "elastic", KEYWORD),
            constant("from_base64", "from_base64(\"ZWxhc3RpYw==\")", "elastic", KEYWORD),
            eval("url_encode", "u = \"https://example.com/?x=foo bar&y=baz\"", "url_encode(u)",
                    "https%3A%2F%2Fexample.com%2F%3Fx%3Dfoo+bar%26y%3Dbaz", KEYWORD),
            eval("url_encode_component", "u = \"https://example.com/?x=foo bar&y=baz\"", "url_encode_component(u)",
                    "https%3A%2F%2Fexample.com%2F%3Fx%3Dfoo%20bar%26y%3Dbaz", KEYWORD),
            eval("url_decode", "u = \"https%3A%2F%2Fexample.com%2F%3Fx%3Dfoo%20bar%26y%3Dbaz\"", "url_decode(u)",
                    "https://example.com/?x=foo bar&y=baz", KEYWORD),
            eval("url_decode", "u = [\"a%20b\", \"c+d\"]", "url_decode(u)", list("a b", "c d"), KEYWORD),

            // ---------------------------------------------------------------- math
            eval("abs", "n = -1", "abs(n)", 1, INTEGER),
            eval("abs", "n = -1.5", "abs(n)", 1.5, DOUBLE),
            eval("round", "n = 1.8", "round(n)", 2.0, DOUBLE),
            eval("round", "n = 123.456", "round(n, 2)", 123.46, DOUBLE),
            eval("round", "n = 1234", "round(n, -2)", 1200, INTEGER),
            eval("ceil", "n = 1.2", "ceil(n)", 2.0, DOUBLE),
            eval("ceil", "n = 5", "ceil(n)", 5, INTEGER),
            eval("floor", "n = -1.2", "floor(n)", -2.0, DOUBLE),
            eval("sqrt", "n = 100.0", "sqrt(n)", 10.0, DOUBLE),
            eval("sqrt", "n = -1.0", "sqrt(n)", null, DOUBLE),
            eval("log10", "n = 1000.0", "log10(n)", 3.0, DOUBLE),
            eval("exp", "n = 0", "exp(n)", 1.0, DOUBLE),
            eval("exp", "n = 1.0", "exp(n)", Math.exp(1.0), DOUBLE),
            eval("sin", "n = 0.0", "sin(n)", 0.0, DOUBLE),
            eval("cos", "n = 0.0", "cos(n)", 1.0, DOUBLE),
            eval("tan", "n = 0.0", "tan(n)", 0.0, DOUBLE),
            eval("asin", "n = 1.0", "asin(n)", Math.asin(1.0), DOUBLE),
            eval("acos", "n = 1.0", "acos(n)", 0.0, DOUBLE),
            eval("atan", "n = 1.0", "atan(n)", Math.atan(1.0), DOUBLE),
            eval("sinh", "n = 0.0", "sinh(n)", 0.0, DOUBLE),
            eval("cosh", "n = 0.0", "cosh(n)", 1.0, DOUBLE),
            eval("tanh", "n = 0.0", "tanh(n)", 0.0, DOUBLE),
            // Elasticsearch's example; DuckDB's cbrt(27.0) is 3.0000000000000004 where Java's Math.cbrt is 3.0, a known difference.
            eval("cbrt", "n = 1000.0", "cbrt(n)", 10.0, DOUBLE),
            eval("pow", "b = 2, e = 10", "pow(b, e)", 1024.0, DOUBLE),
            eval("pow", "b = -1.0, e = 0.5", "pow(b, e)", null, DOUBLE),
            eval("signum", "n = -5", "signum(n)", -1.0, DOUBLE),
            constant("pi", "pi()", Math.PI, DOUBLE),
            constant("e", "e()", Math.E, DOUBLE),
            eval("greatest", "a = 10, b = 20", "greatest(a, b)", 20, INTEGER),
            eval("greatest", "a = 10, b = null", "greatest(a, b)", null, INTEGER),
            eval("least", "a = 10.5, b = 2.5", "least(a, b)", 2.5, DOUBLE),

            // ---------------------------------------------------------------- conditionals and ip
            eval("coalesce", "a = null, b = \"b\"", "coalesce(a, b)", "b", KEYWORD),
            eval("case", "n = 7", "case(n < 5, \"small\", n < 10, \"medium\", \"large\")", "medium", KEYWORD),
            eval("case", "n = 7", "case(n > 10, \"large\")", null, KEYWORD),
            eval("cidr_match", "ip = to_ip(\"127.0.0.3\")", "cidr_match(ip, \"127.0.0.2/32\", \"127.0.0.3/32\")", true, BOOLEAN),
            eval("cidr_match", "ip = to_ip(\"10.1.2.3\")", "cidr_match(ip, \"10.0.0.0/16\")", false, BOOLEAN),

            // ---------------------------------------------------------------- conversions
            eval("to_integer", "s = \"42\"", "to_integer(s)", 42, INTEGER),
            eval("to_integer", "d = 4.5", "to_integer(d)", 5, INTEGER),
            eval("to_int", "b = true", "to_int(b)", 1, INTEGER),
            // A value that does not fit is dropped (with a warning in Elasticsearch), the others kept.
            eval("to_integer", "l = [5013792, 2147483647, 501379200000]", "to_integer(l)", list(5013792, 2147483647), INTEGER),
            eval("to_long", "s = \"2147483648\"", "to_long(s)", 2147483648L, LONG),
            eval("to_long", "d = 2.5", "to_long(d)", 3L, LONG),
            eval("to_double", "s = \"1.5\"", "to_double(s)", 1.5, DOUBLE),
            eval("to_dbl", "n = 3", "to_dbl(n)", 3.0, DOUBLE),
            eval("to_string", "n = 10", "to_string(n)", "10", KEYWORD),
            eval("to_str", "b = true", "to_str(b)", "true", KEYWORD),
            eval("to_string", "n = [10, 9, 8]", "to_string(n)", list("10", "9", "8"), KEYWORD),
            eval("to_string", DT, "to_string(d)", "2024-01-15T10:37:12.345Z", KEYWORD),
            eval("to_datetime", "s = \"2019-10-23T13:33:34.937Z\"", "to_datetime(s)", at("2019-10-23T13:33:34.937Z"), DATETIME),
            eval("to_dt", "ms = 1000", "to_dt(ms)", at("1970-01-01T00:00:01Z"), DATETIME),
            eval("to_datetime", "s = \"2019-10-23 13:33:34\"", "to_datetime(s)", null, DATETIME),
            eval("to_boolean", "s = \"TRUE\"", "to_boolean(s)", true, BOOLEAN),
            eval("to_bool", "s = [\"true\", \"yes\", \"false\"]", "to_bool(s)", list(true, false, false), BOOLEAN),
            eval("to_boolean", "n = 0", "to_boolean(n)", false, BOOLEAN),
            constant("to_ip", "to_ip(\"1.1.1.1\")", "1.1.1.1", IP),
            constant("to_ip", "to_ip(\"::ffff:1.2.3.4\")", "1.2.3.4", IP),
            eval("to_version", "v = \"1.2.3\"", "to_version(v)", "1.2.3", VERSION),
            eval("to_ver", "v = \"1.11.0\"", "to_ver(v)", "1.11.0", VERSION),

            // ---------------------------------------------------------------- dates
            constant("now", "now()", NOW, DATETIME),
            eval("date_trunc", DT, "date_trunc(1 hour, d)", at("2024-01-15T10:00:00Z"), DATETIME),
            eval("date_trunc", DT, "date_trunc(1 month, d)", at("2024-01-01T00:00:00Z"), DATETIME),
            eval("date_trunc", DT, "date_trunc(15 minutes, d)", at("2024-01-15T10:30:00Z"), DATETIME),
            eval("bucket", DT, "bucket(d, 1 day)", at("2024-01-15T00:00:00Z"), DATETIME),
            eval("bin", DT, "bin(d, 1 week)", at("2024-01-15T00:00:00Z"), DATETIME),
            eval("date_format", DT, "date_format(\"yyyy-MM-dd\", d)", "2024-01-15", KEYWORD),
            eval("date_format", DT, "date_format(d)", "2024-01-15T10:37:12.345Z", KEYWORD),
            eval("date_parse", "s = \"2022-05-06\"", "date_parse(\"yyyy-MM-dd\", s)", at("2022-05-06T00:00:00Z"), DATETIME),
            eval("date_parse", "s = \"2023-02-01T12:15:55.123Z\"", "date_parse(s)", at("2023-02-01T12:15:55.123Z"), DATETIME),
            eval("date_diff", "a = to_datetime(\"2023-12-02T11:00:00.000Z\"), b = to_datetime(\"2023-12-02T11:00:00.001Z\")",
                    "date_diff(\"microseconds\", a, b)", 1000, INTEGER),
            eval("date_diff", "a = to_datetime(\"2023-12-02T11:00:00Z\"), b = to_datetime(\"2023-12-05T10:00:00Z\")",
                    "date_diff(\"day\", a, b)", 2, INTEGER),
            eval("date_extract", "d = to_datetime(\"2022-05-06T00:00:00Z\")", "date_extract(\"year\", d)", 2022L, LONG),
            eval("date_extract", DT, "date_extract(\"hour_of_day\", d)", 10L, LONG),
            // DATE_UNIT_COUNT counts the units in the calendar period holding the date: February 2024 has 29 days.
            eval("date_unit_count", "d = to_datetime(\"2024-02-15T10:00:00Z\")", "date_unit_count(\"day\", \"month\", d)", 29L, LONG),
            eval("day_name", DT, "day_name(d)", "Monday", KEYWORD),
            eval("month_name", DT, "month_name(d)", "January", KEYWORD),

            // ---------------------------------------------------------------- multi-values
            eval("mv_count", "a = [\"foo\", \"zoo\", \"bar\"]", "mv_count(a)", 3, INTEGER),
            eval("mv_count", "a = \"foo\"", "mv_count(a)", 1, INTEGER),
            eval("mv_dedupe", "a = [\"foo\", \"foo\", \"bar\", \"foo\"]", "mv_dedupe(a)", list("foo", "bar"), KEYWORD),
            eval("mv_first", "a = [3, 1, 2]", "mv_first(a)", 3, INTEGER),
            eval("mv_last", "a = [3, 1, 2]", "mv_last(a)", 2, INTEGER),
            eval("mv_min", "a = [2, 1]", "mv_min(a)", 1, INTEGER),
            eval("mv_max", "a = [\"foo\", \"zoo\", \"bar\"]", "mv_max(a)", "zoo", KEYWORD),
            eval("mv_sum", "a = [3000000000, 5, 6]", "mv_sum(a)", 3000000011L, LONG),
            eval("mv_sum", "a = [1.5, 2.5]", "mv_sum(a)", 4.0, DOUBLE),
            eval("mv_avg", "a = [3, 5, 1, 6]", "mv_avg(a)", 3.75, DOUBLE),
            eval("mv_concat", "a = [\"foo\", \"zoo\", \"bar\"]", "mv_concat(a, \", \")", "foo, zoo, bar", KEYWORD),
            eval("mv_sort", "a = [4, 2, -3, 2]", "mv_sort(a, \"DESC\")", list(4, 2, 2, -3), INTEGER),
            eval("mv_sort", "a = [4, 2, -3, 2]", "mv_sort(a)", list(-3, 2, 2, 4), INTEGER),
            eval("mv_append", "a = [1, 2], b = 3", "mv_append(a, b)", list(1, 2, 3), INTEGER),
            eval("mv_slice", "a = [1, 2, 2, 3]", "mv_slice(a, 1, 2)", list(2, 2), INTEGER),
            eval("mv_slice", "a = [1, 2, 2, 3]", "mv_slice(a, -2, -1)", list(2, 3), INTEGER),
            eval("mv_zip", "a = [\"x\", \"y\", \"z\"], b = [\"a\", \"b\"]", "mv_zip(a, b, \"-\")", list("x-a", "y-b", "z"), KEYWORD),
            eval("mv_contains", "a = [\"a\", \"b\", \"c\"]", "mv_contains(a, [\"c\", \"a\"])", true, BOOLEAN),
            eval("mv_contains", "a = [\"a\", \"b\", \"c\"]", "mv_contains(a, \"d\")", false, BOOLEAN),
            eval("mv_like", "a = [\"foo\", \"bar\"]", "mv_like(a, \"ba*\")", true, BOOLEAN),
            eval("mv_like", "a = [\"foo\", \"bar\"]", "mv_like(a, \"baz\")", false, BOOLEAN),
            eval("mv_rlike", "a = [\"foo\", \"bar\"]", "mv_rlike(a, \"f.o\")", true, BOOLEAN),

            // ---------------------------------------------------------------- aggregates
            stats("count", "[1, 2, 3]", "count(*)", 3L, LONG),
            stats("count", "[1, 2, 3]", "count(v)", 3L, LONG),
            new Case("count", "row v = [1, 2, 3] | stats r = count(v)", 3L, LONG),
            stats("count_distinct", "[\"a\", \"b\", \"a\"]", "count_distinct(v)", 2L, LONG),
            stats("sum", "[1, 2, 3]", "sum(v)", 6L, LONG),
            stats("sum", "[1.5, 2.5]", "sum(v)", 4.0, DOUBLE),
            stats("avg", "[1, 2, 3, 4]", "avg(v)", 2.5, DOUBLE),
            stats("min", "[3, 1, 2]", "min(v)", 1, INTEGER),
            new Case("min", "row a = to_ip(\"10.0.0.1\"), b = to_ip(\"9.0.0.1\") | eval v = mv_append(a, b) | mv_expand v | stats r = min(v)",
                    "9.0.0.1", IP),
            stats("max", "[3, 1, 2]", "max(v)", 3, INTEGER),
            stats("max", "[\"1.2.3\", \"1.11.0\"]", "max(to_version(v))", "1.11.0", VERSION),
            stats("values", "[\"b\", \"a\", \"b\"]", "values(v)", list("a", "b"), KEYWORD),
            stats("median", "[1, 2, 3, 4]", "median(v)", 2.5, DOUBLE),
            stats("percentile", "[1, 2, 3, 4, 5]", "percentile(v, 50)", 3.0, DOUBLE),
            stats("percentile", "[1, 2, 3, 4, 5]", "percentile(v, 100)", 5.0, DOUBLE),
            stats("std_dev", "[1, 2, 3, 4]", "std_dev(v)", Math.sqrt(1.25), DOUBLE),
            stats("variance", "[1, 2, 3, 4]", "variance(v)", 1.25, DOUBLE),
            stats("std_var", "[1, 2, 3, 4]", "std_var(v)", 1.25, DOUBLE),
            stats("median_absolute_deviation", "[1, 1, 2, 2, 4, 6, 9]", "median_absolute_deviation(v)", 1.0, DOUBLE),
            new Case("weighted_avg", "row v = [1, 2] | mv_expand v | eval w = v * 3 | stats r = weighted_avg(v, w)", 5.0 / 3.0, DOUBLE),
            stats("top", "[3, 1, 5, 2]", "top(v, 2, \"desc\")", list(5, 3), INTEGER),
            stats("top", "[3, 1, 5, 2]", "top(v, 3, \"asc\")", list(1, 2, 3), INTEGER),
            stats("present", "[1, 2]", "present(v)", true, BOOLEAN),
            new Case("present", "row v = 1 | eval n = null | stats r = present(n)", false, BOOLEAN),
            stats("absent", "[1, 2]", "absent(v)", false, BOOLEAN),
            stats("sum", "[1, 2]", "sum(v) where v > 1", 2L, LONG));
}
