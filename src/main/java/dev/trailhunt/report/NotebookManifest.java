package dev.trailhunt.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailhunt.model.Sha256;
import java.nio.charset.StandardCharsets;

/**
 * Keeps a notebook's manifest where Jupyter's save keeps it, in the notebook-level {@code metadata.trailhunt}, and hashes
 * only what a save keeps: the manifest as canonical JSON (sorted keys, Jackson's number text) and, for the report's own
 * hash, each cell's type and source and each query result's text, never the file's JSON layout, cell ids or execution
 * counts. A chart output is left out too: running the notebook shows the rows again but not the stored chart.
 */
final class NotebookManifest {
    /** Starts the text a notebook's report hash covers, so that table lookups know they read a notebook. */
    static final String HEAD = "trailhunt notebook cells\n";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper SORTED = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private NotebookManifest() {}

    /** Returns the text of the cells that the report hash covers and that verify searches for result tables. */
    static String visible(JsonNode cells) {
        StringBuilder b = new StringBuilder(HEAD);
        for (JsonNode c : cells) {
            b.append("\n[").append(c.path("cell_type").asText()).append("]\n").append(text(c.path("source"))).append('\n');
            for (JsonNode o : c.path("outputs")) {
                if (o.path("output_type").asText().equals("execute_result")) {
                    b.append("[result]\n").append(text(o.path("data").path("text/plain"))).append('\n')
                            .append(text(o.path("data").path("text/html"))).append('\n');
                }
            }
        }
        return b.toString();
    }

    /** Joins nbformat's multiline string, stored either as one string or as a list of lines. */
    private static String text(JsonNode lines) {
        if (lines.isTextual()) {
            return lines.asText();
        }
        StringBuilder b = new StringBuilder();
        lines.forEach(l -> b.append(l.asText()));
        return b.toString();
    }

    /**
     * Returns the notebook metadata entry: the manifest and the SHA-256 of its canonical JSON, as maps that the notebook
     * writer prints with sorted keys, as Jupyter saves them, so that a save changes as little as it can.
     */
    static java.util.Map<String, Object> metadata(ObjectNode manifest) {
        java.util.Map<String, Object> n = new java.util.TreeMap<>();
        try {
            n.put("manifest", JSON.treeToValue(manifest, Object.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
        n.put("sha256", canonicalSha256(manifest));
        return n;
    }

    /** Hashes JSON in a form that a re-save cannot change: keys sorted, numbers and strings as Jackson writes them. */
    static String canonicalSha256(JsonNode node) {
        try {
            Object plain = JSON.treeToValue(node, Object.class);
            return Sha256.hex(SORTED.writeValueAsString(plain).getBytes(StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Reads the manifest of a notebook.
     *
     * @throws ManifestException when the document is not a notebook or holds no trailhunt manifest
     */
    static ReportManifest.Manifest read(String document) {
        JsonNode nb;
        try {
            nb = JSON.readTree(document);
        } catch (java.io.IOException e) {
            throw new ManifestException("the report starts like JSON but is not a readable notebook (not Markdown or HTML either)");
        }
        if (nb == null || !nb.has("cells")) {
            throw new ManifestException("the report is JSON but not a Jupyter notebook");
        }
        JsonNode entry = nb.path("metadata").path("trailhunt");
        if (!entry.isObject()) {
            throw new ManifestException("the notebook holds no trailhunt manifest (written by an older trailhunt, or not by trailhunt)");
        }
        String visible = visible(nb.path("cells"));
        JsonNode root = entry.path("manifest");
        if (!root.isObject() || !"trailhunt-report/1".equals(root.path("manifest").asText())) {
            return ReportManifest.Manifest.broken(visible, "the manifest is not a trailhunt-report/1 manifest");
        }
        boolean intact = canonicalSha256(root).equals(entry.path("sha256").asText());
        return ReportManifest.Manifest.of(root, visible, intact);
    }
}
