package dev.trailhunt.ingest.ecs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds one uap-core rule (regex plus optional replacements) and applies it the way Elasticsearch's
 * {@code UserAgentParser.UserAgentSubpattern} does.
 *
 * <p>Only the name replacement substitutes {@code $1}; version replacements are taken literally, as in
 * Elasticsearch. A match whose name resolves to null counts as no match.
 */
record UaRule(String regex, Pattern pattern, String nameReplacement,
              String v1Replacement, String v2Replacement, String v3Replacement, String v4Replacement) {

    /** Compiles a rule; {@code flag} "i" makes it case-insensitive as uap-core's {@code regex_flag} asks. */
    static UaRule of(String regex, String flag, String name, String v1, String v2, String v3, String v4) {
        Pattern p = "i".equals(flag) ? Pattern.compile(regex, Pattern.CASE_INSENSITIVE) : Pattern.compile(regex);
        return new UaRule(regex, p, name, v1, v2, v3, v4);
    }

    /** Returns the versioned name this rule finds in {@code agent}, or null when it does not match. */
    UaMatch match(String agent) {
        Matcher m = pattern.matcher(agent);
        if (!m.find()) {
            return null;
        }
        int groups = m.groupCount();
        String name = null;
        if (nameReplacement != null) {
            if (nameReplacement.contains("$1") && groups >= 1 && m.group(1) != null) {
                name = nameReplacement.replaceFirst("\\$1", Matcher.quoteReplacement(m.group(1)));
            } else {
                name = nameReplacement;
            }
        } else if (groups >= 1) {
            name = m.group(1);
        }
        if (name == null) {
            return null;
        }
        return new UaMatch(name,
                part(m, groups, v1Replacement, 2),
                part(m, groups, v2Replacement, 3),
                part(m, groups, v3Replacement, 4),
                part(m, groups, v4Replacement, 5));
    }

    private static String part(Matcher m, int groups, String replacement, int group) {
        if (replacement != null) {
            return replacement;
        }
        return groups >= group ? m.group(group) : null;
    }

    /** Carries a matched name and its raw version components (each may be null or empty). */
    record UaMatch(String name, String major, String minor, String patch, String build) {

        /** Renders the version as Elasticsearch 8.16.2+ does: components appended while non-empty. */
        String version() {
            StringBuilder b = new StringBuilder();
            if (hasLength(major)) {
                b.append(major);
                if (hasLength(minor)) {
                    b.append('.').append(minor);
                    if (hasLength(patch)) {
                        b.append('.').append(patch);
                        if (hasLength(build)) {
                            b.append('.').append(build);
                        }
                    }
                }
            }
            return b.toString();
        }

        private static boolean hasLength(String s) {
            return s != null && !s.isEmpty();
        }
    }
}
