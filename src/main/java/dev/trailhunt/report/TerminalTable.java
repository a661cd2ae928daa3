package dev.trailhunt.report;

import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a result as an aligned text table that fits a terminal width: the widest columns give
 * way first, and text that no longer fits is shortened in the middle with {@value #MARK}, keeping
 * the start and the more telling end of values such as ARNs. Control characters in values and
 * names are shown as escapes ({@link Visible}), so that log data cannot drive the terminal.
 */
public final class TerminalTable {
    /** Marks text shortened to fit. */
    public static final String MARK = "…";
    private static final String SEP = " | ";
    private static final int MIN_WIDTH = 8;
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";

    private final int width;
    private final boolean colour;

    /**
     * Creates a writer.
     *
     * @param width the terminal width in characters, or 0 for no limit
     * @param colour whether to use ANSI bold headers and dim nulls (only on a terminal, never with NO_COLOR)
     */
    public TerminalTable(int width, boolean colour) {
        this.width = width;
        this.colour = colour;
    }

    /** Writes the table and tells whether any text was shortened. */
    public boolean write(ResultTable table, Writer out) {
        List<String> names = table.columns().stream().map(c -> Visible.text(c.name())).toList();
        List<ResultColumn> cols = table.columns();
        int n = cols.size();
        List<List<String>> cells = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            List<String> texts = new ArrayList<>(n);
            for (Object v : row) {
                texts.add(Visible.text(CellText.of(v)));
            }
            cells.add(texts);
        }
        int[] widths = new int[n];
        for (int i = 0; i < n; i++) {
            widths[i] = length(names.get(i));
            for (List<String> r : cells) {
                widths[i] = Math.max(widths[i], length(r.get(i)));
            }
        }
        fit(widths);
        boolean shortened = false;
        try {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < n; i++) {
                String h = shorten(names.get(i), widths[i]);
                shortened |= !h.equals(names.get(i));
                line.append(i == 0 ? "" : SEP).append(paint(BOLD, pad(h, widths[i], cols.get(i).type().isNumeric())));
            }
            out.write(stripEnd(line) + "\n");
            line.setLength(0);
            for (int i = 0; i < n; i++) {
                line.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
            }
            out.write(line + "\n");
            for (int r = 0; r < cells.size(); r++) {
                line.setLength(0);
                for (int i = 0; i < n; i++) {
                    String text = cells.get(r).get(i);
                    String s = shorten(text, widths[i]);
                    shortened |= !s.equals(text);
                    Object v = table.rows().get(r).get(i);
                    String padded = pad(s, widths[i], cols.get(i).type().isNumeric());
                    line.append(i == 0 ? "" : SEP).append(v == null ? paint(DIM, padded) : padded);
                }
                out.write(stripEnd(line) + "\n");
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return shortened;
    }

    private void fit(int[] widths) {
        if (width <= 0 || widths.length == 0) {
            return;
        }
        int budget = width - SEP.length() * (widths.length - 1);
        int total = 0;
        for (int w : widths) {
            total += w;
        }
        while (total > budget) {
            int widest = 0;
            for (int i = 1; i < widths.length; i++) {
                if (widths[i] > widths[widest]) {
                    widest = i;
                }
            }
            if (widths[widest] <= MIN_WIDTH) {
                return;
            }
            widths[widest]--;
            total--;
        }
    }

    /** Shortens text to a width by cutting its middle, keeping more of the end, where ARNs name the principal. */
    static String shorten(String s, int w) {
        int len = length(s);
        if (len <= w) {
            return s;
        }
        if (w <= 1) {
            return MARK;
        }
        int keep = w - 1;
        int head = keep * 2 / 5;
        int tail = keep - head;
        int[] cps = s.codePoints().toArray();
        return new String(cps, 0, head) + MARK + new String(cps, cps.length - tail, tail);
    }

    private String paint(String code, String s) {
        return colour ? code + s + RESET : s;
    }

    private static String pad(String s, int w, boolean right) {
        String fill = " ".repeat(Math.max(0, w - length(s)));
        return right ? fill + s : s + fill;
    }

    private static String stripEnd(CharSequence s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.subSequence(0, end).toString();
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
