package dev.trailhunt.hunt;

import java.util.Locale;
import java.util.regex.Pattern;

/** Names the language of one hunt query, so that only ES|QL and trusted DuckDB SQL are run. */
public enum QueryLanguage {
    ESQL("ES|QL"),
    DUCKDB_SQL("DuckDB SQL"),
    OSQUERY_SQL("osquery SQL"),
    EQL("EQL"),
    UNKNOWN("unknown language");

    private static final Pattern LEADING_NOISE = Pattern.compile("\\A(?:\\s+|//[^\\n]*\\n?|/\\*.*?\\*/)*", Pattern.DOTALL);

    private final String label;

    QueryLanguage(String label) {
        this.label = label;
    }

    /** Returns the name a hunter knows the language by. */
    public String label() {
        return label;
    }

    /**
     * Classifies a query from an Elastic hunt file by its first word, because Elastic lists the
     * languages of a hunt ({@code ["ES|QL", "SQL"]}) but not of each query.
     */
    public static QueryLanguage classify(String text) {
        String rest = LEADING_NOISE.matcher(text).replaceFirst("");
        int end = 0;
        while (end < rest.length() && (Character.isLetter(rest.charAt(end)) || rest.charAt(end) == '_')) {
            end++;
        }
        String first = rest.substring(0, end).toLowerCase(Locale.ROOT);
        return switch (first) {
            case "from", "row", "show", "metrics", "ts" -> ESQL;
            case "select", "with" -> OSQUERY_SQL;
            case "sequence", "sample", "any", "process", "file", "network", "registry", "library", "dns",
                    "authentication", "iam", "configuration", "api" -> EQL;
            // Some upstream Linux hunts start with a stray "sql" line before an ES|QL or SQL body.
            case "sql" -> classify(rest.substring(end));
            default -> UNKNOWN;
        };
    }
}
