package dev.trailhunt.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailhunt.engine.InputFile;
import dev.trailhunt.hunt.HuntDefinition;
import dev.trailhunt.hunt.HuntRun;
import dev.trailhunt.hunt.QueryRun;
import dev.trailhunt.hunt.RunResult;
import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import dev.trailhunt.model.Sha256;
import dev.trailhunt.rules.AlertEvents;
import dev.trailhunt.rules.StoredAlerts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Seals a report with a manifest that lets anyone re-check it: the hunts' query texts, the resolved
 * now, the store's input files (path, SHA-256) and every result row, plus the SHA-256 of the visible
 * text. It travels as base64 JSON in an HTML comment at the end of the Markdown or HTML file: plain
 * ASCII in lines of 76 characters, hidden by renderers, and readable with {@code base64 -d}.
 */
public final class ReportManifest {
    /** Starts the comment that holds the manifest; the visible report is everything before it. */
    static final String MARKER = "<!-- trailhunt-manifest v1 sha256=";
    /** Matches the comment's first line even when a mail client re-wrapped it at its blanks. */
    private static final java.util.regex.Pattern HEADER =
            java.util.regex.Pattern.compile("<!--[\\s>]+trailhunt-manifest[\\s>]+v1[\\s>]+sha256=([0-9a-f]{64})");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LINE = 76;

    private ReportManifest() {}

    /** Returns the report followed by its manifest comment; the same run gives the same bytes. */
    static String seal(String visible, RunResult run) {
        return seal(visible, List.of(run), List.of(""));
    }

    /** Returns the report of a run and its store's alerts followed by its manifest comment. */
    static String seal(String visible, RunResult run, StoredAlerts alerts) {
        return seal(visible, List.of(run), List.of(""), java.util.Collections.singletonList(alerts));
    }

    /** Returns a report over several stores followed by its manifest comment, one run per store. */
    static String seal(String visible, List<RunResult> runs, List<String> stores) {
        return seal(visible, runs, stores, java.util.Collections.nCopies(runs.size(), null));
    }

    private static String seal(String visible, List<RunResult> runs, List<String> stores, List<StoredAlerts> alerts) {
        byte[] json = manifest(runs, stores, alerts, visibleSha256(visible)).toString().getBytes(StandardCharsets.UTF_8);
        String b64 = Base64.getEncoder().encodeToString(json);
        StringBuilder out = new StringBuilder(visible.length() + b64.length() * 77 / 76 + 200).append(visible);
        if (!visible.endsWith("\n")) {
            out.append('\n');
        }
        out.append('\n').append(MARKER).append(Sha256.hex(json)).append('\n');
        for (int i = 0; i < b64.length(); i += LINE) {
            out.append(b64, i, Math.min(b64.length(), i + LINE)).append('\n');
        }
        return out.append("-->\n").toString();
    }

