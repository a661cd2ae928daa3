package dev.trailhunt.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides from a record's raw JSON bytes whether any of a run's queries could select it, without
 * parsing it: each query contributes groups of literals, and a record can match that query only if
 * every group has a literal that occurs in its bytes.
 *
 * <p>It is sound for literals that a field copies verbatim from a JSON string of the record
 * ({@code event.action} from {@code eventName}, {@code event.provider} from {@code eventSource}):
 * such a value can only equal the literal if the literal's bytes occur in the record, unless an
 * escape sequence spells them, which is why {@link RecordsPrefilter} keeps every record holding a
 * backslash. A record it rejects therefore cannot reach any query's result.
 */
public final class RecordFilter {
    private final List<List<List<String>>> queries;

    private RecordFilter(List<List<List<String>>> queries) {
        this.queries = queries;
    }

    /**
     * Returns a filter that keeps a record when, for at least one query, every one of that query's
     * groups has a literal occurring in the record; null when some query has no group (it may select
     * any record) or there is no query.
     *
     * @param queries per query, its groups; per group, the literals any of which the record must contain
     */
    public static RecordFilter anyQuery(List<List<List<String>>> queries) {
        if (queries.isEmpty()) {
            return null;
        }
        List<List<List<String>>> copy = new ArrayList<>();
        for (List<List<String>> groups : queries) {
            if (groups.isEmpty()) {
                return null;
            }
            List<List<String>> g = new ArrayList<>();
            for (List<String> literals : groups) {
                List<String> raw = new ArrayList<>();
                for (String literal : literals) {
                    Objects.requireNonNull(literal, "literal");
                    if (!plain(literal)) {
                        throw new IllegalArgumentException("a filter literal must need no JSON escaping: " + literal);
                    }
                    // Records are searched as Latin-1 strings of their UTF-8 bytes (a byte per char,
                    // which String.indexOf scans with vector instructions), so literals are too.
                    raw.add(new String(literal.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
                }
                g.add(List.copyOf(raw));
            }
            copy.add(List.copyOf(g));
        }
        return new RecordFilter(List.copyOf(copy));
    }

    /** Tells whether a literal's JSON text is its own UTF-8 bytes: no quote, backslash or control character. */
    public static boolean plain(String literal) {
        if (literal.isEmpty()) {
            return false;
        }
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Tells whether some query could select the record whose bytes {@code latin1} holds, one char per byte. */
    boolean mayMatch(String latin1) {
        for (List<List<String>> groups : queries) {
            if (allGroups(groups, latin1)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allGroups(List<List<String>> groups, String record) {
        for (List<String> group : groups) {
            if (!anyLiteral(group, record)) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyLiteral(List<String> literals, String record) {
        for (String l : literals) {
            if (record.contains(l)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "RecordFilter" + queries;
    }
}
