package dev.trailhunt.rules;

import dev.trailhunt.esql.ast.NamePattern;
import dev.trailhunt.esql.ast.Source;
import java.util.Optional;

/** Decides whether trailhunt can run a rule over a CloudTrail store, and says why not. */
final class Runnability {
    /** Names an index a CloudTrail event lives in, which a rule's index patterns must reach. */
    private static final String CLOUDTRAIL_INDEX = ".ds-logs-aws.cloudtrail-default";
    private static final String CLOUDTRAIL_ALIAS = "logs-aws.cloudtrail-default";

    private Runnability() {}

    /** Returns why the rule cannot run here, or nothing when it can. */
    static Optional<String> whyNot(Rule rule) {
        switch (rule.type()) {
            case MACHINE_LEARNING:
                return Optional.of("machine learning rule: needs Elastic's anomaly detection jobs");
            case THREAT_MATCH:
                return Optional.of("unsupported: rule type threat_match (needs a threat intelligence index)");
            case OTHER:
                return Optional.of("unsupported: rule type not known to trailhunt");
            case ESQL:
                // Its FROM names the sources; the runner checks them.
                return Optional.empty();
            case QUERY, NEW_TERMS, THRESHOLD, EQL:
                break;
        }
        if (rule.type() == RuleType.EQL ? !"eql".equals(rule.language()) : !"kuery".equals(rule.language())) {
            return Optional.of("unsupported: language " + (rule.language().isEmpty() ? "(none)" : rule.language())
                    + " for a " + rule.type().tomlName() + " rule");
        }
        boolean cloudTrail = false;
        for (String index : rule.indices()) {
            NamePattern p = new NamePattern(index.strip(), Source.EMPTY);
            cloudTrail |= p.matches(CLOUDTRAIL_ALIAS) || p.matches(CLOUDTRAIL_INDEX);
        }
        if (!cloudTrail) {
            return Optional.of("reads " + (rule.indices().isEmpty() ? "no index" : String.join(", ", rule.indices())) + ", not CloudTrail");
        }
        return Optional.empty();
    }
}