    /**
     * Returns the SHA-256 of the visible report with line ends and trailing blanks normalised, so that
     * a mail client's CRLF or stripped trailing spaces do not read as an edit.
     */
    static String visibleSha256(String visible) {
        StringBuilder b = new StringBuilder(visible.length());
        for (String line : visible.replace("\r\n", "\n").split("\n", -1)) {
            b.append(line.stripTrailing()).append('\n');
        }
        String s = b.toString();
        while (s.endsWith("\n\n")) {
            s = s.substring(0, s.length() - 1);
        }
        return Sha256.hex(s.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns the manifest of runs, one per store, each with the alerts its report shows (null when it shows none), and the
     * SHA-256 of the visible report.
     */
    static ObjectNode manifest(List<RunResult> runs, List<String> stores, List<StoredAlerts> alerts, String visibleSha256) {
        ObjectNode m = JSON.createObjectNode();
        m.put("manifest", "trailhunt-report/1");
        m.put("trailhunt", runs.get(0).trailhuntVersion());
        ArrayNode list = m.putArray("runs");
        for (int i = 0; i < runs.size(); i++) {
            ObjectNode r = run(runs.get(i), stores.get(i));
            if (alerts.get(i) != null) {
                r.set("alerts", alerts(alerts.get(i)));
            }
            list.add(r);
        }
        m.put("report_sha256", visibleSha256);
        return m;
    }

    private static ObjectNode run(RunResult run, String store) {
        ObjectNode m = JSON.createObjectNode();
        m.put("store", store);
        m.put("duckdb", run.profile().duckdbVersion());
        m.put("now", run.now().instant().toString());
        m.put("now_source", run.now().source());
        ArrayNode inputs = m.putArray("inputs");
        for (InputFile f : run.profile().files()) {
            ObjectNode i = inputs.addObject();
            i.put("path", ReportOutline.displayPath(f.path()));
            i.put("sha256", f.sha256());
            i.put("size", f.size());
            i.put("status", f.status());
        }
        ArrayNode hunts = m.putArray("hunts");
        for (HuntRun h : run.hunts()) {
            HuntDefinition d = h.hunt();
            ObjectNode hn = hunts.addObject();
            hn.put("id", d.id());
            hn.put("name", d.name());
            hn.put("location", d.location().isEmpty() ? d.origin().label() : ReportOutline.displayPath(d.location()));
            hn.put("sha256", d.sha256());
            ArrayNode queries = hn.putArray("queries");
            for (QueryRun q : h.queries()) {
                queries.add(query(q));
            }
        }
        return m;
    }

    private static ObjectNode alerts(StoredAlerts stored) {
        ObjectNode n = JSON.createObjectNode();
        n.put("present", stored.present());
        table(n, AlertOutline.table(stored.alerts()));
        ArrayNode events = n.putArray("events");
        for (AlertEvents.Behind b : stored.events()) {
            ObjectNode e = events.addObject();
            e.put("sql", b.sql());
            table(e, b.rows());
        }
        return n;
    }

    private static void table(ObjectNode n, ResultTable t) {
        ArrayNode cols = n.putArray("columns");
        for (ResultColumn c : t.columns()) {
            cols.addObject().put("name", c.name()).put("type", c.type().name());
        }
        ArrayNode rows = n.putArray("rows");
        for (List<Object> row : t.rows()) {
            rows.add(ManifestValues.encode(row));
        }
        n.put("rows_sha256", ManifestValues.rowsSha256(t));
    }

    private static ObjectNode query(QueryRun q) {
        ObjectNode n = JSON.createObjectNode();
        n.put("index", q.query().index());
        n.put("language", q.query().language().name());
        n.put("text", q.query().text());
        n.put("status", q.status().name());
        n.put("sql", q.sql());
        n.put("message", q.message());
        if (q.table() != null) {
            table(n, q.table());
        }
        return n;
    }

    /**
     * Finds a result table in the visible report at or after a position, rendered exactly as the
     * report's format shows it, and returns where it ends, or -1 when the report does not show it.
     */
    public static int findTable(String visible, ResultTable table, int from) {
        String text = visible.startsWith(NotebookManifest.HEAD) ? NotebookPython.plain(table)
                : visible.startsWith("<!DOCTYPE html") ? HtmlReport.tableText(table) : MarkdownReport.tableText(table);
        int at = visible.replace("\r\n", "\n").indexOf(text, from);
        return at < 0 ? -1 : at + text.length();
    }

    /**
     * Finds and reads the manifest of a report.
     *
     * @throws ManifestException when the report has none or it cannot be decoded
     */
    public static Manifest read(String document) {
        if (document.stripLeading().startsWith("{")) {
            return NotebookManifest.read(document);
        }
        java.util.regex.Matcher header = HEADER.matcher(document);
        int at = -1;
        int dataStart = -1;
        String declared = "";
        while (header.find()) {
            at = header.start();
            dataStart = header.end();
            declared = header.group(1);
        }
        if (at < 0) {
            throw new ManifestException("the report holds no trailhunt manifest (written by an older trailhunt, or not by trailhunt)");
        }
        String visible = document.substring(0, at);
        int close = document.indexOf("-->", dataStart);
        if (close < 0) {
            return Manifest.broken(visible, "the manifest comment is cut off");
        }
        byte[] json;
        try {
            // Whitespace and a reply's quote marks may have been added by mail; base64 has neither.
            json = Base64.getMimeDecoder().decode(document.substring(dataStart, close).replaceAll("[\\s>]", ""));
        } catch (IllegalArgumentException e) {
            return Manifest.broken(visible, "the manifest is not valid base64");
        }
        boolean intact = Sha256.hex(json).equals(declared);
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (java.io.IOException e) {
            return Manifest.broken(visible, "the manifest is not valid JSON");
        }
        if (root == null || !"trailhunt-report/1".equals(root.path("manifest").asText())) {
            return Manifest.broken(visible, "the manifest is not a trailhunt-report/1 manifest");
        }
        return Manifest.of(root, visible, intact);
    }

    /**
     * Holds a report's manifest as read back.
     *
     * @param problem why the manifest cannot be used, or empty
     * @param intact whether its bytes hash to the SHA-256 in its comment header
     * @param visibleIntact whether the visible report hashes to the manifest's report_sha256
     * @param visible the report text before the manifest
     * @param trailhunt the trailhunt version that wrote it
     * @param runs one run per store, in report order
     */
    public record Manifest(String problem, boolean intact, boolean visibleIntact, String visible, String trailhunt, List<Run> runs) {
        static Manifest broken(String visible, String problem) {
            return new Manifest(problem, false, false, visible, "", List.of());
        }

        static Manifest of(JsonNode root, String visible, boolean intact) {
            List<Run> runs = new ArrayList<>();
            for (JsonNode r : root.path("runs")) {
                Run run = Run.of(r);
                if (run == null) {
                    return broken(visible, "the manifest's now is not a time");
                }
                runs.add(run);
            }
            if (runs.isEmpty()) {
                return broken(visible, "the manifest holds no run");
            }
            return new Manifest("", intact, visibleSha256(visible).equals(root.path("report_sha256").asText()), visible,
                    root.path("trailhunt").asText(), List.copyOf(runs));
        }
    }

    /**
     * Holds what a report says of one store: its input files and the hunts run on it.
     *
     * @param store the store's name in a report over several stores, else empty
     * @param duckdb the DuckDB version it ran on
     * @param now the instant now() stood for
     * @param nowSource how now was chosen
     * @param inputs the store's input files
     * @param hunts the hunts with their queries and rows
     * @param alerts the store's alerts the report shows, or null when it shows none
     */
    public record Run(String store, String duckdb, Instant now, String nowSource, List<Input> inputs, List<Hunt> hunts, Alerts alerts) {
        static Run of(JsonNode root) {
            List<Input> inputs = new ArrayList<>();
            for (JsonNode i : root.path("inputs")) {
                inputs.add(new Input(i.path("path").asText(), i.path("sha256").asText(), i.path("size").asLong(), i.path("status").asText()));
            }
            List<Hunt> hunts = new ArrayList<>();
            for (JsonNode h : root.path("hunts")) {
                List<Query> queries = new ArrayList<>();
                for (JsonNode q : h.path("queries")) {
                    queries.add(new Query(q.path("index").asInt(), q.path("language").asText(), q.path("text").asText(),
                            q.path("status").asText(), q.path("sql").asText(), q.path("message").asText(),
                            q.has("columns") ? ManifestValues.table(q.path("columns"), q.path("rows")) : null,
                            q.path("rows_sha256").asText()));
                }
                hunts.add(new Hunt(h.path("id").asText(), h.path("name").asText(), h.path("location").asText(),
                        h.path("sha256").asText(), queries));
            }
            try {
                return new Run(root.path("store").asText(), root.path("duckdb").asText(), Instant.parse(root.path("now").asText()),
                        root.path("now_source").asText(), List.copyOf(inputs), List.copyOf(hunts),
                        root.has("alerts") ? Alerts.of(root.path("alerts")) : null);
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
    }

    /**
     * Describes the alerts a report shows: the alerts table's rows as written and the events behind each alert.
     *
     * @param present whether the store had an alerts table
     * @param table the alerts, one row per alert in the columns of the store's alerts table
     * @param events the events behind each alert, in the same order
     */
    public record Alerts(boolean present, ResultTable table, List<ResultTable> events) {
        static Alerts of(JsonNode n) {
            List<ResultTable> events = new ArrayList<>();
            for (JsonNode e : n.path("events")) {
                events.add(ManifestValues.table(e.path("columns"), e.path("rows")));
            }
            return new Alerts(n.path("present").asBoolean(), ManifestValues.table(n.path("columns"), n.path("rows")), List.copyOf(events));
        }

        /** Returns the positions of the alerts in the order the report shows them (by rule, most severe first). */
        public List<Integer> shownOrder() {
            return AlertOutline.groups(table).stream().flatMap(List::stream).toList();
        }

        /** Returns what a store keeps now in the same form, for comparison. */
        public static Alerts of(StoredAlerts stored) {
            return new Alerts(stored.present(), AlertOutline.table(stored.alerts()),
                    stored.events().stream().map(AlertEvents.Behind::rows).toList());
        }
    }

    /**
     * Describes one input file the report's store had read.
     *
     * @param path the path as the report shows it
     * @param sha256 the hex SHA-256 of its bytes
     * @param size its size in bytes
     * @param status loaded, skipped, rejected or partial
     */
    public record Input(String path, String sha256, long size, String status) {}

    /**
     * Describes one hunt of the report.
     *
     * @param id the hunt's handle
     * @param name its title
     * @param location its file, or its origin
     * @param sha256 the SHA-256 of its file
     * @param queries its queries in order
     */
    public record Hunt(String id, String name, String location, String sha256, List<Query> queries) {}

    /**
     * Describes one query of the report and what it returned.
     *
     * @param index its 1-based position in the hunt
     * @param language the name of its {@code QueryLanguage}
     * @param text the query text
     * @param status RAN, SKIPPED or FAILED
     * @param sql the DuckDB SQL that ran
     * @param message the skip reason, error or note
     * @param table the rows it returned, or null unless it ran
     * @param rowsSha256 the SHA-256 of the rows as written
     */
    public record Query(int index, String language, String text, String status, String sql, String message, ResultTable table,
            String rowsSha256) {}
}
