package dev.trailhunt.rules;

import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.kql.Kql;
import dev.trailhunt.kql.KqlException;
import dev.trailhunt.kql.KqlFilter;

/** Lowers a KQL rule's query into the ES|QL AST filter the translator renders. */
final class RuleFilters {
    private RuleFilters() {}

    /**
     * Holds a rule's lowered filter and what to say about it.
     *
     * @param filter the condition
     * @param note the fields the store lacks (each matches nothing), or empty
     */
    record Lowered(Expr filter, String note) {}

    /**
     * Returns the rule's filter.
     *
     * @throws RuleQueryException positioned in the rule file when the query is invalid or uses an unsupported feature
     */
    static Lowered of(Rule rule) {
        if (!"kuery".equals(rule.language())) {
            throw new RuleQueryException(rule.location() + ":" + rule.queryLine() + ": unsupported: language " + rule.language(), true);
        }
        try {
            KqlFilter f = Kql.lower(rule.query());
            String note = f.unknownFields().isEmpty() ? ""
                    : "fields the store lacks, treated as missing: " + String.join(", ", f.unknownFields());
            return new Lowered(f.filter(), note);
        } catch (KqlException e) {
            throw new RuleQueryException(QueryError.at(rule, e.line(), e.column(), e.detail()), e.isUnsupported());
        }
    }
}
