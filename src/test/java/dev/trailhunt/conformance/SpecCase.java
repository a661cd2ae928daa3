package dev.trailhunt.conformance;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds one csv-spec test case as written.
 *
 * @param file the spec file name, e.g. {@code dissect.csv-spec}
 * @param name the test name (before any {@code #} instructions)
 * @param instructions the text after {@code #} on the name line, or empty
 * @param line the 1-based line of the name
 * @param capabilities the {@code required_capability:} values, in order
 * @param query the query with lines joined by {@code \r\n} and the final {@code ;} removed
 * @param warnings the exact expected warnings
 * @param warningRegexes the expected warning regexes
 * @param ignoreOrder whether rows compare as a multiset
 * @param resultLines the header and data lines of the expected table, trimmed
 */
record SpecCase(
        String file,
        String name,
        String instructions,
        int line,
        List<String> capabilities,
        String query,
        List<String> warnings,
        List<String> warningRegexes,
        boolean ignoreOrder,
        List<String> resultLines) {

    SpecCase {
        capabilities = List.copyOf(capabilities);
        warnings = List.copyOf(warnings);
        warningRegexes = List.copyOf(warningRegexes);
        resultLines = List.copyOf(resultLines);
    }

    /**
     * Lists the version the corpus's expectations describe: the copied files are from Elasticsearch 9.x
     * development, so a {@code skip} range reaching 9.0.0 or beyond means Elasticsearch does not run the case.
     */
    static final List<Integer> CORPUS_VERSION = List.of(9, 0, 0);

    private static final Pattern SKIP = Pattern.compile("skip\\s*:\\s*([0-9.]*)\\s*-\\s*([0-9.]*)");

    /**
     * Tells whether Elasticsearch runs the case: a name ending in {@code -Ignore} switches it off, and
     * so does a {@code #[skip:low-high]} range whose upper end (empty: the current version) is not below
     * {@link #CORPUS_VERSION}.
     */
    boolean enabled() {
        if (name.endsWith("-Ignore")) {
            return false;
        }
        Matcher m = SKIP.matcher(instructions);
        return !m.find() || (!m.group(2).isEmpty() && compareVersions(m.group(2), CORPUS_VERSION) < 0);
    }

    private static int compareVersions(String version, List<Integer> other) {
        String[] parts = version.split("\\.");
        for (int i = 0; i < other.size(); i++) {
            int v = i < parts.length && !parts[i].isEmpty() ? Integer.parseInt(parts[i]) : 0;
            if (v != other.get(i)) {
                return Integer.compare(v, other.get(i));
            }
        }
        return 0;
    }

    /** Returns {@code file:name}, the identity used in reports. */
    String id() {
        return file + ":" + name;
    }
}
