package dev.trailhunt.ingest.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Renders every shape of uap-core version groups as Elasticsearch's user_agent processor does.
 *
 * <p>Expected values follow its {@code versionToString} by hand: a component is appended only while it and
 * every earlier one {@code hasLength} (elastic/elasticsearch#116950, fixed in 8.16.2; the aws 8.9.0 package
 * needs Kibana 9.6, so Elastic's stack has the fix, and a patch group that matches "" gives {@code 24.0},
 * no longer {@code 24.0.}). {@code version} is written whenever the major group is non-null, and
 * {@code os.full} is {@code name + " " + version} then; the pipeline's cleanup drops the value "" only.
 */
class UaVersionShapesTest {

    private static UserAgent agent(String regex, String v1, String text) {
        UaRule rule = UaRule.of(regex, null, null, v1, null, null, null);
        return UserAgent.parse(new UaRuleSet(List.of(rule), List.of(), List.of()), text);
    }

    private static UserAgent os(String regex, String text) {
        UaRule rule = UaRule.of(regex, null, null, null, null, null, null);
        return UserAgent.parse(new UaRuleSet(List.of(), List.of(rule), List.of()), text);
    }

    @Test
    void agentVersionShapes() {
        assertEquals("24.0", agent("(Fx)/(\\d+)\\.(\\d+)", null, "Fx/24.0").version(), "patch group absent");
        assertEquals("24.0", agent("(Fx)/(\\d+)\\.(\\d+)(?:\\.(\\d+))?", null, "Fx/24.0").version(),
                "patch group did not take part (null)");
        assertEquals("24.0", agent("(Fx)/(\\d+)\\.(\\d+)\\.?(\\d*)", null, "Fx/24.0").version(),
                "patch group matched the empty string: no trailing dot since ES 8.16.2");
        assertEquals("24", agent("(Fx)/(\\d+)\\.(\\d*)\\.(\\d+)", null, "Fx/24..7").version(),
                "an empty minor ends the version even before a non-empty patch");
        assertEquals("1.2.3.4", agent("(Fx)/(\\d+)\\.(\\d+)\\.(\\d+)\\.(\\d+)", null, "Fx/1.2.3.4").version());
        assertNull(agent("(Fx)/(\\d*)", null, "Fx/").version(), "empty major: \"\" is dropped by the cleanup");
        assertNull(agent("(Fx)", null, "Fx").version(), "no version group: no version field");
        assertEquals("2007", agent("(Fx)", "2007", "Fx").version(), "v1_replacement is taken literally");
        assertEquals("Fx", agent("(Fx)/(\\d+)", null, "Fx/3").name());
    }

    @Test
    void osVersionShapes() {
        UserAgent emptyPatch = os("(Linux)/(\\d+)\\.(\\d+)\\.?(\\d*)", "Linux/5.15");
        assertEquals("5.15", emptyPatch.osVersion());
        assertEquals("Linux 5.15", emptyPatch.osFull());
        UserAgent emptyMajor = os("(Linux)/(\\d*)", "Linux/");
        // major is "" (non-null): ES writes version "" (dropped by cleanup) and full "Linux " (kept).
        assertNull(emptyMajor.osVersion());
        assertEquals("Linux ", emptyMajor.osFull());
        UserAgent noGroup = os("(Linux)", "Linux");
        assertEquals("Linux", noGroup.osName());
        assertNull(noGroup.osVersion());
        assertNull(noGroup.osFull());
        UserAgent optional = os("(Linux)(?:/(\\d+))?", "Linux");
        assertNull(optional.osVersion(), "major group did not take part: no version, no full");
        assertNull(optional.osFull());
    }
}
