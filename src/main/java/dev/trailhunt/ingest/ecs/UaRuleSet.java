package dev.trailhunt.ingest.ecs;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Holds the three ordered uap-core rule lists (agents, operating systems, devices) read from a regexes.yaml.
 */
record UaRuleSet(List<UaRule> agents, List<UaRule> os, List<UaRule> devices) {

    /** Reads a uap-core regexes.yaml document; the stream is closed afterwards. */
    static UaRuleSet read(InputStream yaml) {
        try (InputStream in = yaml) {
            LoaderOptions options = new LoaderOptions();
            // uap-core's file is ~200 kB; SnakeYAML's default code-point limit (3 MB) is ample.
            Map<String, Object> doc = new Yaml(options).load(in);
            return new UaRuleSet(
                    rules(doc, "user_agent_parsers", "family_replacement", "v1_replacement", "v2_replacement",
                            "v3_replacement", "v4_replacement"),
                    rules(doc, "os_parsers", "os_replacement", "os_v1_replacement", "os_v2_replacement",
                            "os_v3_replacement", "os_v4_replacement"),
                    rules(doc, "device_parsers", "device_replacement", null, null, null, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<UaRule> rules(Map<String, Object> doc, String list, String name,
                                      String v1, String v2, String v3, String v4) {
        List<UaRule> out = new ArrayList<>();
        for (Object o : (List<Object>) doc.get(list)) {
            Map<String, Object> m = (Map<String, Object>) o;
            out.add(UaRule.of(str(m, "regex"), str(m, "regex_flag"), str(m, name),
                    str(m, v1), str(m, v2), str(m, v3), str(m, v4)));
        }
        return Collections.unmodifiableList(out);
    }

    private static String str(Map<String, Object> m, String key) {
        if (key == null) {
            return null;
        }
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }

    /** Returns the first match in {@code rules}, or null when none matches. */
    static UaRule.UaMatch first(List<UaRule> rules, String agent) {
        for (UaRule r : rules) {
            UaRule.UaMatch m = r.match(agent);
            if (m != null) {
                return m;
            }
        }
        return null;
    }
}
