package dev.trailhunt.esql.ast;

import java.util.Objects;

/**
 * Names an expression as an output column: {@code name = expr}, or an unnamed {@code expr}.
 *
 * <p>An unnamed alias is named the way Elasticsearch names it: a plain field reference by the field's
 * name, anything else by its verbatim source text (so {@code couNt(*)} stays {@code couNt(*)}).
 *
 * @param name the output column name, never null
 * @param expr the expression computing the column
 * @param explicit whether the query wrote {@code name =} itself
 * @param source the alias text, from its name (or expression) to the end of its expression
 */
public record Alias(String name, Expr expr, boolean explicit, Source source) implements Node {

    /** Validates the components. */
    public Alias {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(source, "source");
    }

    /** Creates an unnamed alias, named by the field name for a field reference and by the expression text otherwise. */
    public static Alias unnamed(Expr expr) {
        String name = expr instanceof FieldRef ref ? ref.name() : expr.source().text();
        return new Alias(name, expr, false, expr.source());
    }
}
