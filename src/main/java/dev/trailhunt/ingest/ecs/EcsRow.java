package dev.trailhunt.ingest.ecs;

import dev.trailhunt.model.EcsSchema;
import dev.trailhunt.model.IpLiteral;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Accumulates one event's cell values aligned with {@link EcsSchema#columns()}, applying the pipeline's
 * final cleanup (empty strings are absent) and ES|QL's view of keyword lists (sorted, de-duplicated).
 */
final class EcsRow {

    private final Object[] cells = new Object[EcsSchema.columns().size()];
    private final List<List<String>> lists = new ArrayList<>();
    private final List<Integer> listColumns = new ArrayList<>();

    /** Sets column {@code index} to {@code value}; null and "" leave it absent. */
    void put(int index, Object value) {
        if (value == null || (value instanceof String && ((String) value).isEmpty())) {
            cells[index] = null;
        } else {
            cells[index] = value;
        }
    }

    /** Returns the current value of column {@code index} (lists come back only after {@link #finish()}). */
    Object get(int index) {
        return cells[index];
    }

    /** Returns the string in column {@code index}, or null. */
    String text(int index) {
        return (String) cells[index];
    }

    /** Appends {@code value} to the keyword list in column {@code index}; null and "" are skipped. */
    void add(int index, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        int at = listColumns.indexOf(index);
        List<String> list;
        if (at < 0) {
            list = new ArrayList<>(4);
            listColumns.add(index);
            lists.add(list);
        } else {
            list = lists.get(at);
        }
        list.add(value);
    }

    /** Tells whether the keyword list in column {@code index} has any value yet. */
    boolean hasList(int index) {
        return listColumns.contains(index);
    }

    /** Sets column {@code index} to an already sorted, de-duplicated list. */
    void putList(int index, List<String> sorted) {
        cells[index] = sorted;
    }

    /** Sorts and de-duplicates every keyword list and returns the cells. */
    Object[] finish() {
        for (int i = 0; i < listColumns.size(); i++) {
            int column = listColumns.get(i);
            cells[column] = sortedDistinct(lists.get(i), column == EcsMapper.RELATED_IP);
        }
        return cells;
    }

    /** Compares by code point, which is the UTF-8 byte order Elasticsearch's keyword doc values use. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static List<String> sortedDistinct(List<String> values, boolean ipOrder) {
        if (ipOrder) {
            values.sort(IpLiteral.DOC_VALUE_ORDER);
        } else {
            values.sort(EcsRow::compareCodePoints);
        }
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) {
            if (out.isEmpty() || !out.get(out.size() - 1).equals(v)) {
                out.add(v);
            }
        }
        return Collections.unmodifiableList(out);
    }
}
