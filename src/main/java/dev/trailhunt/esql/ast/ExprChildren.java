package dev.trailhunt.esql.ast;

import java.util.ArrayList;
import java.util.List;

/** Lists the direct sub-expressions of an expression, so that walks over a tree need no recursion. */
public final class ExprChildren implements ExprVisitor<List<Expr>> {
    private static final ExprChildren INSTANCE = new ExprChildren();

    private ExprChildren() {}

    /** Returns the direct sub-expressions of {@code e}, in written order. */
    public static List<Expr> of(Expr e) {
        return e.accept(INSTANCE);
    }

    @Override
    public List<Expr> visitLiteral(Literal e) {
        return List.of();
    }

    @Override
    public List<Expr> visitListLiteral(ListLiteral e) {
        return List.<Expr>copyOf(e.values());
    }

    @Override
    public List<Expr> visitTimeSpan(TimeSpan e) {
        return List.of();
    }

    @Override
    public List<Expr> visitFieldRef(FieldRef e) {
        return List.of();
    }

    @Override
    public List<Expr> visitFunctionCall(FunctionCall e) {
        return e.args();
    }

    @Override
    public List<Expr> visitBinary(Binary e) {
        return List.of(e.left(), e.right());
    }

    @Override
    public List<Expr> visitNot(Not e) {
        return List.of(e.operand());
    }

    @Override
    public List<Expr> visitNeg(Neg e) {
        return List.of(e.operand());
    }

    @Override
    public List<Expr> visitIn(In e) {
        List<Expr> out = new ArrayList<>(e.list().size() + 1);
        out.add(e.value());
        out.addAll(e.list());
        return out;
    }

    @Override
    public List<Expr> visitLike(Like e) {
        return List.of(e.value());
    }

    @Override
    public List<Expr> visitRLike(RLike e) {
        return List.of(e.value());
    }

    @Override
    public List<Expr> visitIsNull(IsNull e) {
        return List.of(e.value());
    }

    @Override
    public List<Expr> visitCast(Cast e) {
        return List.of(e.value());
    }

    @Override
    public List<Expr> visitMatch(Match e) {
        return List.of(e.field(), e.query());
    }
}
