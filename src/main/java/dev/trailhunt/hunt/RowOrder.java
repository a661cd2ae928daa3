package dev.trailhunt.hunt;

import dev.trailhunt.model.IpLiteral;
import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import dev.trailhunt.model.ValueType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Gives result rows a total order so that reruns print the same bytes: the query's own SORT keys
 * first, then every column left to right to break the ties ES|QL leaves open.
 */
public final class RowOrder {
    private RowOrder() {}

    /**
     * Orders the rows of a table; when the query sorted by something that is not a plain output
     * column, the engine's order is kept because re-sorting could contradict it.
     */
    public static ResultTable total(ResultTable table, QueryShape shape) {
        List<ResultColumn> cols = table.columns();
        Comparator<List<Object>> order = (a, b) -> 0;
        if (shape.sorted()) {
            if (shape.sortKeys().isEmpty()) {
                return table;
            }
            for (QueryShape.SortKey key : shape.sortKeys()) {
                int idx = indexOf(cols, key.column());
                if (idx < 0) {
                    return table;
                }
                order = order.thenComparing(byColumn(idx, cols.get(idx).type(), key.descending(), key.nullsFirst()));
            }
        }
        for (int i = 0; i < cols.size(); i++) {
            order = order.thenComparing(byColumn(i, cols.get(i).type(), false, false));
        }
        List<List<Object>> rows = new ArrayList<>(table.rows());
        rows.sort(order);
        return new ResultTable(cols, rows);
    }

    private static int indexOf(List<ResultColumn> cols, String name) {
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static Comparator<List<Object>> byColumn(int idx, ValueType type, boolean descending, boolean nullsFirst) {
        return (a, b) -> {
            Object x = a.get(idx);
            Object y = b.get(idx);
            if (x == null || y == null) {
                if (x == y) {
                    return 0;
                }
                return (x == null) == nullsFirst ? -1 : 1;
            }
            int c = type == ValueType.IP ? compareIps(x, y) : compareValues(x, y);
            return descending ? -c : c;
        };
    }

    /**
     * Compares addresses as Elasticsearch orders ip values: by their 16-byte IPv6 form (IPv4 mapped),
     * unsigned; text that is not a literal address sorts after every address, by text.
     */
    static int compareIps(Object x, Object y) {
        byte[] a = IpLiteral.docValueBytes(x.toString());
        byte[] b = IpLiteral.docValueBytes(y.toString());
        if (a == null || b == null) {
            return a == b ? compareValues(x, y) : a == null ? 1 : -1;
        }
        return java.util.Arrays.compareUnsigned(a, b);
    }

    /** Compares two non-null cell values: numbers numerically, text by code point (UTF-8 byte order, as Elasticsearch). */
    static int compareValues(Object x, Object y) {
        if (x instanceof Number n && y instanceof Number m) {
            if ((x instanceof Integer || x instanceof Long) && (y instanceof Integer || y instanceof Long)) {
                return Long.compare(n.longValue(), m.longValue());
            }
            return Double.compare(n.doubleValue(), m.doubleValue());
        }
        if (x instanceof Instant i && y instanceof Instant j) {
            return i.compareTo(j);
        }
        if (x instanceof Boolean p && y instanceof Boolean q) {
            return Boolean.compare(p, q);
        }
        if (x instanceof List<?> l && y instanceof List<?> k) {
            for (int i = 0; i < Math.min(l.size(), k.size()); i++) {
                int c = compareValues(l.get(i), k.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(l.size(), k.size());
        }
        if (x instanceof List<?> l) {
            int c = compareValues(l.get(0), y);
            return c != 0 ? c : 1;
        }
        if (y instanceof List<?> k) {
            int c = compareValues(x, k.get(0));
            return c != 0 ? c : -1;
        }
        return codePoints(x.toString(), y.toString());
    }

    private static int codePoints(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }
}
