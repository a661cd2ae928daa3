package dev.trailhunt.ingest.ecs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Lists where uap-core 0.18.0 (bundled in uap-java 1.6.1) names agents differently from uap-core e9fd8c6
 * (the rules Elasticsearch's user_agent processor ships) and turns the former into the latter.
 *
 * <p>Each entry names one 0.18.0 rule by its exact regex and either drops it or swaps in the e9fd8c6
 * rule. The list covers every difference visible on the user agents in the reference corpus (CloudTrail
 * logs, Panther rule tests, AWS agent samples, Elastic pipeline tests), proven by
 * {@code UserAgentParserTest}. Differences that need no override, checked there too:
 * {@code aws-sdk-go-v2/…} is {@code Other} in both (0.18.0 predates uap-core's go-v2 rule) and neither
 * has the {@code os/macos#} OS rule (added to uap-core in 2024). Browser and handset rules that changed
 * between the two versions but never occur in CloudTrail are left as 0.18.0 has them.
 * Loading fails when a listed regex is missing, so a uap-java upgrade cannot silently skip an entry.
 */
final class UapCoreOverrides {

    /** One difference: a 0.18.0 agent rule, and the e9fd8c6 rule that replaces it (null: none, drop it). */
    private record Override(String bundledRegex, UaRule replacement, String why) {
    }

    private static final List<Override> AGENTS = List.of(
            new Override("\\b(Windows-Update-Agent|WindowsPowerShell|Microsoft-CryptoAPI|SophosUpdateManager"
                    + "|SophosAgent|Debian APT-HTTP|Ubuntu APT-HTTP|libcurl-agent|libwww-perl|urlgrabber|curl|PycURL"
                    + "|Wget|wget2|aria2|Axel|OpenBSD ftp|lftp|jupdate|insomnia|fetch libfetch|akka-http|got"
                    + "|CloudCockpitBackend|ReactorNetty|axios|Jersey|Vert.x-WebClient|Apache-CXF|Go-CF-client"
                    + "|go-resty|AHC|HTTPie)(?:[ /](\\d+)(?:\\.(\\d+)|)(?:\\.(\\d+)|)|)",
                    UaRule.of("\\b(Windows-Update-Agent|WindowsPowerShell|Microsoft-CryptoAPI|SophosUpdateManager"
                            + "|SophosAgent|Debian APT-HTTP|Ubuntu APT-HTTP|libcurl-agent|libwww-perl|urlgrabber"
                            + "|curl|PycURL|Wget|wget2|aria2|Axel|OpenBSD ftp|lftp|jupdate|insomnia|fetch libfetch"
                            + "|akka-http|got)(?:[ /](\\d+)(?:\\.(\\d+)|)(?:\\.(\\d+)|)|)",
                            null, null, null, null, null, null),
                    "e9fd8c6 does not know Jersey, axios, ReactorNetty, HTTPie, …: Elasticsearch names them Other"),
            new Override("(Java)[/ ]?\\d{1}\\.(\\d+)\\.(\\d+)[_-]*([a-zA-Z0-9]+|)",
                    UaRule.of("(Java)[/ ]?\\d+\\.(\\d+)\\.(\\d+)[_-]*([a-zA-Z0-9]+|)",
                            null, null, null, null, null, null),
                    "e9fd8c6 skips a multi-digit first component too, so Java/11.0.8 is version 0.8 in Elasticsearch"),
            new Override("(Java)[/ ]?(\\d+)\\.(\\d+)\\.(\\d+)", null,
                    "the modern-Java rule arrived after e9fd8c6"));

    private UapCoreOverrides() {
    }

    /** Returns {@code bundled} with every listed difference undone. */
    static UaRuleSet apply(UaRuleSet bundled) {
        return new UaRuleSet(override(bundled.agents(), AGENTS), bundled.os(), bundled.devices());
    }

    private static List<UaRule> override(List<UaRule> rules, List<Override> overrides) {
        List<UaRule> out = new ArrayList<>(rules);
        for (Override o : overrides) {
            int at = indexOf(out, UaRule::regex, o.bundledRegex());
            if (at < 0) {
                throw new IllegalStateException("uap-java's rules no longer contain " + o.bundledRegex()
                        + "; review UapCoreOverrides (" + o.why() + ")");
            }
            if (o.replacement() == null) {
                out.remove(at);
            } else {
                out.set(at, o.replacement());
            }
        }
        return List.copyOf(out);
    }

    private static int indexOf(List<UaRule> rules, Function<UaRule, String> key, String value) {
        for (int i = 0; i < rules.size(); i++) {
            if (key.apply(rules.get(i)).equals(value)) {
                return i;
            }
        }
        return -1;
    }
}
