package dev.trailhunt.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of a csv-spec dataset ({@code data/*.csv}) into entries, as Elasticsearch's
 * {@code CsvTestUtils.multiValuesAwareCsvToStringArray} does.
 *
 * <p>This is not CSV: the line splits on commas not preceded by a backslash, each piece is trimmed,
 * and the pieces from one starting with {@code [} to one ending with {@code ]} are joined back with
 * {@code ,} (brackets dropped) into one multi-valued entry. {@code [x]} is the entry {@code x} and
 * {@code []} the empty entry.
 */
final class DatasetLine {
    private DatasetLine() {}

    /** Returns the entries of {@code line}, which must already be trimmed. */
    static List<String> entries(String line, int lineNumber) {
        List<String> entries = new ArrayList<>();
        StringBuilder multiValue = null;
        int start = 0;
        int from = 0;
        while (true) {
            int comma = line.indexOf(',', from);
            if (comma > 0 && line.charAt(comma - 1) == '\\') {
                from = comma + 1;
                continue;
            }
            boolean last = comma < 0;
            String entry = line.substring(start, last ? line.length() : comma).trim();
            if (entry.startsWith("[")) {
                if (multiValue != null || (last && !entry.endsWith("]"))) {
                    throw new SpecFormatException("line " + lineNumber + ": unexpected start of a multi-value at [" + entry + "]");
                }
                if (entry.endsWith("]")) {
                    entries.add(entry.length() > 2 ? entry.substring(1, entry.length() - 1) : "");
                } else {
                    multiValue = new StringBuilder(entry.substring(1));
                }
            } else if (entry.endsWith("]")) {
                if (multiValue == null) {
                    throw new SpecFormatException("line " + lineNumber + ": unexpected end of a multi-value at [" + entry + "]");
                }
                multiValue.append(',').append(entry, 0, entry.length() - 1);
                entries.add(multiValue.toString());
                multiValue = null;
            } else if (multiValue != null) {
                if (entry.isEmpty()) {
                    throw new SpecFormatException("line " + lineNumber + ": missing value inside a multi-value");
                }
                multiValue.append(',').append(entry);
            } else {
                entries.add(entry);
            }
            if (last) {
                break;
            }
            start = comma + 1;
            from = start;
        }
        if (multiValue != null) {
            throw new SpecFormatException("line " + lineNumber + ": multi-value is not closed");
        }
        return entries;
    }
}
