package dev.trailhunt.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code *.csv-spec} file into its cases, following Elasticsearch's {@code SpecReader} and
 * {@code CsvSpecReader}.
 *
 * <p>Every line is trimmed; empty lines and lines starting with {@code //} or {@code #} are skipped
 * everywhere. While idle, a line names the next case; preamble directives follow; the query runs up
 * to the first line ending in {@code ;} (a line ending in {@code \;} is a literal {@code ;} and the
 * query continues); then come result directives and the table, closed by a line starting with {@code ;}.
 *
 * @param name the file name
 * @param cases the cases in file order
 */
record SpecFile(String name, List<SpecCase> cases) {
    /** Lists preamble directive prefixes (lower case) that carry no query text. */
    private static final List<String> PREAMBLE = List.of(
            "required_capability_coordinator:", "missing_capability_coordinator:", "missing_capability_data_node:",
            "pragma:", "request_stored:", "request_time_filter:", "skip_flattened_rewrite:", "approximate:",
            "dataset:", "schema::");
    private static final String CAPABILITY = "required_capability:";

    SpecFile {
        cases = List.copyOf(cases);
    }

    /** Reads a spec file from disk (UTF-8). */
    static SpecFile read(Path file) throws IOException {
        return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Parses spec text.
     *
     * @throws SpecFormatException on a duplicate name, a mixed warning style, or a case without end
     */
    static SpecFile parse(String fileName, String text) {
        List<SpecCase> cases = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        CaseBuilder current = null;
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            int lineNumber = i + 1;
            if (line.isEmpty() || line.startsWith("//") || line.startsWith("#")) {
                continue;
            }
            if (current == null) {
                String[] nameParts = line.split("#", 2);
                String name = nameParts[0].trim();
                Integer previous = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), lineNumber);
                if (previous != null) {
                    throw new SpecFormatException(String.format(Locale.ROOT,
                            "%s: duplicate test name '%s' at line %d (first at line %d)", fileName, name, lineNumber, previous));
                }
                current = new CaseBuilder(fileName, name, nameParts.length == 2 ? nameParts[1] : "", lineNumber);
            } else if (current.accept(line)) {
                cases.add(current.build());
                current = null;
            }
        }
        if (current != null) {
            throw new SpecFormatException(fileName + ": test [" + current.name + "] at line " + current.line + " has no end");
        }
        return new SpecFile(fileName, cases);
    }

    /** Accumulates one case line by line. */
    private static final class CaseBuilder {
        private final String file;
        private final String name;
        private final String instructions;
        private final int line;
        private final List<String> capabilities = new ArrayList<>();
        private final StringBuilder query = new StringBuilder();
        private final List<String> warnings = new ArrayList<>();
        private final List<String> warningRegexes = new ArrayList<>();
        private final List<String> table = new ArrayList<>();
        private boolean inResults;
        private boolean ignoreOrder;

        CaseBuilder(String file, String name, String instructions, int line) {
            this.file = file;
            this.name = name;
            this.instructions = instructions;
            this.line = line;
        }

        /** Consumes a line; returns true when it closes the case. */
        boolean accept(String text) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (!inResults) {
                if (lower.startsWith(CAPABILITY)) {
                    capabilities.add(text.substring(CAPABILITY.length()).trim());
                } else if (PREAMBLE.stream().anyMatch(lower::startsWith)) {
                    return false;
                } else if (text.endsWith("\\;")) {
                    query.append(text, 0, text.length() - 2).append(";\r\n");
                } else if (text.endsWith(";")) {
                    query.append(text, 0, text.length() - 1);
                    inResults = true;
                } else {
                    query.append(text).append("\r\n");
                }
                return false;
            }
            if (lower.startsWith("warning:")) {
                if (!warningRegexes.isEmpty()) {
                    throw new SpecFormatException(file + ": cannot mix warning and warningRegex in [" + name + "]");
                }
                warnings.add(text.substring("warning:".length()).trim());
            } else if (lower.startsWith("warningregex:")) {
                if (!warnings.isEmpty()) {
                    throw new SpecFormatException(file + ": cannot mix warning and warningRegex in [" + name + "]");
                }
                warningRegexes.add(text.substring("warningregex:".length()).trim());
            } else if (lower.startsWith("ignoreorder:")) {
                String value = lower.substring("ignoreorder:".length()).trim();
                if (!value.equals("true") && !value.equals("false")) {
                    throw new SpecFormatException(file + ": invalid ignoreOrder value [" + value + "] in [" + name + "]");
                }
                ignoreOrder = value.equals("true");
            } else if (text.startsWith(";")) {
                return true;
            } else {
                table.add(text);
            }
            return false;
        }

        SpecCase build() {
            return new SpecCase(file, name, instructions, line, capabilities, query.toString().trim(),
                    warnings, warningRegexes, ignoreOrder, table);
        }
    }
}
