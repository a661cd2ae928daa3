package dev.trailhunt.kql;

import dev.trailhunt.esql.ast.Expr;

/**
 * Parses KQL and lowers it into an ES|QL condition over the store's events, so the translator renders it
 * through jOOQ like a hunt's WHERE and {@code explain} shows its SQL.
 */
public final class Kql {
    private Kql() {}

    /**
     * Parses and lowers a KQL query into a condition over the events table.
     *
     * @throws KqlException positioned at what is invalid or unsupported
     */
    public static Expr toFilter(String kqlText) {
        return lower(kqlText).filter();
    }

    /**
     * Parses and lowers a KQL query, and reports the fields it named that the store does not have.
     *
     * @throws KqlException positioned at what is invalid or unsupported
     */
    public static KqlFilter lower(String kqlText) {
        return lower(kqlText, SearchFields.ecs());
    }

    /** Parses and lowers a KQL query against a given set of searchable fields. */
    public static KqlFilter lower(String kqlText, SearchFields fields) {
        KqlLowering lowering = new KqlLowering(kqlText, fields);
        Expr filter = lowering.lower(parse(kqlText));
        return new KqlFilter(filter, lowering.unknownFields());
    }

    /**
     * Parses a KQL query into its syntax tree.
     *
     * @throws KqlException positioned at the first character that does not fit the grammar
     */
    public static KqlNode parse(String kqlText) {
        return KqlParser.parse(kqlText);
    }

    /** Prints a syntax tree as a one-line S-expression, for tests and diagnostics. */
    public static String describe(KqlNode n) {
        return n.accept(new Describer());
    }

    /** Prints each node form as an S-expression. */
    private static final class Describer implements KqlVisitor<String> {
        @Override
        public String visitOr(KqlNode.Or n) {
            return "(or " + String.join(" ", n.operands().stream().map(Kql::describe).toList()) + ")";
        }

        @Override
        public String visitAnd(KqlNode.And n) {
            return "(and " + String.join(" ", n.operands().stream().map(Kql::describe).toList()) + ")";
        }

        @Override
        public String visitNot(KqlNode.Not n) {
            return "(not " + describe(n.operand()) + ")";
        }

        @Override
        public String visitFieldMatch(KqlNode.FieldMatch n) {
            return "(" + field(n.field()) + ": " + describe(n.value()) + ")";
        }

        @Override
        public String visitRange(KqlNode.Range n) {
            return "(" + field(n.field()) + " " + n.op().symbol() + " " + describe(n.bound()) + ")";
        }

        @Override
        public String visitNested(KqlNode.Nested n) {
            return "(" + field(n.path()) + " {" + describe(n.query()) + "})";
        }

        @Override
        public String visitValue(KqlNode.Value v) {
            return v.quoted() ? "\"" + v.text() + "\"" : v.wildcard() ? "wildcard<" + v.pattern() + ">" : "<" + v.text() + ">";
        }

        private static String field(KqlNode.Field f) {
            return f.wildcard() ? "fields<" + f.pattern() + ">" : f.name();
        }
    }
}
