package dev.trailhunt.translate;

/**
 * Reports a query that cannot be translated, positioned at the offending source text.
 *
 * <p>The message is one line: {@code unsupported: <what> at line:col} for a feature trailhunt does
 * not implement ({@code unsupported on trino: <what> at line:col} when only another engine lacks it),
 * {@code line:col: <message>} for a semantic error such as an unknown column.
 */
public class EsqlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Distinguishes an unimplemented feature from an error in the query. */
    public enum Kind { UNSUPPORTED, SEMANTIC }

    private final Kind kind;
    private final int line;
    private final int column;

    private EsqlException(Kind kind, int line, int column, String message) {
        super(message);
        this.kind = kind;
        this.line = line;
        this.column = column;
    }

    /** Creates the error for a feature trailhunt does not implement. */
    public static EsqlException unsupported(String what, int line, int column) {
        return new EsqlException(Kind.UNSUPPORTED, line, column, "unsupported: " + what + " at " + line + ":" + column);
    }

    /** Creates the error for a feature trailhunt translates for DuckDB but not for another engine. */
    public static EsqlException unsupportedOn(Dialect dialect, String what, int line, int column) {
        return new EsqlException(Kind.UNSUPPORTED, line, column,
                "unsupported on " + dialect.label() + ": " + what + " at " + line + ":" + column);
    }

    /** Creates the error for a query that Elasticsearch would also reject. */
    public static EsqlException semantic(String message, int line, int column) {
        return new EsqlException(Kind.SEMANTIC, line, column, line + ":" + column + ": " + message);
    }

    /** Returns whether the feature is unsupported or the query is wrong. */
    public Kind kind() {
        return kind;
    }

    /** Returns the 1-based line of the offending text. */
    public int line() {
        return line;
    }

    /** Returns the 1-based column of the offending text. */
    public int column() {
        return column;
    }
}
