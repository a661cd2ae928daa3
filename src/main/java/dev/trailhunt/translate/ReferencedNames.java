package dev.trailhunt.translate;

import dev.trailhunt.esql.ast.Aggregate;
import dev.trailhunt.esql.ast.Alias;
import dev.trailhunt.esql.ast.Binary;
import dev.trailhunt.esql.ast.Cast;
import dev.trailhunt.esql.ast.Command;
import dev.trailhunt.esql.ast.CommandVisitor;
import dev.trailhunt.esql.ast.Dissect;
import dev.trailhunt.esql.ast.Drop;
import dev.trailhunt.esql.ast.Eval;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.esql.ast.ExprVisitor;
import dev.trailhunt.esql.ast.FieldRef;
import dev.trailhunt.esql.ast.From;
import dev.trailhunt.esql.ast.FunctionCall;
import dev.trailhunt.esql.ast.Grok;
import dev.trailhunt.esql.ast.In;
import dev.trailhunt.esql.ast.IsNull;
import dev.trailhunt.esql.ast.Keep;
import dev.trailhunt.esql.ast.Like;
import dev.trailhunt.esql.ast.Limit;
import dev.trailhunt.esql.ast.ListLiteral;
import dev.trailhunt.esql.ast.Literal;
import dev.trailhunt.esql.ast.Match;
import dev.trailhunt.esql.ast.MvExpand;
import dev.trailhunt.esql.ast.NamePattern;
import dev.trailhunt.esql.ast.Neg;
import dev.trailhunt.esql.ast.Not;
import dev.trailhunt.esql.ast.Order;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.esql.ast.RLike;
import dev.trailhunt.esql.ast.Rename;
import dev.trailhunt.esql.ast.RenamePair;
import dev.trailhunt.esql.ast.Row;
import dev.trailhunt.esql.ast.Sort;
import dev.trailhunt.esql.ast.Stats;
import dev.trailhunt.esql.ast.TimeSpan;
import dev.trailhunt.esql.ast.UnsupportedCommand;
import dev.trailhunt.esql.ast.Where;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds which source columns a query can ever observe, so FROM selects only those.
 *
 * <p>Only a query containing STATS or KEEP is pruned: those commands end every column they do not
 * name, so a FROM column that no expression, pattern or rename mentions cannot reach the output.
 */
final class ReferencedNames implements CommandVisitor<Void>, ExprVisitor<Void> {
    private final Set<String> names = new HashSet<>();
    private final List<NamePattern> wildcards = new ArrayList<>();
    private boolean prunable;

    /** Returns the names the query mentions (expressions, patterns without wildcards, renames), sorted. */
    static java.util.SortedSet<String> mentioned(Query q) {
        ReferencedNames r = new ReferencedNames();
        for (Command c : q.commands()) {
            c.accept(r);
        }
        return new java.util.TreeSet<>(r.names);
    }

    /** Returns a filter over source column names, or null when every column must be kept. */
    static java.util.function.Predicate<String> of(Query q) {
        ReferencedNames r = new ReferencedNames();
        for (Command c : q.commands()) {
            c.accept(r);
        }
        if (!r.prunable) {
            return null;
        }
        return name -> r.names.contains(name) || r.wildcards.stream().anyMatch(p -> p.matches(name));
    }

    @Override
    public Void visitFrom(From c) {
        return null;
    }

    @Override
    public Void visitRow(Row c) {
        c.fields().forEach(a -> expr(a.expr()));
        return null;
    }

    @Override
    public Void visitWhere(Where c) {
        return expr2(c.condition());
    }

    @Override
    public Void visitEval(Eval c) {
        c.fields().forEach(a -> expr(a.expr()));
        return null;
    }

    @Override
    public Void visitStats(Stats c) {
        prunable = true;
        for (Aggregate a : c.aggregates()) {
            expr(a.alias().expr());
            if (a.filter() != null) {
                expr(a.filter());
            }
        }
        c.groupings().forEach((Alias a) -> expr(a.expr()));
        return null;
    }

    @Override
    public Void visitSort(Sort c) {
        c.orders().forEach((Order o) -> expr(o.expr()));
        return null;
    }

    @Override
    public Void visitLimit(Limit c) {
        return null;
    }

    @Override
    public Void visitKeep(Keep c) {
        prunable = true;
        patterns(c.patterns());
        return null;
    }

    @Override
    public Void visitDrop(Drop c) {
        patterns(c.patterns());
        return null;
    }

    @Override
    public Void visitRename(Rename c) {
        c.pairs().forEach((RenamePair p) -> names.add(p.oldName()));
        return null;
    }

    @Override
    public Void visitDissect(Dissect c) {
        return expr2(c.input());
    }

    @Override
    public Void visitGrok(Grok c) {
        return expr2(c.input());
    }

    @Override
    public Void visitMvExpand(MvExpand c) {
        names.add(c.field());
        return null;
    }

    @Override
    public Void visitUnsupportedCommand(UnsupportedCommand c) {
        // The translation stops at this command, so what it would read does not matter.
        return null;
    }

    private void patterns(List<NamePattern> patterns) {
        for (NamePattern p : patterns) {
            if (p.hasWildcard()) {
                wildcards.add(p);
            } else {
                names.add(p.pattern());
            }
        }
    }

    private void expr(Expr e) {
        e.accept(this);
    }

    @Override
    public Void visitLiteral(Literal e) {
        return null;
    }

    @Override
    public Void visitListLiteral(ListLiteral e) {
        return null;
    }

    @Override
    public Void visitTimeSpan(TimeSpan e) {
        return null;
    }

    @Override
    public Void visitFieldRef(FieldRef e) {
        names.add(e.name());
        return null;
    }

    @Override
    public Void visitFunctionCall(FunctionCall e) {
        e.args().forEach(this::expr);
        return null;
    }

    @Override
    public Void visitBinary(Binary e) {
        expr(e.left());
        expr(e.right());
        return null;
    }

    @Override
    public Void visitNot(Not e) {
        return expr2(e.operand());
    }

    @Override
    public Void visitNeg(Neg e) {
        return expr2(e.operand());
    }

    @Override
    public Void visitIn(In e) {
        expr(e.value());
        e.list().forEach(this::expr);
        return null;
    }

    @Override
    public Void visitLike(Like e) {
        return expr2(e.value());
    }

    @Override
    public Void visitRLike(RLike e) {
        return expr2(e.value());
    }

    @Override
    public Void visitIsNull(IsNull e) {
        return expr2(e.value());
    }

    @Override
    public Void visitCast(Cast e) {
        return expr2(e.value());
    }

    @Override
    public Void visitMatch(Match e) {
        expr(e.field());
        return expr2(e.query());
    }

    private Void expr2(Expr e) {
        expr(e);
        return null;
    }
}
