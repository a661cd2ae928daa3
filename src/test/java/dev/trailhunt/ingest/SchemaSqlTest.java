package dev.trailhunt.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trailhunt.engine.Store;
import dev.trailhunt.engine.StoreSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaSqlTest {
    private static final Path SCHEMA = Path.of("sql", "schema.sql");

    @TempDir Path dir;

    @Test
    void schemaFileMatchesTheCode() throws Exception {
        String generated = StoreSchema.ddl(Ingester.eventColumns());
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(SCHEMA.getParent());
            Files.writeString(SCHEMA, generated, StandardCharsets.UTF_8);
        }
        assertEquals(generated, Files.readString(SCHEMA, StandardCharsets.UTF_8),
                "sql/schema.sql is stale: run mvn test -Dtest=SchemaSqlTest -Dgolden.update=true");
    }

    @Test
    void schemaFileCreatesTheTablesTheIngesterWrites() throws Exception {
        Path db = dir.resolve("s.duckdb");
        try (Store store = Store.openForWriting(db)) {
            store.execute(Files.readString(SCHEMA, StandardCharsets.UTF_8));
            assertEquals(Ingester.eventColumns(), store.columns(Store.EVENTS_TABLE));
            assertEquals(StoreSchema.FILE_COLUMNS, store.columns(Store.FILES_TABLE));
        }
        TrailFiles.write(dir.resolve("a.json"), TrailFiles.recordsObject(TrailFiles.records("a", 2)));
        IngestSummary s = new Ingester(new IngestOptions(1, false)).ingest(db, java.util.List.of(dir.resolve("a.json")), IngestProgress.NONE);
        assertEquals(2, s.eventsAdded());
    }
}
