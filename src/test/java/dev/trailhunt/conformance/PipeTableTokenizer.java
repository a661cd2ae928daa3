package dev.trailhunt.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a csv-spec result table into cells the way SuperCSV's {@code CsvListReader} does with
 * delimiter {@code |} and quote {@code "}.
 *
 * <p>A quote opens or closes a quoted section wherever it appears in a cell and is dropped; inside
 * a quoted section {@code ""} is one literal quote, {@code |} is text and a line end is kept as
 * {@code \n} (the cell continues on the next line). A cell with no characters at all is
 * {@code null}; spaces are kept (callers trim).
 */
final class PipeTableTokenizer {
    private static final char DELIMITER = '|';
    private static final char QUOTE = '"';

    private PipeTableTokenizer() {}

    /** Returns the rows of cells in {@code lines}, skipping empty lines between rows. */
    static List<List<String>> rows(List<String> lines) {
        List<List<String>> rows = new ArrayList<>();
        int next = 0;
        while (next < lines.size()) {
            String first = lines.get(next++);
            if (first.isEmpty()) {
                continue;
            }
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            String line = first;
            int i = 0;
            while (true) {
                if (i == line.length()) {
                    if (!quoted) {
                        row.add(cell.length() == 0 ? null : cell.toString());
                        break;
                    }
                    if (next >= lines.size()) {
                        throw new SpecFormatException("unexpected end of table inside a quoted cell starting with: " + cell);
                    }
                    cell.append('\n');
                    line = lines.get(next++);
                    i = 0;
                    continue;
                }
                char c = line.charAt(i);
                if (quoted) {
                    if (c == QUOTE) {
                        if (i + 1 < line.length() && line.charAt(i + 1) == QUOTE) {
                            cell.append(QUOTE);
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        cell.append(c);
                    }
                } else if (c == DELIMITER) {
                    row.add(cell.length() == 0 ? null : cell.toString());
                    cell.setLength(0);
                } else if (c == QUOTE) {
                    quoted = true;
                } else {
                    cell.append(c);
                }
                i++;
            }
            rows.add(row);
        }
        return rows;
    }
}
