package dev.trailhunt.rules;

import dev.trailhunt.esql.ast.Expr;

/** Lowers a KQL or EQL rule's query into the ES|QL AST filter the translator renders. */
final class RuleFilters {
    private RuleFilters() {}

    /**
     * Returns the rule's filter.
     *
     * @throws RuleQueryException positioned in the rule file when the query is invalid or uses an unsupported feature
     */
    static Expr of(Rule rule) {
        throw new RuleQueryException(rule.location() + ":" + rule.queryLine() + ": unsupported: "
                + ("eql".equals(rule.language()) ? "EQL" : "KQL") + " queries (this build has no " + rule.language() + " front-end)");
    }
}
