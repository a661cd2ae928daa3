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
 *
 * <p>Unlike Elasticsearch, the rules see at most the first {@link #MAX_PARSED_CHARS} characters of an agent;
 * {@code user_agent.original} stays whole.
 */
public final class UserAgentParser {

    private static final String BUNDLED_RULES = "/ua_parser/regexes.yaml";
    private static final int CACHE_LIMIT = 4096;

    /**
     * Bounds the characters the rules see. Elasticsearch's processor hands the whole string to every rule
     * (its {@code UserAgentParser.parse} has no bound), and the ~1,000 rules cost about 10 µs per character,
     * so a 50 MB agent stalls ingest for minutes. 1024 is ECS's {@code ignore_above} on
     * {@code user_agent.original}, the length beyond which Elastic itself stops indexing an agent as a
     * keyword; real agents are far shorter (the longest in the shared corpus has 331 characters). A longer
     * agent is named from its first 1024 characters, which hold the product tokens every rule looks for.
     */
    public static final int MAX_PARSED_CHARS = 1024;

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

    /** Returns the user_agent fields for {@code agent}, named from its first {@link #MAX_PARSED_CHARS} characters. */
    public UserAgent parse(String agent) {
        String head = head(agent);
        UserAgent fields = cache.get(head);
        if (fields == null) {
            fields = UserAgent.parse(rules, head);
            if (cache.size() >= CACHE_LIMIT) {
                // A crude but safe bound: unusual inputs (random agents) must not grow memory without limit.
                cache.clear();
            }
            cache.put(head, fields);
        }
        return head == agent ? fields : fields.withOriginal(agent);
    }

    /** Returns the first {@link #MAX_PARSED_CHARS} characters of {@code agent} (itself when shorter), never half a surrogate pair. */
    static String head(String agent) {
        if (agent.length() <= MAX_PARSED_CHARS) {
            return agent;
        }
        int end = Character.isHighSurrogate(agent.charAt(MAX_PARSED_CHARS - 1)) ? MAX_PARSED_CHARS - 1 : MAX_PARSED_CHARS;
        return agent.substring(0, end);
    }

    private static InputStream open(String resource) {
        InputStream in = UserAgentParser.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("uap-java's " + resource + " is missing from the class path");
        }
        return in;
    }
}
