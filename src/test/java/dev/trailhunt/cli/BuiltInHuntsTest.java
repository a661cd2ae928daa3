package dev.trailhunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.engine.Store;
import dev.trailhunt.hunt.HuntDefinition;
import dev.trailhunt.hunt.HuntLibrary;
import dev.trailhunt.hunt.HuntQuery;
import dev.trailhunt.hunt.TranslatingCompiler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BuiltInHuntsTest {
    private static final Instant FIXED_NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Path SQL_DIR = Path.of("sql/hunts");

    @Test
    void everyBuiltInRunsOnTheSamplesAndFindsTheStory() throws Exception {
        String db = SamplesStore.get().toString();
        for (HuntDefinition h : HuntLibrary.load().builtIns()) {
            Cli r = Cli.run("hunt", "--db", db, "-f", "csv", h.id());
            assertEquals(0, r.code(), h.id() + ": " + r.err());
            // The samples' intruder shows up in every built-in hunt.
            assertTrue(r.out().contains("arn:aws:iam::111122223333:user/legacy-reporting"), h.id() + ":\n" + r.out());
        }
    }

    /** Keeps sql/hunts/ equal to the SQL each built-in translates to; -Dgolden.update=true rewrites it. */
    @Test
    void sqlOfEveryBuiltInIsCommittedAndFresh() throws Exception {
        boolean update = Boolean.parseBoolean(System.getProperty("golden.update"));
        List<HuntDefinition> hunts = HuntLibrary.load().builtIns();
        try (Store store = Store.openInMemory()) {
            TranslatingCompiler compiler = TranslatingCompiler.forStore(store);
            for (HuntDefinition h : hunts) {
                StringBuilder sql = new StringBuilder("-- Built-in hunt ").append(h.id())
                        .append(" translated by trailhunt with now() = ").append(FIXED_NOW).append(".\n")
                        .append("-- Regenerate: mvn -B test -Dtest=BuiltInHuntsTest -Dgolden.update=true\n");
                for (HuntQuery q : h.queries()) {
                    sql.append(h.queries().size() > 1 ? "-- query " + q.index() + "\n" : "")
                            .append(compiler.compile(q.text(), FIXED_NOW).sql().strip()).append(";\n");
                }
                Path file = SQL_DIR.resolve(h.id() + ".sql");
                if (update) {
                    Files.createDirectories(SQL_DIR);
                    Files.writeString(file, sql, StandardCharsets.UTF_8);
                }
                assertEquals(sql.toString(), Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "",
                        file + " is stale: rerun with -Dgolden.update=true and review");
            }
        }
        try (Stream<Path> files = Files.list(SQL_DIR)) {
            assertEquals(hunts.stream().map(h -> h.id() + ".sql").sorted().toList(),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no SQL for hunts that no longer exist");
        }
    }
}
