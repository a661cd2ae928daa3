package dev.trailhunt.eql;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Matches EQL sequences over candidate events the way Elasticsearch's sequence matcher does, in plain Java.
 *
 * <p>Elasticsearch runs the steps' queries one after another and keeps, per step and join key, the in-flight
 * sequences in time order. An event of step {@code s > 0} takes the latest sequence of step {@code s - 1} with
 * the same key that is strictly before it, and discards that one and every earlier one (so a newer first event
 * replaces an older pending one); the extended sequence is then rejected when the time from its first event
 * exceeds {@code maxspan} (the boundary itself is allowed: {@code to - from > maxspan} rejects) or when an
 * {@code until} event of the same key lies between its last event and the new one. Events whose join key has
 * a null value take no part (the keys are not optional fields). Order is (timestamp, tiebreaker): trailhunt
 * has no {@code _shard_doc}, so the caller's tiebreaker (the event id) breaks ties. Elasticsearch pages
 * through large result sets in windows; this matcher sees all candidates at once, which is what a single
 * window gives.
 */
public final class SequenceMatcher {
    /** Marks a candidate of the {@code until} step. */
    public static final int UNTIL = -1;

    private static final Comparator<Candidate> ORDER = Comparator.comparing(Candidate::timestamp)
            .thenComparing(Candidate::tiebreaker).thenComparing(Candidate::eventId);

    private SequenceMatcher() {}

    /**
     * Describes one event that matched one step's condition.
     *
     * @param step the 0-based step index, or {@link #UNTIL}
     * @param timestamp the event time
     * @param tiebreaker orders events with the same timestamp
     * @param keys the join key values in key order
     * @param eventId the event's id, reported in the matches
     */
    public record Candidate(int step, Instant timestamp, String tiebreaker, List<Object> keys, String eventId) {
        /** Validates and copies the components; key values may be null. */
        public Candidate {
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(tiebreaker, "tiebreaker");
            keys = java.util.Collections.unmodifiableList(new ArrayList<>(keys));
            Objects.requireNonNull(eventId, "eventId");
        }
    }

    /**
     * Holds one completed sequence.
     *
     * @param keys the join key values
     * @param events the candidates of each step, in step order
     */
    public record Match(List<Object> keys, List<Candidate> events) {
        /** Returns the event ids in step order. */
        public List<String> eventIds() {
            return events.stream().map(Candidate::eventId).toList();
        }
    }

    /** Tracks one sequence in flight. */
    private static final class Partial {
        final List<Candidate> events = new ArrayList<>();

        Candidate first() {
            return events.get(0);
        }

        Candidate last() {
            return events.get(events.size() - 1);
        }
    }

    /**
     * Returns the completed sequences of a {@code steps}-step sequence, ordered by their last event.
     *
     * @param steps the number of steps, at least two
     * @param maxspan the longest allowed time from first to last event, or null for none
     * @param candidates the candidates of every step and of until, in any order
     */
    public static List<Match> match(int steps, Duration maxspan, List<Candidate> candidates) {
        if (steps < 2) {
            throw new IllegalArgumentException("a sequence needs at least two steps");
        }
        List<List<Candidate>> byStep = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            byStep.add(new ArrayList<>());
        }
        Map<List<Object>, List<Candidate>> untilByKey = new HashMap<>();
        for (Candidate c : candidates) {
            if (c.keys().contains(null)) {
                continue;
            }
            if (c.step() == UNTIL) {
                untilByKey.computeIfAbsent(c.keys(), k -> new ArrayList<>()).add(c);
            } else if (c.step() >= 0 && c.step() < steps) {
                byStep.get(c.step()).add(c);
            } else {
                throw new IllegalArgumentException("step " + c.step() + " outside 0.." + (steps - 1));
            }
        }
        byStep.forEach(l -> l.sort(ORDER));
        untilByKey.values().forEach(l -> l.sort(ORDER));

        Map<List<Object>, Deque<Partial>> inFlight = new HashMap<>();
        for (Candidate c : byStep.get(0)) {
            Partial p = new Partial();
            p.events.add(c);
            inFlight.computeIfAbsent(c.keys(), k -> new ArrayDeque<>()).addLast(p);
        }
        List<Partial> completed = new ArrayList<>();
        for (int s = 1; s < steps; s++) {
            Map<List<Object>, Deque<Partial>> next = new HashMap<>();
            for (Candidate c : byStep.get(s)) {
                Partial p = takeLatestBefore(inFlight.get(c.keys()), c);
                if (p == null || exceeds(maxspan, p.first(), c) || untilBetween(untilByKey.get(c.keys()), p.last(), c)) {
                    continue;
                }
                p.events.add(c);
                if (s == steps - 1) {
                    completed.add(p);
                } else {
                    next.computeIfAbsent(c.keys(), k -> new ArrayDeque<>()).addLast(p);
                }
            }
            inFlight = next;
        }
        completed.sort(Comparator.comparing(Partial::last, ORDER));
        return completed.stream().map(p -> new Match(p.first().keys(), List.copyOf(p.events))).toList();
    }

    /** Removes and returns the latest partial strictly before {@code c}, dropping every earlier one too. */
    private static Partial takeLatestBefore(Deque<Partial> group, Candidate c) {
        if (group == null) {
            return null;
        }
        Partial match = null;
        int count = 0;
        for (Partial p : group) {
            if (ORDER.compare(p.last(), c) < 0) {
                match = p;
                count++;
            } else {
                break;
            }
        }
        for (int i = 0; i < count; i++) {
            group.removeFirst();
        }
        return match;
    }

    private static boolean exceeds(Duration maxspan, Candidate first, Candidate c) {
        return maxspan != null && !maxspan.isZero() && Duration.between(first.timestamp(), c.timestamp()).compareTo(maxspan) > 0;
    }

    /** Tells whether the latest until event before {@code c} is at or after the sequence's last event. */
    private static boolean untilBetween(List<Candidate> untils, Candidate last, Candidate c) {
        if (untils == null) {
            return false;
        }
        Candidate nearest = null;
        for (Iterator<Candidate> it = untils.iterator(); it.hasNext();) {
            Candidate u = it.next();
            if (ORDER.compare(u, c) < 0) {
                nearest = u;
            } else {
                break;
            }
        }
        return nearest != null && ORDER.compare(nearest, last) >= 0;
    }
}
