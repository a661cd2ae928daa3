package dev.trailhunt.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trailhunt.engine.EventTable;
import dev.trailhunt.engine.Store;
import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs rules over two lanes, one of which breaks. */
class DetectorLanesTest {
    @TempDir Path dir;

    /** Reads the store's columns but breaks on every query, as a lane whose connection went away would. */
    private record Broken(Set<String> eventColumns) implements EventTable {
        @Override
        public SqlDialect sqlDialect() {
            return SqlDialect.DUCKDB;
        }

        @Override
        public String eventsTable() {
            return Store.EVENTS_TABLE;
        }

        @Override
        public ResultTable query(String sql, List<ResultColumn> columns) {
            throw new IllegalStateException("lane broke");
        }
    }

    @Test
    void aLaneThatBreaksFailsTheWholeRunWithItsOwnError() {
        assumeTrue(TrailEvents.sharedPresent(), "../shared is absent");
        Path db = TrailEvents.store(dir.resolve("one"), List.of(TrailEvents.event("e1", "2024-05-01T00:00:00Z", "iam.amazonaws.com", "CreateUser")));
        List<Rule> rules = RuleLoader.load(List.of(RulesCensusTest.shared().resolve("corpus/elastic-rules/rules/integrations/aws"))).rules();
        try (Store store = Store.openForReading(db)) {
            Detector detector = new Detector(store, store.profile(), HistoryPolicy.WAIT);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> detector.run(rules, null, null, List.of(store, new Broken(store.eventColumns()))));
            assertEquals("lane broke", e.getMessage());
            // The good lane's connection stays usable, and one lane alone runs every rule.
            assertEquals(rules.size(), detector.run(rules, null, null, List.of(store)).runs().size());
        }
    }
}
