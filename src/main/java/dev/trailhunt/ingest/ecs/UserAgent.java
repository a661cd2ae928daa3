package dev.trailhunt.ingest.ecs;

/**
 * Carries the {@code user_agent.*} fields Elasticsearch's user_agent processor produces for one string.
 *
 * @param original   the input string
 * @param name       the agent name, {@code Other} when no rule matched
 * @param version    the agent version, null when absent or empty (the pipeline's cleanup drops "")
 * @param osName     the OS name, null when no OS rule matched
 * @param osVersion  the OS version, null when absent or empty
 * @param osFull     {@code osName + " " + version}, present whenever the OS major component is non-null
 * @param deviceName the device name, {@code Other} when no rule matched
 */
public record UserAgent(String original, String name, String version, String osName, String osVersion,
                        String osFull, String deviceName) {

    /** Computes the fields from the three rule lists as Elasticsearch does. */
    static UserAgent parse(UaRuleSet rules, String agent) {
        UaRule.UaMatch ua = UaRuleSet.first(rules.agents(), agent);
        UaRule.UaMatch os = UaRuleSet.first(rules.os(), agent);
        UaRule.UaMatch device = UaRuleSet.first(rules.devices(), agent);
        String name = ua == null ? "Other" : ua.name();
        String version = ua != null && ua.major() != null ? emptyToNull(ua.version()) : null;
        String osName = null;
        String osVersion = null;
        String osFull = null;
        if (os != null) {
            osName = os.name();
            if (os.major() != null) {
                String v = os.version();
                osVersion = emptyToNull(v);
                osFull = os.name() + " " + v;
            }
        }
        return new UserAgent(agent, name, version, osName, osVersion, osFull,
                device == null ? "Other" : device.name());
    }

    /** Returns these fields for {@code agent}, a longer string whose head they were parsed from. */
    UserAgent withOriginal(String agent) {
        return new UserAgent(agent, name, version, osName, osVersion, osFull, deviceName);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
