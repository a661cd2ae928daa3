package dev.trailhunt.cli;

import dev.trailhunt.hunt.HuntDefinition;
import dev.trailhunt.hunt.QueryLanguage;
import dev.trailhunt.report.ResultFormat;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Answers an ad-hoc question in ES|QL or DuckDB SQL. */
@Command(name = "query", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Ask an ad-hoc question of a store, in ES|QL (as in Kibana) or DuckDB SQL.",
            "SQL runs read-only and sandboxed: one statement, a query only, no files or network.",
            "Columns are the ECS fields Elastic's aws.cloudtrail integration produces, e.g. \"event.action\".",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  trailhunt query --esql 'from logs-aws.cloudtrail* | stats n = count(*) by event.action | sort n desc | limit 10'",
            "  trailhunt query --sql 'SELECT \"source.ip\", count(*) AS n FROM events GROUP BY ALL ORDER BY n DESC'",
            "  trailhunt query --data samples/cloudtrail --format json --esql 'from logs-* | keep @timestamp, event.action | limit 3'",
            "",
            "Exit codes: 0 ran · 1 findings with --fail-on-findings · 2 usage · 3 query error · 4 data problem · 70 bug",
        })
public final class QueryCommand extends HuntingCommand {
    static final class Text {
        @Option(names = "--esql", paramLabel = "TEXT", required = true, description = "An ES|QL query.")
        String esql;

        @Option(names = "--sql", paramLabel = "TEXT", required = true, description = "A DuckDB SQL query on the events and files tables.")
        String sql;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Text text;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ResultFormat format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the output to FILE instead of stdout.")
    Path out;

    @Option(names = "--width", paramLabel = "N", description = "Fit tables to N columns (0: no limit; default: the terminal's).")
    Integer width;

    @Option(names = "--fail-on-findings", description = "Exit with 1 when the query returns rows.")
    boolean failOnFindings;

    @Override
    public Integer call() {
        HuntDefinition q = text.esql != null
                ? HuntDefinition.adHoc(QueryLanguage.ESQL, text.esql)
                : HuntDefinition.adHoc(QueryLanguage.DUCKDB_SQL, text.sql);
        return run(List.of(q), format, out, width, failOnFindings);
    }
}
