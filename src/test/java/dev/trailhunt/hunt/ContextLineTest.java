package dev.trailhunt.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trailhunt.engine.StoreProfile;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextLineTest {
    private static final StoreProfile PROFILE = new StoreProfile(2900, Instant.parse("2023-07-10T11:42:13Z"),
            Instant.parse("2023-07-10T12:37:50Z"), List.of(), "v1.5.6");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @Test
    void latestEventLineMatchesTheIssueExample() {
        ResolvedNow now = ResolvedNow.resolve(NowSpec.latest(), PROFILE, CLOCK);
        assertEquals("data 2023-07-10T11:42Z → 12:37Z · now = 12:37:50Z (latest event) · window: @timestamp > now - 7 days",
                ContextLine.format(PROFILE, now, "@timestamp > now - 7 days"));
    }

    @Test
    void clockAndGivenNowsSayWhereTheyCameFrom() {
        assertEquals("data 2023-07-10T11:42Z → 12:37Z · now = 2026-01-02T03:04:05Z (clock) · window: x",
                ContextLine.format(PROFILE, ResolvedNow.resolve(NowSpec.parse("clock"), PROFILE, CLOCK), "x"));
        ResolvedNow given = ResolvedNow.resolve(NowSpec.parse("2023-07-10T14:00:00+02:00"), PROFILE, CLOCK);
        assertEquals(Instant.parse("2023-07-10T12:00:00Z"), given.instant());
        assertEquals("given", given.source());
        assertThrows(IllegalArgumentException.class, () -> NowSpec.parse("yesterday"));
    }

    @Test
    void emptyStoreFallsBackToTheClockAndSaysSo() {
        StoreProfile empty = new StoreProfile(0, null, null, List.of(), "v1.5.6");
        ResolvedNow now = ResolvedNow.resolve(NowSpec.latest(), empty, CLOCK);
        assertEquals("data: none (the store holds no events) · now = 2026-01-02T03:04:05Z (clock: the store has no events) · window: w",
                ContextLine.format(empty, now, "w"));
    }

    @Test
    void rangeOverDaysShowsBothDates() {
        StoreProfile p = new StoreProfile(2, Instant.parse("2023-07-09T23:59:00Z"), Instant.parse("2023-07-10T00:01:00Z"), List.of(), "v");
        assertEquals("data 2023-07-09T23:59Z → 2023-07-10T00:01Z", ContextLine.data(p));
    }
}
