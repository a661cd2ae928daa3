package dev.trailhunt.eql;

import dev.trailhunt.eql.ast.Position;
import dev.trailhunt.esql.ast.Binary;
import dev.trailhunt.esql.ast.BinaryOp;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.esql.ast.FunctionCall;
import dev.trailhunt.esql.ast.Literal;
import dev.trailhunt.esql.ast.LiteralType;
import dev.trailhunt.esql.ast.Source;
import java.util.List;

/**
 * Builds the ES|QL AST nodes the EQL lowering emits, each positioned at the EQL text it came from.
 */
final class EsqlNodes {
    private EsqlNodes() {}

    /** Escapes {@code * ? \\} so a wildcard pattern matches them literally. */
    static String escapeWildcards(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch == '*' || ch == '?' || ch == '\\') {
                b.append('\\');
            }
            b.append(ch);
        }
        return b.toString();
    }

    /** Joins alternatives with OR. */
    static Expr anyOf(List<Expr> alternatives, Position p) {
        Expr out = alternatives.get(0);
        for (int i = 1; i < alternatives.size(); i++) {
            out = new Binary(BinaryOp.OR, out, alternatives.get(i), src(p));
        }
        return out;
    }

    /** Lower-cases a value, each value of a multi-valued one. */
    static Expr lowerCase(Expr e, Source s) {
        return new FunctionCall("to_lower", List.of(e), false, s);
    }

    /** Calls an ES|QL or internal search function. */
    static Expr call(String name, Source s, Expr... args) {
        return new FunctionCall(name, List.of(args), false, s);
    }

    /** Turns a null result into false, as a filter treats it. */
    static Expr falseIfNull(Expr e, Position p) {
        Source s = src(p);
        return new FunctionCall("coalesce", List.of(e, bool(false, s)), false, s);
    }

    /** Creates a boolean constant. */
    static Literal bool(boolean b, Source s) {
        return new Literal(b, LiteralType.BOOLEAN, s);
    }

    /** Creates a keyword constant. */
    static Literal str(String v, Source s) {
        return new Literal(v, LiteralType.KEYWORD, s);
    }

    /** Creates the null constant. */
    static Literal nullLiteral(Source s) {
        return new Literal(null, LiteralType.NULL, s);
    }

    /** Positions a node at an EQL line and column (no offset: the ES|QL text does not exist). */
    static Source src(Position p) {
        return new Source(p.line(), p.column(), 0, 0, "");
    }
}
