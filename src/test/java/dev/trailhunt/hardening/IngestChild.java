package dev.trailhunt.hardening;

import dev.trailhunt.ingest.IngestOptions;
import dev.trailhunt.ingest.IngestProgress;
import dev.trailhunt.ingest.IngestSummary;
import dev.trailhunt.ingest.Ingester;
import java.nio.file.Path;
import java.util.List;

/**
 * Ingests in a child JVM for the crash test, printing one line per finished file and one per
 * committed batch (batches load while the next is read), so the test can choose when to kill it.
 */
public final class IngestChild {
    private IngestChild() {}

    /** Ingests {@code args[1]} into the store {@code args[0]}. */
    public static void main(String[] args) {
        System.out.println("started");
        IngestSummary s = new Ingester(new IngestOptions(1, true)).ingest(Path.of(args[0]), List.of(Path.of(args[1])),
                new IngestProgress() {
                    @Override
                    public void update(long filesDone, long filesTotal, long events, long bytes) {
                        System.out.println("files " + filesDone + " events " + events);
                    }

                    @Override
                    public void committed(long filesCommitted) {
                        System.out.println("committed " + filesCommitted);
                    }
                });
        System.out.println("done " + s.eventsAdded());
    }
}
