package dev.trailhunt.translate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles an Elasticsearch dissect pattern into one anchored RE2 regex with a capture group per key.
 *
 * <p>Dissect finds each delimiter at its first occurrence after the previous one, left to right,
 * without backtracking; lazy groups {@code (.*?)} from an anchored start find the same split. A
 * final key takes the rest of the input; text after a final delimiter is ignored; {@code %{k->}}
 * swallows repeats of the next delimiter; {@code %{}} and {@code %{?k}} match without a column;
 * {@code %{+k}} and {@code %{+k/N}} append pieces with the append separator.
 */
public final class DissectPattern {
    private static final Pattern KEY = Pattern.compile("%\\{([^}]*)}");
    private static final Pattern APPEND_ORDER = Pattern.compile("(.*)/(\\d+)");

    /** Names one output column and the capture groups (1-based) whose values it joins, in order. */
    public record Output(String name, List<Integer> groups) {
        public Output {
            groups = List.copyOf(groups);
        }
    }

    private final String regex;
    private final int groupCount;
    private final List<Output> outputs;
    private final String appendSeparator;

    private DissectPattern(String regex, int groupCount, List<Output> outputs, String appendSeparator) {
        this.regex = regex;
        this.groupCount = groupCount;
        this.outputs = List.copyOf(outputs);
        this.appendSeparator = appendSeparator;
    }

    /** Returns the RE2 regex; it matches exactly when dissect matches. */
    public String regex() {
        return regex;
    }

    /** Returns the number of capture groups in {@link #regex()}. */
    public int groupCount() {
        return groupCount;
    }

    /** Returns the output columns in the order ES|QL appends them (first appearance). */
    public List<Output> outputs() {
        return outputs;
    }

    /** Returns the separator that joins the pieces of an append key. */
    public String appendSeparator() {
        return appendSeparator;
    }

    private record Piece(String name, int group, int order, int seq) {}

    /**
     * Parses a dissect pattern.
     *
     * @throws IllegalArgumentException with a one-line reason when Elasticsearch would reject it
     */
    public static DissectPattern parse(String pattern, String appendSeparator) {
        String sep = appendSeparator == null ? "" : appendSeparator;
        Matcher m = KEY.matcher(pattern);
        List<String> delimiters = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        int last = 0;
        while (m.find()) {
            delimiters.add(pattern.substring(last, m.start()));
            keys.add(m.group(1));
            last = m.end();
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("Unable to find any keys or delimiters in dissect pattern [" + pattern + "]");
        }
        String trailing = pattern.substring(last);
        StringBuilder re = new StringBuilder("(?s)^");
        re.append(Re2.quote(delimiters.get(0)));
        Map<String, List<Piece>> byName = new LinkedHashMap<>();
        int group = 0;
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            boolean padded = key.endsWith("->");
            if (padded) {
                key = key.substring(0, key.length() - 2);
            }
            String next = i + 1 < keys.size() ? delimiters.get(i + 1) : trailing;
            boolean lastKey = i + 1 == keys.size();
            boolean skip = key.isEmpty() || key.startsWith("?");
            if (key.startsWith("*") || key.startsWith("&")) {
                throw new IllegalArgumentException("reference keys are not supported in DISSECT [" + key + "]");
            }
            String body = lastKey && next.isEmpty() ? ".*" : ".*?";
            if (skip) {
                re.append("(?:").append(body).append(')');
            } else {
                group++;
                re.append('(').append(body).append(')');
                boolean append = key.startsWith("+");
                String name = append ? key.substring(1) : key;
                int order = Integer.MAX_VALUE;
                if (append) {
                    Matcher o = APPEND_ORDER.matcher(name);
                    if (o.matches()) {
                        name = o.group(1);
                        order = Integer.parseInt(o.group(2));
                    }
                }
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("empty append key in dissect pattern [" + pattern + "]");
                }
                List<Piece> pieces = byName.computeIfAbsent(name, n -> new ArrayList<>());
                if (!append) {
                    // A plain key named twice keeps its last value, as dissect overwrites it.
                    pieces.clear();
                }
                pieces.add(new Piece(name, group, order, i));
            }
            if (!next.isEmpty()) {
                String d = Re2.quote(next);
                re.append(padded ? "(?:" + d + ")+" : d);
            }
        }
        List<Output> outputs = new ArrayList<>();
        for (Map.Entry<String, List<Piece>> e : byName.entrySet()) {
            List<Piece> pieces = new ArrayList<>(e.getValue());
            pieces.sort(Comparator.comparingInt(Piece::order).thenComparingInt(Piece::seq));
            outputs.add(new Output(e.getKey(), pieces.stream().map(Piece::group).toList()));
        }
        return new DissectPattern(re.toString(), group, outputs, sep);
    }
}
