package dev.trailhunt.eql;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.eql.ast.EqlQuery;
import dev.trailhunt.eql.ast.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutates valid EQL queries at random (a fixed seed) and checks that parsing and lowering either succeed or
 * fail with a positioned {@link EqlException}, never with another exception.
 */
class EqlFuzzTest {
    private static final List<String> SEEDS = List.of(
            "sequence by aws.cloudtrail.user_identity.access_key_id with maxspan=15m\n"
                    + "  [any where event.action == \"ListFoundationModels\" and f like \"AKIA*\"]\n"
                    + "  [any where event.action : (\"InvokeModel\", \"Converse\")] until [iam where true]",
            "info where data_stream.dataset == \"aws.cloudtrail\" and stringContains(aws.cloudtrail.request_parameters, \"principal=\\\\*\")",
            "file where aws.cloudtrail.resources.arn regex~ \"arn:aws:s3:::[^/]+/.*?(how|decrypt).*\" and not x.y in~ (\"a\", \"b\") and source.as.number != -2.5e3",
            "any where startsWith~(?user.id, \"\"\"raw\"\"\") or cidrMatch(source.ip, \"10.0.0.0/8\") /* c */ and length(user.name) >= 3");
    private static final String ALPHABET = "\"\\()[]~?:=!<>,.*`/ \n-+|0123456789abcnotrinlkeywhsqu@_";

    @Test
    void mutatedQueriesFailOnlyWithPositionedErrors() {
        Random random = new Random(20261206L);
        int cases = 0;
        List<String> escaped = new ArrayList<>();
        for (String seed : SEEDS) {
            lowerAll(Eql.parse(seed));
            for (int i = 0; i < 1500; i++) {
                String text = mutate(seed, random);
                cases++;
                try {
                    lowerAll(Eql.parse(text));
                } catch (EqlException e) {
                    if (e.line() < 1 || e.column() < 1) {
                        escaped.add("no position: " + e.getMessage() + " for " + text);
                    }
                } catch (RuntimeException e) {
                    escaped.add(e + " for " + text);
                }
            }
        }
        assertTrue(escaped.isEmpty(), escaped.size() + " of " + cases + " escaped, e.g. " + escaped.subList(0, Math.min(3, escaped.size())));
    }

    private static void lowerAll(EqlQuery q) {
        if (q instanceof EqlQuery.Single s) {
            Eql.lower(s, Eql.DEFAULT_CATEGORY_FIELD);
        } else if (q instanceof EqlQuery.Sequence s) {
            for (Step step : s.steps()) {
                Eql.lower(s, step, "event.type");
            }
            if (s.until() != null) {
                Eql.lower(s, s.until(), Eql.DEFAULT_CATEGORY_FIELD);
            }
        }
    }

    private static String mutate(String seed, Random random) {
        StringBuilder b = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && b.length() > 0; i++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(3)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                default -> b.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return b.toString();
    }
}
