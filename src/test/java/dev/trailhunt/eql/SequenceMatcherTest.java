package dev.trailhunt.eql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trailhunt.eql.SequenceMatcher.Candidate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks the sequence matcher against Elasticsearch's rules, each worked out by hand: a step-n event takes the
 * latest step-(n-1) sequence of its key strictly before it and discards older ones; maxspan is inclusive; until
 * ends an open sequence; a null key takes no part.
 */
class SequenceMatcherTest {
    private static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");
    private static final Duration SPAN = Duration.ofMinutes(15);

    private static Candidate at(int step, Duration after, String key, String id) {
        return new Candidate(step, T0.plus(after), id, Arrays.asList((Object) key), id);
    }

    private static Candidate at(int step, int minutes, String key, String id) {
        return at(step, Duration.ofMinutes(minutes), key, id);
    }

    private static List<List<String>> run(int steps, Duration maxspan, Candidate... candidates) {
        List<List<String>> out = new ArrayList<>();
        SequenceMatcher.match(steps, maxspan, List.of(candidates)).forEach(m -> out.add(m.eventIds()));
        return out;
    }

    @Test
    void maxspanIsInclusive() {
        assertEquals(List.of(List.of("a", "b")), run(2, SPAN, at(0, 0, "k", "a"), at(1, 15, "k", "b")));
        assertEquals(List.of(), run(2, SPAN, at(0, 0, "k", "a"), at(1, SPAN.plusMillis(1), "k", "b")));
        assertEquals(List.of(List.of("a", "b")), run(2, null, at(0, 0, "k", "a"), at(1, 60 * 24, "k", "b")));
    }

    @Test
    void aSequenceThatExceedsMaxspanIsDroppedNotKeptForLaterEvents() {
        // b1 takes a and rejects it for maxspan; a is gone, so b2 finds nothing.
        assertEquals(List.of(), run(2, SPAN, at(0, 0, "k", "a"), at(1, 20, "k", "b1"), at(1, 21, "k", "b2")));
    }

    @Test
    void stepsMustBeInTimeOrderWithTheTiebreakerDecidingTies() {
        assertEquals(List.of(), run(2, SPAN, at(0, 5, "k", "a"), at(1, 1, "k", "b")));
        assertEquals(List.of(List.of("a", "b")), run(2, SPAN, at(0, 5, "k", "a"), at(1, 5, "k", "b")));
        assertEquals(List.of(), run(2, SPAN, at(0, 5, "k", "b"), at(1, 5, "k", "a")));
        // One event matching both steps does not pair with itself.
        assertEquals(List.of(), run(2, SPAN, at(0, 5, "k", "x"), at(1, 5, "k", "x")));
    }

    @Test
    void joinKeysKeepSequencesApartAndNullKeysTakeNoPart() {
        assertEquals(List.of(), run(2, SPAN, at(0, 0, "k1", "a"), at(1, 1, "k2", "b")));
        assertEquals(List.of(List.of("a2", "b2"), List.of("a1", "b1")),
                run(2, SPAN, at(0, 0, "k1", "a1"), at(0, 1, "k2", "a2"), at(1, 2, "k2", "b2"), at(1, 3, "k1", "b1")));
        assertEquals(List.of(), run(2, SPAN, at(0, 0, null, "a"), at(1, 1, null, "b")));
    }

    @Test
    void aNewerFirstEventReplacesTheOlderPendingOne() {
        assertEquals(List.of(List.of("a2", "b1")),
                run(2, SPAN, at(0, 0, "k", "a1"), at(0, 10, "k", "a2"), at(1, 20, "k", "b1"), at(1, 21, "k", "b2")));
        // Each first event pairs with the next second event after it.
        assertEquals(List.of(List.of("a1", "b1"), List.of("a2", "b2")),
                run(2, SPAN, at(0, 0, "k", "a1"), at(1, 1, "k", "b1"), at(0, 2, "k", "a2"), at(1, 3, "k", "b2")));
    }

    @Test
    void threeStepsPerUserAsTheStateMachineAdvances() {
        // whoami → hostname → ifconfig by user: root's 1 and 2 start, 4 takes 2 (dropping 1), 5 finds no start
        // before it (7 is later), 8 completes 2-4-8; user's 3 precedes its only start 6, so user never completes.
        assertEquals(List.of(List.of("2", "4", "8")), run(3, null,
                at(0, 1, "root", "1"), at(0, 2, "root", "2"), at(1, 3, "user", "3"), at(1, 4, "root", "4"),
                at(1, 5, "root", "5"), at(0, 6, "user", "6"), at(0, 7, "root", "7"), at(2, 8, "root", "8"),
                at(2, 9, "user", "9")));
    }

    @Test
    void untilEndsAnOpenSequenceOfItsKey() {
        assertEquals(List.of(), run(2, SPAN, at(0, 0, "k", "a"), at(SequenceMatcher.UNTIL, 1, "k", "u"), at(1, 2, "k", "b")));
        assertEquals(List.of(List.of("a", "b")),
                run(2, SPAN, at(0, 0, "k", "a"), at(1, 2, "k", "b"), at(SequenceMatcher.UNTIL, 3, "k", "u")));
        assertEquals(List.of(List.of("a", "b")),
                run(2, SPAN, at(0, 0, "k", "a"), at(SequenceMatcher.UNTIL, 1, "other", "u"), at(1, 2, "k", "b")));
        // An until before the sequence started does not end it.
        assertEquals(List.of(List.of("a", "b")),
                run(2, SPAN, at(SequenceMatcher.UNTIL, 0, "k", "u"), at(0, 1, "k", "a"), at(1, 2, "k", "b")));
    }
}
