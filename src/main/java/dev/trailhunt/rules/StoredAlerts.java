package dev.trailhunt.rules;

import dev.trailhunt.engine.AlertRow;
import dev.trailhunt.engine.Store;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds what a store keeps of a detect run, read back for a report: the {@code alerts} table's rows, most severe rule
 * first, and the events behind each alert, read from {@code events} by the stored event keys.
 *
 * @param present whether the store has an alerts table at all
 * @param alerts the alerts in the table's total order
 * @param events the events behind each alert, one entry per alert in the same order
 */
public record StoredAlerts(boolean present, List<AlertRow> alerts, List<AlertEvents.Behind> events) {
    /** Copies the lists so the record stays immutable. */
    public StoredAlerts {
        alerts = List.copyOf(alerts);
        events = List.copyOf(events);
    }

    /** Reads the alerts of a store (opened for reading and sandboxed) and the events behind each. */
    public static StoredAlerts read(Store store) {
        if (!store.hasAlerts()) {
            return new StoredAlerts(false, List.of(), List.of());
        }
        List<AlertRow> alerts = store.alerts();
        AlertEvents reader = new AlertEvents(store);
        List<AlertEvents.Behind> events = new ArrayList<>(alerts.size());
        for (AlertRow a : alerts) {
            events.add(reader.behind(a.eventIds(), a.eventHashes()));
        }
        return new StoredAlerts(true, alerts, events);
    }
}
