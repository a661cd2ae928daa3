package dev.trailhunt.conformance;

import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Compares an actual ES|QL result with a csv-spec expectation by Elasticsearch's {@code CsvAssert}
 * rules: the same column names in order, types equal (an integer column satisfies long), the same
 * number of rows and equal canonical values, multi-values in order; with {@code ignoreOrder} both
 * sides are first sorted by the row comparator (left to right, first element of a multi-value,
 * nulls last).
 */
final class ResultMatcher {
    private ResultMatcher() {}

    /** Returns the first difference, or empty when the result matches. */
    static Optional<String> firstDifference(ExpectedTable expected, ResultTable actual, boolean ignoreOrder) {
        List<ResultColumn> columns = actual.columns();
        if (!expected.names().equals(columns.stream().map(ResultColumn::name).toList())) {
            return Optional.of("columns: expected " + header(expected) + " but was " + header(columns));
        }
        for (int c = 0; c < columns.size(); c++) {
            SpecType want = expected.types().get(c);
            if (!want.accepts(columns.get(c).type())) {
                return Optional.of(String.format(Locale.ROOT, "type of column [%s]: expected %s but was %s",
                        columns.get(c).name(), want.esqlName(), columns.get(c).type().esqlName()));
            }
        }
        List<List<Object>> want = new ArrayList<>(expected.rows());
        List<List<Object>> got = new ArrayList<>(actual.rows().size());
        for (List<Object> row : actual.rows()) {
            List<Object> canonical = new ArrayList<>(row.size());
            for (int c = 0; c < row.size(); c++) {
                canonical.add(canonical(row.get(c), c < expected.types().size() ? expected.types().get(c) : SpecType.KEYWORD));
            }
            got.add(canonical);
        }
        if (ignoreOrder) {
            Comparator<List<Object>> order = rowOrder(expected.types());
            want.sort(order);
            got.sort(order);
        }
        for (int r = 0; r < Math.min(want.size(), got.size()); r++) {
            List<Object> w = want.get(r);
            List<Object> g = got.get(r);
            for (int c = 0; c < Math.max(w.size(), g.size()); c++) {
                Object x = c < w.size() ? w.get(c) : "<missing>";
                Object y = c < g.size() ? g.get(c) : "<missing>";
                if (!Objects.equals(x, y)) {
                    String name = c < expected.names().size() ? expected.names().get(c) : "#" + (c + 1);
                    return Optional.of(String.format(Locale.ROOT, "row %d column [%s]: expected %s but was %s%s",
                            r + 1, name, print(x), print(y), countNote(want, got)));
                }
            }
        }
        if (want.size() != got.size()) {
            return Optional.of(String.format(Locale.ROOT, "expected %d rows but was %d; first extra row: %s",
                    want.size(), got.size(), printRow(want.size() > got.size() ? want.get(got.size()) : got.get(want.size()))));
        }
        return Optional.empty();
    }

    /** Converts a value from a {@link ResultTable} into the canonical form of {@code type}. */
    static Object canonical(Object value, SpecType type) {
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                return null;
            }
            if (list.size() == 1) {
                return canonical(list.get(0), type);
            }
            List<Object> out = new ArrayList<>(list.size());
            for (Object v : list) {
                out.add(canonical(v, type));
            }
            return out;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof LocalDateTime t) {
            return canonical(t.toInstant(ZoneOffset.UTC), type);
        }
        if (value instanceof Instant instant) {
            return type == SpecType.DATE_NANOS ? instant : instant.truncatedTo(ChronoUnit.MILLIS);
        }
        if (value instanceof Long l && type == SpecType.UNSIGNED_LONG) {
            return BigInteger.valueOf(l);
        }
        return value;
    }

    private static Comparator<List<Object>> rowOrder(List<SpecType> types) {
        return (x, y) -> {
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                Object left = first(x.get(i));
                Object right = first(y.get(i));
                if (left == null && right == null) {
                    continue;
                }
                if (left == null) {
                    return 1;
                }
                if (right == null) {
                    return -1;
                }
                int result = ValueOrder.compare(i < types.size() ? types.get(i) : SpecType.KEYWORD, left, right);
                if (result != 0) {
                    return result;
                }
            }
            return 0;
        };
    }

    private static Object first(Object v) {
        if (v instanceof List<?> l) {
            return l.isEmpty() ? null : l.get(0);
        }
        return v;
    }

    private static String countNote(List<List<Object>> want, List<List<Object>> got) {
        return want.size() == got.size() ? "" : String.format(Locale.ROOT, " (and expected %d rows but was %d)", want.size(), got.size());
    }

    /** Prints a canonical value as a result cell reads. */
    static String print(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Instant i) {
            return SpecTimes.printMillis(i);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(ResultMatcher::print).collect(Collectors.joining(", ", "[", "]"));
        }
        if (v instanceof String s) {
            return "\"" + s + "\"";
        }
        return String.valueOf(v);
    }

    private static String printRow(List<Object> row) {
        return row.stream().map(ResultMatcher::print).collect(Collectors.joining(" | "));
    }

    private static String header(ExpectedTable t) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < t.names().size(); i++) {
            cells.add(t.names().get(i) + ":" + t.types().get(i).esqlName());
        }
        return cells.toString();
    }

    private static String header(List<ResultColumn> columns) {
        return columns.stream().map(c -> c.name() + ":" + c.type().esqlName()).toList().toString();
    }
}
