package dev.trailhunt.cli;

import dev.trailhunt.hunt.HuntDefinition;
import dev.trailhunt.hunt.QueryLanguage;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Answers an ad-hoc question in ES|QL or DuckDB SQL. */
@Command(name = "query", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Ask an ad-hoc question of a store, in ES|QL (as in Kibana) or DuckDB SQL.",
            "",
            "SQL runs read-only and sandboxed: one statement, a query only, no files or network. Columns are the ECS fields Elastic's aws.cloudtrail integration produces; in SQL quote them: \"event.action\".",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ran, with or without rows",
            "1:rows found, with --fail-on-findings",
            "2:usage error",
            "3:data problem (no store, store in use, unreadable --data path, output not written)",
            "4:query error (ES|QL syntax, unsupported feature, rejected SQL, over --timeout or --memory-limit)",
            "70:internal error (a bug: please report it)",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  trailhunt query --esql 'from logs-aws.cloudtrail*",
            "      | stats n = count(*) by event.action | sort n desc | limit 10'",
            "  trailhunt query --sql 'SELECT \"source.ip\", count(*) AS n",
            "      FROM events GROUP BY ALL ORDER BY n DESC'",
            "  trailhunt query --esql @top-actions.esql",
            "  echo 'SELECT count(*) FROM files' | trailhunt query --sql -",
            "  trailhunt query --data samples/cloudtrail -f json",
            "      --esql 'from logs-* | keep @timestamp, event.action | limit 3'",
        })
public final class QueryCommand extends HuntingCommand {
    static final class Text {
        @Option(names = "--esql", paramLabel = "TEXT|@FILE|-", required = true,
                description = "An ES|QL query; @FILE reads it from a file, - from standard input.")
        String esql;

        @Option(names = "--sql", paramLabel = "TEXT|@FILE|-", required = true,
                description = "A DuckDB SQL query on the events and files tables; @FILE reads it from a file, - from standard input.")
        String sql;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Text text;

    @Mixin RowsOptions rows;

    @Mixin EventsOption events;

    @Override
    public Integer call() {
        HuntDefinition q = text.esql != null
                ? HuntDefinition.adHoc(QueryLanguage.ESQL, QueryText.read(spec.commandLine(), "--esql", text.esql))
                : HuntDefinition.adHoc(QueryLanguage.DUCKDB_SQL, QueryText.read(spec.commandLine(), "--sql", text.sql));
        return run(List.of(q), rows, events.events);
    }
}
