package dev.trailhunt.rules;

import dev.trailhunt.esql.ast.Binary;
import dev.trailhunt.esql.ast.Cast;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.esql.ast.FieldRef;
import dev.trailhunt.esql.ast.FunctionCall;
import dev.trailhunt.esql.ast.In;
import dev.trailhunt.esql.ast.IsNull;
import dev.trailhunt.esql.ast.Like;
import dev.trailhunt.esql.ast.ListLiteral;
import dev.trailhunt.esql.ast.Literal;
import dev.trailhunt.esql.ast.Neg;
import dev.trailhunt.esql.ast.Not;
import dev.trailhunt.esql.ast.RLike;
import dev.trailhunt.esql.ast.TimeSpan;
import dev.trailhunt.esql.parser.EsqlText;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes a lowered rule filter (the ES|QL AST a KQL or EQL query becomes) as ES|QL text for explain, fully parenthesised; the
 * internal search functions keep their {@code $} names ({@code $term}, {@code $wildcard}, …), which no user query can call.
 */
final class FilterText {
    private FilterText() {}

    /** Returns the expression as ES|QL text. */
    static String of(Expr e) {
        if (e instanceof Binary b) {
            return "(" + of(b.left()) + " " + b.op().symbol() + " " + of(b.right()) + ")";
        }
        if (e instanceof Not n) {
            return "NOT " + of(n.operand());
        }
        if (e instanceof Neg n) {
            return "-" + of(n.operand());
        }
        if (e instanceof FieldRef f) {
            return name(f.name());
        }
        if (e instanceof Literal l) {
            return literal(l);
        }
        if (e instanceof ListLiteral l) {
            return "[" + l.values().stream().map(FilterText::literal).collect(Collectors.joining(", ")) + "]";
        }
        if (e instanceof TimeSpan t) {
            return t.amount() + " " + t.unit().name().toLowerCase(Locale.ROOT);
        }
        if (e instanceof FunctionCall f) {
            return f.name() + "(" + (f.star() ? "*" : list(f.args())) + ")";
        }
        if (e instanceof In in) {
            return of(in.value()) + (in.negated() ? " NOT IN (" : " IN (") + list(in.list()) + ")";
        }
        if (e instanceof Like l) {
            return of(l.value()) + (l.negated() ? " NOT LIKE " : " LIKE ") + patterns(l.patterns());
        }
        if (e instanceof RLike l) {
            return of(l.value()) + (l.negated() ? " NOT RLIKE " : " RLIKE ") + patterns(l.patterns());
        }
        if (e instanceof IsNull n) {
            return of(n.value()) + (n.negated() ? " IS NOT NULL" : " IS NULL");
        }
        if (e instanceof Cast c) {
            return of(c.value()) + "::" + c.type();
        }
        return e.toString();
    }

    private static String list(List<Expr> args) {
        return args.stream().map(FilterText::of).collect(Collectors.joining(", "));
    }

    private static String patterns(List<String> patterns) {
        return patterns.size() == 1 ? string(patterns.get(0))
                : "(" + patterns.stream().map(FilterText::string).collect(Collectors.joining(", ")) + ")";
    }

    private static String literal(Literal l) {
        if (l.value() == null) {
            return "null";
        }
        return l.value() instanceof String s ? string(s) : String.valueOf(l.value());
    }

    private static String name(String column) {
        return column.matches("@?[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_-]*)*") ? column : "`" + column.replace("`", "``") + "`";
    }

    private static String string(String value) {
        return EsqlText.string(value);
    }
}
