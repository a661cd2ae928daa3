package dev.trailhunt.report;

import java.util.Locale;

/** Names an output format of the hunt and query commands. */
public enum ResultFormat {
    TABLE, VERTICAL, CSV, JSON, NDJSON, MARKDOWN, HTML, IPYNB;

    /** Tells whether the format is a whole report (metadata, cells, provenance) rather than bare rows. */
    public boolean isReport() {
        return this == MARKDOWN || this == HTML || this == IPYNB;
    }

    /** Tells whether the format is terminal text (an aligned table or vertical rows), which holds any number of results. */
    public boolean isTerminal() {
        return this == TABLE || this == VERTICAL;
    }

    /** Lists the format names as the command line takes them, lower-case, for help and completion. */
    public static java.util.List<String> names() {
        return java.util.Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList();
    }

    /** Guesses the format from an output file name, or returns null when the extension says nothing. */
    public static ResultFormat fromFileName(String fileName) {
        String f = fileName.toLowerCase(Locale.ROOT);
        if (f.endsWith(".md") || f.endsWith(".markdown")) {
            return MARKDOWN;
        }
        if (f.endsWith(".html") || f.endsWith(".htm")) {
            return HTML;
        }
        if (f.endsWith(".ipynb")) {
            return IPYNB;
        }
        if (f.endsWith(".csv")) {
            return CSV;
        }
        if (f.endsWith(".ndjson") || f.endsWith(".jsonl")) {
            return NDJSON;
        }
        if (f.endsWith(".json")) {
            return JSON;
        }
        return null;
    }
}
