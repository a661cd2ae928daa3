package dev.trailhunt.ingest.ecs;

import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses user-agent strings into {@code user_agent.*} exactly as Elasticsearch's user_agent processor does
 * with the uap-core rules Elasticsearch ships (commit e9fd8c6, 2020).
 *
 * <p>The rules come from uap-java's bundled uap-core 0.18.0 file, adjusted by {@link UapCoreOverrides} so
 * that they name agents as e9fd8c6 does. Instances are thread-safe; results are cached per string in a
 * bounded map because CloudTrail repeats a handful of agents millions of times.
 */
public final class UserAgentParser {

    private static final String BUNDLED_RULES = "/ua_parser/regexes.yaml";
    private static final int CACHE_LIMIT = 4096;

    private static final class Holder {
        private static final UserAgentParser ELASTIC = new UserAgentParser(UapCoreOverrides.apply(
                UaRuleSet.read(open(BUNDLED_RULES))));
    }

    private final UaRuleSet rules;
    private final Map<String, UserAgent> cache = new ConcurrentHashMap<>();

    UserAgentParser(UaRuleSet rules) {
        this.rules = rules;
    }

    /** Returns the shared parser that reproduces Elasticsearch's bundled rules. */
    public static UserAgentParser elastic() {
        return Holder.ELASTIC;
    }

    /** Returns the user_agent fields for {@code agent}. */
    public UserAgent parse(String agent) {
        UserAgent cached = cache.get(agent);
        if (cached != null) {
            return cached;
        }
        UserAgent parsed = UserAgent.parse(rules, agent);
        if (cache.size() >= CACHE_LIMIT) {
            // A crude but safe bound: unusual inputs (random agents) must not grow memory without limit.
            cache.clear();
        }
        cache.put(agent, parsed);
        return parsed;
    }

    private static InputStream open(String resource) {
        InputStream in = UserAgentParser.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("uap-java's " + resource + " is missing from the class path");
        }
        return in;
    }
}
