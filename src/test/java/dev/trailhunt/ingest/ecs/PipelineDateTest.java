package dev.trailhunt.ingest.ecs;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Checks the date formats of Elastic's ingest pipeline. */
class PipelineDateTest {

    @Test
    void parsesPipelineDateFormats() {
        assertEquals("2013-11-02T01:06:28Z", String.valueOf(PipelineDate.isoOrBasic("20131102T010628Z")));
        assertEquals("2013-11-02T01:06:28.123Z", String.valueOf(PipelineDate.isoOrBasic("20131102T010628.123Z")));
        assertEquals("2013-11-02T00:06:28Z", String.valueOf(PipelineDate.isoOrBasic("20131102T010628+0100")));
        assertEquals("2024-01-02T00:00:00Z", String.valueOf(PipelineDate.iso8601("2024-01-02")));
        assertEquals("2024-01-02T03:04:00Z", String.valueOf(PipelineDate.iso8601("2024-01-02T03:04Z")));
        assertNull(PipelineDate.iso8601("20131102T010628Z"));
        assertNull(PipelineDate.iso8601("2024-01-02 03:04:05"));
        assertNull(PipelineDate.isoOrBasic("2024-02-30T00:00:00Z"));
    }
}
