package dev.trailhunt.cli;

import dev.trailhunt.engine.AthenaExecutor;
import dev.trailhunt.engine.RemoteEngine;
import dev.trailhunt.engine.StoreException;
import dev.trailhunt.engine.TrinoExecutor;
import dev.trailhunt.hunt.TranslatingCompiler;
import picocli.CommandLine.Option;

/** Chooses the engine hunts and rules run on: the DuckDB store, a Trino cluster or Amazon Athena, and how to reach the remote ones. */
final class EngineOptions {
    @Option(names = "--engine", paramLabel = "duckdb|trino|athena", defaultValue = "duckdb",
            description = "Where ES|QL hunts and rules run: the DuckDB store (default), a Trino cluster (with --url) or Amazon Athena (with"
                    + " --workgroup and --output) over the ECS Parquet table that export --parquet writes.")
    StoreOptions.Engine engine;

    @Option(names = "--url", paramLabel = "JDBC", description = "With --engine trino: jdbc:trino://HOST:PORT/CATALOG/SCHEMA.")
    String url;

    @Option(names = "--table", paramLabel = "NAME", defaultValue = TranslatingCompiler.TRINO_TABLE,
            description = "With --engine trino|athena: the ECS Parquet table (default: ${DEFAULT-VALUE}); its partitions"
                    + " (dt, and account and region when it has them) are read from it.")
    String table;

    @Option(names = "--trino-user", paramLabel = "NAME", defaultValue = "trailhunt",
            description = "With --engine trino: the Trino user (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--workgroup", paramLabel = "W", defaultValue = "primary",
            description = "With --engine athena: the Athena workgroup (default: ${DEFAULT-VALUE}).")
    String workgroup;

    @Option(names = "--output", paramLabel = "S3", description = "With --engine athena: s3:// location for Athena's query results.")
    String output;

    /** Says whether hunts run on Trino or Athena (which is Trino SQL too). */
    boolean onTrino() {
        return engine == StoreOptions.Engine.trino || engine == StoreOptions.Engine.athena;
    }

    /**
     * Connects to the remote engine the options name.
     *
     * @throws StoreException in one line when an option it needs is missing or the engine cannot be reached
     */
    RemoteEngine connect() {
        if (engine == StoreOptions.Engine.athena) {
            return AthenaExecutor.connect(workgroup, output);
        }
        if (url == null) {
            throw new StoreException("--engine trino needs --url jdbc:trino://HOST:PORT/CATALOG/SCHEMA");
        }
        return TrinoExecutor.connect(url, user);
    }
}
