package dev.trailhunt.hunt;

import dev.trailhunt.engine.StoreProfile;
import dev.trailhunt.model.TimeBound;
import java.util.List;

/**
 * Holds a whole run: the store it read, the resolved now, and each hunt's outcome.
 *
 * @param profile the store's events, time range, input files and DuckDB version
 * @param now the instant now() stood for
 * @param bound the time bound the run saw the events through
 * @param hunts the hunts in the order they were given
 * @param trailhuntVersion the trailhunt version that ran them
 */
public record RunResult(StoreProfile profile, ResolvedNow now, TimeBound bound, List<HuntRun> hunts, String trailhuntVersion) {
    public RunResult {
        java.util.Objects.requireNonNull(bound, "bound");
        hunts = List.copyOf(hunts);
    }

    /** Holds a run that saw every event. */
    public RunResult(StoreProfile profile, ResolvedNow now, List<HuntRun> hunts, String trailhuntVersion) {
        this(profile, now, TimeBound.NONE, hunts, trailhuntVersion);
    }

    /** Returns the total rows found by all hunts. */
    public int rows() {
        return hunts.stream().mapToInt(HuntRun::rows).sum();
    }

    /** Returns the hunt files that could not be loaded, in run order. */
    public List<HuntDefinition> unloaded() {
        return hunts.stream().map(HuntRun::hunt).filter(h -> !h.loaded()).toList();
    }

    /** Tells whether some hunt file could not be loaded or some query failed. */
    public boolean failed() {
        return hunts.stream().anyMatch(HuntRun::failed);
    }
}
