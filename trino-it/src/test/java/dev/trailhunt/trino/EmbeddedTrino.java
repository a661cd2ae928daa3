package dev.trailhunt.trino;

import static io.trino.testing.TestingSession.testSessionBuilder;

import io.trino.plugin.memory.MemoryPlugin;
import io.trino.spi.type.TimeZoneKey;
import io.trino.testing.StandaloneQueryRunner;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/** Starts one Trino 435 in this JVM, loopback only, with the memory connector as catalog {@code memory}, session zone UTC. */
final class EmbeddedTrino implements AutoCloseable {
    private final StandaloneQueryRunner runner;

    EmbeddedTrino() {
        runner = new StandaloneQueryRunner(testSessionBuilder()
                .setCatalog("memory").setSchema("default").setTimeZoneKey(TimeZoneKey.UTC_KEY).build());
        runner.installPlugin(new MemoryPlugin());
        runner.createCatalog("memory", "memory", Map.of());
    }

    /** Returns the JDBC URL of schema memory.default, as the CLI's --url takes it. */
    String url() {
        return "jdbc:trino://127.0.0.1:" + runner.getServer().getBaseUrl().getPort() + "/memory/default";
    }

    Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "trailhunt");
        p.setProperty("timezone", "UTC");
        return DriverManager.getConnection(url(), p);
    }

    @Override
    public void close() {
        runner.close();
    }
}
