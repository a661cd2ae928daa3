package dev.trailhunt.report;

import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import dev.trailhunt.model.ValueType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a result as an aligned text table that fits a terminal width, or as vertical rows (one
 * field per line) when asked or when even the shortened table does not fit.
 *
 * <p>Timestamps, numbers, booleans, addresses and versions are never cut: a half timestamp reads as
 * another time. Only text gives way, the widest column first, and is shortened in the middle with
 * {@value #MARK}, keeping the start and the more telling end of values such as ARNs. Control
 * characters in values and names are shown as escapes ({@link Visible}), so that log data cannot
 * drive the terminal.
 */
public final class TerminalTable {
    /** Marks text shortened to fit. */
    public static final String MARK = "…";
    private static final String SEP = " | ";
    private static final int MIN_WIDTH = 8;
    /** Text narrower than this says too little (an ARN cut to {@code arn:…om}); vertical rows show it better. */
    private static final int MIN_TEXT_WIDTH = 12;
    /** Text up to this width is kept whole when the other columns can give way instead. */
    private static final int SHORT_TEXT = 20;
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";

    private final int width;
    private final boolean colour;
    private final boolean vertical;

    /**
     * Creates a writer that switches to vertical rows only when the table cannot fit.
     *
     * @param width the terminal width in characters, or 0 for no limit
     * @param colour whether to use ANSI bold headers and dim nulls (only on a terminal, never with NO_COLOR)
     */
    public TerminalTable(int width, boolean colour) {
        this(width, colour, false);
    }

    /**
     * Creates a writer.
     *
     * @param width the terminal width in characters, or 0 for no limit
     * @param colour whether to use ANSI bold headers and dim nulls
     * @param vertical whether to always write one field per line ({@code -f vertical}, the shell's {@code \x})
     */
    public TerminalTable(int width, boolean colour, boolean vertical) {
        this.width = width;
        this.colour = colour;
        this.vertical = vertical;
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
        int[] minimums = new int[n];
        for (int i = 0; i < n; i++) {
            int values = 0;
            for (List<String> r : cells) {
                values = Math.max(values, length(r.get(i)));
            }
            widths[i] = Math.max(length(names.get(i)), values);
            // A whole value of a kept column and at least a readable part of its name.
            minimums[i] = keepsWhole(cols.get(i).type()) ? Math.max(values, Math.min(length(names.get(i)), MIN_WIDTH))
                    : Math.min(widths[i], MIN_TEXT_WIDTH);
        }
        try {
            if (vertical || !fit(widths, minimums)) {
                return writeVertical(names, cols, cells, table, out);
            }
            return writeTable(names, cols, cells, widths, table, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tells whether values of a type are never cut: a cut time, number or address would read as another value. */
    static boolean keepsWhole(ValueType type) {
        return switch (type) {
            case INTEGER, LONG, UNSIGNED_LONG, DOUBLE, BOOLEAN, DATETIME, DATE_NANOS, IP, VERSION, GEO_POINT -> true;
            case KEYWORD, TEXT, NULL, UNSUPPORTED -> false;
        };
    }

    private boolean writeTable(List<String> names, List<ResultColumn> cols, List<List<String>> cells, int[] widths,
            ResultTable table, Writer out) throws IOException {
        int n = cols.size();
        boolean shortened = false;
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
        return shortened;
    }

    /** Writes one block per row, one {@code name | value} line per field, as psql's expanded display. */
    private boolean writeVertical(List<String> names, List<ResultColumn> cols, List<List<String>> cells, ResultTable table,
            Writer out) throws IOException {
        int nameWidth = 0;
        for (String name : names) {
            nameWidth = Math.max(nameWidth, length(name));
        }
        if (width > 0) {
            // Names give way before values do, but stay readable.
            nameWidth = Math.min(nameWidth, Math.max(MIN_WIDTH * 2, width / 3));
        }
        int valueWidth = width > 0 ? Math.max(MIN_WIDTH, width - nameWidth - SEP.length()) : 0;
        boolean shortened = false;
        if (cells.isEmpty()) {
            out.write("(no rows)\n");
        }
        for (int r = 0; r < cells.size(); r++) {
            String title = "-[ row " + (r + 1) + " ]";
            int rule = width > 0 ? Math.max(0, width - length(title)) : Math.max(0, nameWidth + SEP.length() + 10 - length(title));
            out.write(paint(BOLD, title + "-".repeat(rule)) + "\n");
            for (int i = 0; i < cols.size(); i++) {
                String name = shorten(names.get(i), nameWidth);
                shortened |= !name.equals(names.get(i));
                String text = cells.get(r).get(i);
                String s = valueWidth == 0 || keepsWhole(cols.get(i).type()) ? text : shorten(text, valueWidth);
                shortened |= !s.equals(text);
                Object v = table.rows().get(r).get(i);
                out.write(stripEnd(pad(name, nameWidth, false) + SEP + (v == null ? paint(DIM, s) : s)) + "\n");
            }
        }
        out.flush();
        return shortened;
    }

    /** Narrows text columns, the widest first, until the table fits; returns false when even the narrowest does not. */
    private boolean fit(int[] widths, int[] minimums) {
        if (width <= 0 || widths.length == 0) {
            return true;
        }
        int budget = width - SEP.length() * (widths.length - 1);
        int total = 0;
        int least = 0;
        for (int i = 0; i < widths.length; i++) {
            total += widths[i];
            least += minimums[i];
        }
        if (least > budget) {
            return false;
        }
        // Short text (an action name, a region) stays whole while the long text beside it can still show MIN_TEXT_WIDTH:
        // cutting GetSecretValue to GetS…retValue to give an ARN one more character helps no one.
        Integer[] byWidth = new Integer[widths.length];
        for (int i = 0; i < widths.length; i++) {
            byWidth[i] = i;
        }
        java.util.Arrays.sort(byWidth, java.util.Comparator.comparingInt(i -> widths[i]));
        for (int i : byWidth) {
            if (widths[i] > minimums[i] && widths[i] <= SHORT_TEXT && least - minimums[i] + widths[i] <= budget) {
                least += widths[i] - minimums[i];
                minimums[i] = widths[i];
            }
        }
        while (total > budget) {
            int widest = -1;
            for (int i = 0; i < widths.length; i++) {
                if (widths[i] > minimums[i] && (widest < 0 || widths[i] > widths[widest])) {
                    widest = i;
                }
            }
            widths[widest]--;
            total--;
        }
        return true;
    }

    /**
     * Shortens text to a width by cutting its middle, keeping more of the end, where ARNs name the
     * principal; an ARN keeps its account whole when the width allows. Every format cuts identities with this one rule.
     */
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
        int account = accountEnd(s);
        if (account > head && keep - account >= MIN_TEXT_WIDTH) {
            // An ARN keeps its partition, service and account whole (arn:aws:sts::111122223333:) and then its principal's end.
            head = account;
        }
        int tail = keep - head;
        int[] cps = s.codePoints().toArray();
        return new String(cps, 0, head) + MARK + new String(cps, cps.length - tail, tail);
    }

    /** Returns the length of an ARN's head up to and including the colon after its account, or 0 for other text. */
    private static int accountEnd(String s) {
        if (!s.startsWith("arn:")) {
            return 0;
        }
        int at = -1;
        for (int i = 0; i < 5; i++) {
            at = s.indexOf(':', at + 1);
            if (at < 0) {
                return 0;
            }
        }
        // Only ASCII heads: the index is then also a code point count.
        return s.substring(0, at + 1).chars().allMatch(c -> c < 0x80) ? at + 1 : 0;
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
