package dev.trailhunt.translate;

import dev.trailhunt.esql.ast.Binary;
import dev.trailhunt.esql.ast.BinaryOp;
import dev.trailhunt.esql.ast.Cast;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.esql.ast.ExprVisitor;
import dev.trailhunt.esql.ast.FieldRef;
import dev.trailhunt.esql.ast.FunctionCall;
import dev.trailhunt.esql.ast.In;
import dev.trailhunt.esql.ast.IsNull;
import dev.trailhunt.esql.ast.Like;
import dev.trailhunt.esql.ast.ListLiteral;
import dev.trailhunt.esql.ast.Literal;
import dev.trailhunt.esql.ast.Match;
import dev.trailhunt.esql.ast.Neg;
import dev.trailhunt.esql.ast.Node;
import dev.trailhunt.esql.ast.Not;
import dev.trailhunt.esql.ast.RLike;
import dev.trailhunt.esql.ast.TimeSpan;
import dev.trailhunt.model.ValueType;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Translates one ES|QL expression into a typed DuckDB expression against the columns of one stage.
 *
 * <p>Scalar operators see a multi-valued column through {@link #single}: null unless it holds
 * exactly one value, as Elasticsearch's single-value functions do; single-valued columns are used
 * as they are, so they pay nothing.
 */
final class ExpressionTranslator implements ExprVisitor<Typed> {
    private final Map<String, Column> scope;
    private final Session session;
    private final AggregateContext aggregates;

    /** Receives aggregate calls while translating a STATS aggregate expression. */
    interface AggregateContext {
        Typed aggregate(FunctionCall call);
    }

    /**
     * Creates a translator for one scope.
     *
     * @param scope the columns a name may refer to
     * @param session now, time zone, unmapped fields and dialect of the query
     * @param aggregates receives aggregate calls inside STATS; null where aggregates are not allowed
     */
    ExpressionTranslator(Map<String, Column> scope, Session session, AggregateContext aggregates) {
        this.scope = scope;
        this.session = session;
        this.aggregates = aggregates;
    }

    Typed translate(Expr e) {
        return e.accept(this);
    }

    /** Translates a boolean expression into a condition, rejecting anything else. */
    Condition condition(Expr e) {
        Typed t = translate(e);
        return asCondition(t, e);
    }

    static Condition asCondition(Typed t, Node at) {
        if (t.isNullConstant()) {
            return DSL.condition((Boolean) null);
        }
        if (t.isSpan() || (t.type() != ValueType.BOOLEAN && t.type() != ValueType.NULL)) {
            throw Errors.semantic("Condition expression needs to be boolean, found [" + t.typeName() + "]", at);
        }
        @SuppressWarnings("unchecked")
        Field<Boolean> f = (Field<Boolean>) single(t).field();
        return DSL.condition(f);
    }

    /** Returns a scalar view of a value: a LIST with exactly one element gives it, any other LIST null. */
    static Typed single(Typed t) {
        if (!t.multiValued()) {
            return t;
        }
        return Typed.of(DSL.field("CASE WHEN {1} = 1 THEN {0}[1] END", SqlTypes.of(t.type()), t.field(), DialectSql.len(t.field())), t.type());
    }

    @Override
    public Typed visitLiteral(Literal l) {
        return switch (l.type()) {
            case NULL -> Typed.literal(null, ValueType.NULL);
            case BOOLEAN -> Typed.literal(l.value(), ValueType.BOOLEAN);
            case INTEGER -> Typed.literal(l.value(), ValueType.INTEGER);
            case LONG -> Typed.literal(l.value(), ValueType.LONG);
            case DOUBLE -> Typed.literal(l.value(), ValueType.DOUBLE);
            case KEYWORD -> Typed.literal(l.value(), ValueType.KEYWORD);
            case UNSIGNED_LONG -> throw Errors.unsupported("unsigned_long literal", l);
        };
    }

    @Override
    public Typed visitListLiteral(ListLiteral l) {
        if (l.values().isEmpty()) {
            return Typed.literal(null, ValueType.NULL);
        }
        List<Field<?>> items = new ArrayList<>();
        ValueType type = null;
        for (Literal v : l.values()) {
            Typed t = visitLiteral(v);
            if (t.isNullConstant()) {
                continue;
            }
            if (type == null) {
                type = t.type();
            } else if (type != t.type()) {
                if (type.isNumeric() && t.type().isNumeric()) {
                    type = SqlTypes.widerNumeric(type, t.type());
                } else {
                    throw Errors.semantic("multi-value constant mixes [" + type.esqlName() + "] and [" + t.type().esqlName() + "]", l);
                }
            }
            items.add(t.field());
        }
        if (type == null) {
            return Typed.literal(null, ValueType.NULL);
        }
        return Typed.list(DialectSql.listOf(items.toArray(Field<?>[]::new)), type);
    }

    @Override
    public Typed visitTimeSpan(TimeSpan s) {
        long n = s.amount();
        Object span = switch (s.unit()) {
            case MILLISECOND -> Duration.ofMillis(n);
            case SECOND -> Duration.ofSeconds(n);
            case MINUTE -> Duration.ofMinutes(n);
            case HOUR -> Duration.ofHours(n);
            case DAY -> Period.ofDays(Math.toIntExact(n));
            case WEEK -> Period.ofWeeks(Math.toIntExact(n));
            case MONTH -> Period.ofMonths(Math.toIntExact(n));
            case QUARTER -> Period.ofMonths(Math.toIntExact(n * 3));
            case YEAR -> Period.ofYears(Math.toIntExact(n));
        };
        return Typed.span(span);
    }

    @Override
    public Typed visitFieldRef(FieldRef r) {
        Column c = scope.get(r.name());
        if (c == null) {
            if (session.nullifyUnmapped()) {
                return Typed.literal(null, ValueType.NULL);
            }
            throw Errors.semantic("Unknown column [" + r.name() + "]", r);
        }
        Field<?> f = DSL.field(DSL.name(c.name()), SqlTypes.of(c.type()));
        if (c.constant() != null) {
            // The SQL still reads the column; the known text only serves arguments that must be constant.
            return new Typed(f, c.type(), false, false, c.constant());
        }
        return c.multiValued() ? Typed.list(DSL.field(DSL.name(c.name())), c.type()) : Typed.of(f, c.type());
    }

    @Override
    public Typed visitFunctionCall(FunctionCall call) {
        FunctionDef def = FunctionRegistry.standard().lookup(call.name())
                .orElseThrow(() -> Errors.unsupported(call.name().toUpperCase(java.util.Locale.ROOT), call));
        if (def.has(FunctionDef.Trait.AGGREGATE)) {
            if (aggregates == null) {
                throw Errors.semantic("aggregate function [" + call.source().text() + "] is only allowed in STATS", call);
            }
            return aggregates.aggregate(call);
        }
        List<Typed> args = new ArrayList<>(call.args().size());
        for (Expr a : call.args()) {
            args.add(translate(a));
        }
        return FunctionRegistry.standard().render(call, args, session, null);
    }

    @Override
    public Typed visitBinary(Binary b) {
        BinaryOp op = b.op();
        if (op.group() == BinaryOp.Group.LOGICAL) {
            Condition l = condition(b.left());
            Condition r = condition(b.right());
            return Typed.bool(op == BinaryOp.AND ? l.and(r) : l.or(r));
        }
        Typed l = translate(b.left());
        Typed r = translate(b.right());
        if (op.group() == BinaryOp.Group.COMPARISON) {
            return Typed.bool(Comparisons.compare(op, l, r, b));
        }
        if (session.zoned() && (l.value() instanceof java.time.Period || r.value() instanceof java.time.Period) && !(l.isSpan() && r.isSpan())) {
            // Calendar spans move the session zone's wall clock, across daylight-saving changes.
            throw Errors.unsupported("date math with a calendar span and SET time_zone", b);
        }
        return Arithmetic.apply(op, l, r, b);
    }

    @Override
    public Typed visitNot(Not n) {
        return Typed.bool(DSL.not(condition(n.operand())));
    }

    @Override
    public Typed visitNeg(Neg n) {
        Typed t = translate(n.operand());
        if (t.value() instanceof Period p) {
            return Typed.span(p.negated());
        }
        if (t.value() instanceof Duration d) {
            return Typed.span(d.negated());
        }
        if (t.isNullConstant()) {
            return t;
        }
        if (!t.isNumeric()) {
            throw Errors.semantic("argument of [" + n.source().text() + "] must be numeric, found [" + t.typeName() + "]", n);
        }
        Typed s = single(t);
        String template = SqlTypes.isIntegral(t.type()) ? "try(-{0})" : "(-{0})";
        return Typed.of(DSL.field(template, SqlTypes.of(t.type()), s.field()), t.type());
    }

    @Override
    public Typed visitIn(In in) {
        Typed v = single(translate(in.value()));
        List<Field<Object>> items = new ArrayList<>();
        Condition multi = null;
        for (Expr e : in.list()) {
            Typed t = translate(e);
            if (t.multiValued()) {
                // Elasticsearch answers null (with a warning) when any item of the list is a multi-value.
                Condition more = DSL.condition("{0} > 1", DialectSql.len(t.field()));
                multi = multi == null ? more : multi.or(more);
                t = single(t);
            }
            items.add(Comparisons.coerce(t, v, e).obj());
            Comparisons.requireComparable(v, Comparisons.coerce(t, v, e), in);
        }
        Field<Object> f = v.obj();
        Condition result = in.negated() ? f.notIn(items) : f.in(items);
        if (multi != null) {
            result = DSL.condition(DSL.when(multi, DSL.inline((Boolean) null)).otherwise(DSL.field(result)));
        }
        return Typed.bool(result);
    }

    @Override
    public Typed visitLike(Like like) {
        Typed v = single(requireString(translate(like.value()), like));
        Condition any = null;
        for (String p : like.patterns()) {
            Condition c = v.obj().like(DSL.inline(LikePattern.toSqlLike(p))).escape('\\');
            any = any == null ? c : any.or(c);
        }
        return Typed.bool(like.negated() ? DSL.not(any) : any);
    }

    @Override
    public Typed visitRLike(RLike rlike) {
        Typed v = single(requireString(translate(rlike.value()), rlike));
        Condition any = null;
        for (String p : rlike.patterns()) {
            String re;
            try {
                re = LikePattern.toRe2(p);
            } catch (IllegalArgumentException e) {
                throw Errors.unsupported(e.getMessage(), rlike);
            }
            Re2.requireValid(re, "RLIKE pattern [" + p + "]", rlike);
            Condition c = DSL.condition(DialectSql.fullMatch(v.field(), re));
            any = any == null ? c : any.or(c);
        }
        return Typed.bool(rlike.negated() ? DSL.not(any) : any);
    }

    private static Typed requireString(Typed t, Node at) {
        if (t.isNullConstant() || (!t.isSpan() && (SqlTypes.isString(t.type()) || t.type() == ValueType.NULL || t.type() == ValueType.IP))) {
            return t;
        }
        throw Errors.semantic("argument of [" + at.source().text() + "] must be [string], found [" + t.typeName() + "]", at);
    }

    @Override
    public Typed visitIsNull(IsNull n) {
        Typed t = translate(n.value());
        Field<?> f = t.field();
        return Typed.bool(n.negated() ? f.isNotNull() : f.isNull());
    }

    @Override
    public Typed visitCast(Cast c) {
        return ConversionFunctions.cast(c, translate(c.value()), session);
    }

    @Override
    public Typed visitMatch(Match m) {
        throw Errors.unsupported("match operator `:`", m);
    }

    /** Folds a datetime constant shifted by a span constant, as Java's calendar arithmetic does. */
    static LocalDateTime shift(LocalDateTime t, Object span, boolean minus) {
        if (span instanceof Period p) {
            return minus ? t.minus(p) : t.plus(p);
        }
        Duration d = (Duration) span;
        return minus ? t.minus(d) : t.plus(d);
    }
}
