package dev.trailhunt.kql;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds the parser and the lowering seeded random and mutated KQL: each must end in a condition or in a
 * positioned {@link KqlException} whose line and column lie inside the text, and nothing else.
 */
class KqlFuzzTest {
    private static final int CASES = 20_000;

    private static final List<String> SEEDS = List.of(
            "data_stream.dataset:aws.cloudtrail and event.provider:ec2.amazonaws.com and event.action:DeleteFlowLogs",
            "user_agent.original: (*S3 Browser* or *Cyberduck*) and not related.entity: arn\\:aws\\:iam\\:\\:aws\\:policy*",
            "user.name:(system\\:serviceaccount\\:* and not x) and source.as.organization.name:(* and not (Amazon* or AMAZON*))",
            "source.as.number >= 100 and @timestamp < \"2024-01-02\" or source.ip: 10.0.0.0/8",
            "error.message: \"access denied\" and f:{ g:1 } and \"q\\\"x\" and \\u0041 and free text",
            "aws.cloudtrail.read_only: (true or \"false\") and aws.cloudtrail.*: x");

    private static final List<String> FRAGMENTS = List.of("(", ")", "{", "}", ":", "<", "<=", ">", ">=", "\"", "\\",
            "\\\"", "\\u", "\\u00", "\\u0041", "\\:", "\\*", "\\or", "\\n", "*", "?", " ", "\n", "\t", "or", "and", "not",
            "OR", "AND", "NOT", " or ", " and ", "not ", "event.action", "source.ip", "@timestamp", "source.as.number",
            "error.message", "related.user", "user.name.text", "aws.cloudtrail.read_only", "x", "1", "1.5", "-", "now-1d",
            "2024-01", "10.0.0.0/8", "::1", "é", "\uD83D\uDE00", "\uD800", "\u0000");

    @Test
    void randomAndMutatedInputsEndInAConditionOrAPositionedError() {
        Random random = new Random(20261206L);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String text = i % 2 == 0 ? mutate(SEEDS.get(random.nextInt(SEEDS.size())), random) : fragments(random);
            try {
                Kql.lower(text);
            } catch (KqlException e) {
                int lines = (int) text.chars().filter(c -> c == '\n').count() + 1;
                if (e.line() < 1 || e.line() > lines || e.column() < 1) {
                    failures.add("bad position " + e.getMessage() + " for " + text);
                }
            } catch (RuntimeException | StackOverflowError e) {
                failures.add(e + " for " + text);
            }
            if (failures.size() > 5) {
                break;
            }
        }
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
    }

    private static String mutate(String seed, Random random) {
        StringBuilder sb = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = sb.length() == 0 ? 0 : random.nextInt(sb.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> sb.insert(at, FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
                case 1 -> {
                    if (at < sb.length()) {
                        sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(5)));
                    }
                }
                default -> sb.setLength(Math.min(sb.length(), at));
            }
        }
        return sb.toString();
    }

    private static String fragments(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
        }
        return sb.toString();
    }
}
