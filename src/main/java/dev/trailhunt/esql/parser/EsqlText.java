package dev.trailhunt.esql.parser;

/**
 * Writes values into ES|QL text that trailhunt generates (timelines, pivots) so that the parser reads back
 * exactly the value: a string becomes one {@code "…"} literal with ES|QL's escapes, whatever it holds.
 */
public final class EsqlText {
    private EsqlText() {}

    /** Returns {@code value} as an ES|QL string literal. */
    public static String string(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** Returns a column name as ES|QL reads it: plain when it is a dotted identifier, else in backquotes. */
    public static String name(String column) {
        if (column.matches("@?[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
            return column;
        }
        return "`" + column.replace("`", "``") + "`";
    }
}
