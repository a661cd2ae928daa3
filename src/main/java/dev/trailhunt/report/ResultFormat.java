package dev.trailhunt.report;

import java.util.Locale;

/** Names an output format of the hunt and query commands. */
public enum ResultFormat {
    TABLE, CSV, JSON, NDJSON, MARKDOWN, HTML, IPYNB;

    /** Tells whether the format is a whole report (metadata, cells, provenance) rather than bare rows. */
    public boolean isReport() {
        return this == MARKDOWN || this == HTML || this == IPYNB;
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
