package dev.trailhunt.conformance;

import java.util.List;

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

    /** Tells whether Elasticsearch runs the case: a name ending in {@code -Ignore} switches it off. */
    boolean enabled() {
        return !name.endsWith("-Ignore");
    }

    /** Returns {@code file:name}, the identity used in reports. */
    String id() {
        return file + ":" + name;
    }
}
