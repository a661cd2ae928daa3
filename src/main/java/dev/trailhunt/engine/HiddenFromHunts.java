package dev.trailhunt.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Refuses hunt SQL that names what the sandbox cannot hide by configuration: DuckDB's settings
 * (temporary, secret and home folders), the attached files' paths, the environment, logs of
 * other queries, and table functions that run SQL text built at run time, which would get
 * around this check.
 *
 * <p>File paths in FROM are refused too: DuckDB lets a sandboxed query read its temporary folder.
 *
 * <p>Table functions are allowed from a list (new DuckDB versions add introspection functions,
 * which stay refused until someone looks at them); scalar functions and relations are refused by name.
 */
final class HiddenFromHunts {
    /** Names the table functions a hunt may call: generators, JSON and list helpers, schema introspection. */
    private static final Set<String> TABLE_FUNCTIONS = Set.of(
            "range", "generate_series", "unnest", "repeat", "repeat_row", "json_each", "json_tree", "summary",
            "histogram", "histogram_values", "duckdb_columns", "duckdb_tables", "duckdb_views", "duckdb_schemas",
            "duckdb_types", "duckdb_keywords", "duckdb_functions", "duckdb_constraints", "duckdb_indexes",
            "duckdb_sequences", "duckdb_dependencies", "duckdb_optimizers", "pragma_table_info", "pragma_show",
            "pragma_version", "pragma_platform", "pragma_collations", "pg_timezone_names", "icu_calendar_names",
            "test_all_types", "test_vector_types");

    /** Says why each scalar function or relation is refused. */
    private static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("current_setting", "it would reveal DuckDB's settings, which hold local paths"),
            Map.entry("duckdb_settings", "it would reveal DuckDB's settings, which hold local paths"),
            Map.entry("pg_settings", "it would reveal DuckDB's settings, which hold local paths"),
            Map.entry("getenv", "it would reveal the environment"),
            Map.entry("getvariable", "it would reveal session variables"),
            Map.entry("duckdb_databases", "it would reveal the store's path"),
            Map.entry("pragma_database_list", "it would reveal the store's path"),
            Map.entry("pg_database", "it would reveal the store's path"),
            Map.entry("duckdb_temporary_files", "it would reveal the temporary folder"),
            Map.entry("duckdb_logs", "it would reveal the log of other queries"),
            Map.entry("duckdb_logs_parsed", "it would reveal the log of other queries"),
            Map.entry("duckdb_log_contexts", "it would reveal the log of other queries"),
            Map.entry("pg_prepared_statements", "it would reveal other statements"),
            Map.entry("duckdb_prepared_statements", "it would reveal other statements"),
            Map.entry("duckdb_secrets", "it would reveal secrets"),
            Map.entry("which_secret", "it would reveal secrets"),
            Map.entry("duckdb_extensions", "it would reveal the extension folder"),
            Map.entry("query", "it runs SQL built at run time, which this check cannot see"),
            Map.entry("query_table", "it runs SQL built at run time, which this check cannot see"),
            Map.entry("json_execute_serialized_sql", "it runs SQL built at run time, which this check cannot see"));

    private HiddenFromHunts() {}

    /**
     * Walks DuckDB's parse tree of the hunt SQL (from {@code json_serialize_sql}) and refuses the
     * first hidden name with its line and column.
     *
     * @throws SqlRejectedException naming the function or relation and why it is refused
     */
    static void check(JsonNode tree, String sql) {
        walk(tree, sql, -1);
    }

    private static void walk(JsonNode node, String sql, long near) {
        if (node.isArray()) {
            for (JsonNode child : node) {
                walk(child, sql, near);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        long here = node.path("query_location").canConvertToLong() && node.path("query_location").asLong() >= 0
                && node.path("query_location").asLong() < sql.length() ? node.path("query_location").asLong() : near;
        String type = node.path("type").asText("");
        if (type.equals("TABLE_FUNCTION")) {
            String name = node.path("function").path("function_name").asText("").toLowerCase(Locale.ROOT);
            if (!TABLE_FUNCTIONS.contains(name)) {
                refuse(name, REFUSED.getOrDefault(name, "it reaches beyond the store; hunts may use " + examples() + " and the like"), sql, here);
            }
        } else if (type.equals("BASE_TABLE")) {
            // DuckDB also binds an unknown table name to the table function of that name.
            String raw = node.path("table_name").asText("");
            String name = raw.toLowerCase(Locale.ROOT);
            if (name.contains("/") || name.contains("\\") || name.contains(":") || name.contains("*")) {
                // A quoted path is a replacement scan of a file; the sandbox refuses most, but not DuckDB's own temporary folder.
                refuse(raw, "it names a file, and hunts read only the store's tables", sql, here);
            }
            if (REFUSED.containsKey(name)) {
                refuse(name, REFUSED.get(name), sql, here);
            }
            if (!TABLE_FUNCTIONS.contains(name) && (name.startsWith("duckdb_") || name.startsWith("pragma_"))) {
                refuse(name, "it would reveal DuckDB's internals", sql, here);
            }
        }
        if (node.has("function_name")) {
            String name = node.path("function_name").asText("").toLowerCase(Locale.ROOT);
            if (REFUSED.containsKey(name)) {
                refuse(name, REFUSED.get(name), sql, here);
            }
        }
        node.fields().forEachRemaining(f -> walk(f.getValue(), sql, here));
    }

    private static String examples() {
        return "range, generate_series, unnest, json_each";
    }

    private static void refuse(String name, String why, String sql, long offset) {
        String where = "";
        if (offset >= 0) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (sql.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            where = line + ":" + (offset - lineStart + 1) + ": ";
        }
        throw new SqlRejectedException(where + name + " is not available to hunts: " + why);
    }
}
