package dev.trailhunt.eql;

import static dev.trailhunt.eql.EsqlNodes.anyOf;
import static dev.trailhunt.eql.EsqlNodes.bool;
import static dev.trailhunt.eql.EsqlNodes.call;
import static dev.trailhunt.eql.EsqlNodes.escapeWildcards;
import static dev.trailhunt.eql.EsqlNodes.falseIfNull;
import static dev.trailhunt.eql.EsqlNodes.lowerCase;
import static dev.trailhunt.eql.EsqlNodes.nullLiteral;
import static dev.trailhunt.eql.EsqlNodes.src;
import static dev.trailhunt.eql.EsqlNodes.str;

import dev.trailhunt.eql.ast.Call;
import dev.trailhunt.eql.ast.Comparison;
import dev.trailhunt.eql.ast.Constant;
import dev.trailhunt.eql.ast.EqlExpr;
import dev.trailhunt.eql.ast.EqlExprVisitor;
import dev.trailhunt.eql.ast.FieldName;
import dev.trailhunt.eql.ast.InsensitiveEquals;
import dev.trailhunt.eql.ast.Logical;
import dev.trailhunt.eql.ast.Lookup;
import dev.trailhunt.eql.ast.Negation;
import dev.trailhunt.eql.ast.PatternMatch;
import dev.trailhunt.eql.ast.Position;
import dev.trailhunt.esql.ast.Binary;
import dev.trailhunt.esql.ast.BinaryOp;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.esql.ast.FieldRef;
import dev.trailhunt.esql.ast.FunctionCall;
import dev.trailhunt.esql.ast.IsNull;
import dev.trailhunt.esql.ast.Literal;
import dev.trailhunt.esql.ast.LiteralType;
import dev.trailhunt.esql.ast.Not;
import dev.trailhunt.esql.ast.Source;
import dev.trailhunt.model.EcsColumn;
import dev.trailhunt.model.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lowers an EQL condition into an ES|QL boolean expression that is never null, as Elasticsearch evaluates it.
 *
 * <p>Elasticsearch turns a predicate on a field and constants into a Lucene query: it matches when any value of
 * the field matches and never matches a missing field, and {@code not}/{@code !=} match what it does not (a
 * missing field included). Anything else (a field compared with a field, {@code endsWith}, {@code length},
 * case-insensitive {@code stringContains~}) runs as a script, where null propagates through {@code not} and a
 * null result is false. A field the store lacks is missing: its query predicates are false and its scripts null.
 */
final class ConditionLowering {
    private final String text;
    private final List<FieldName> unknown;

    ConditionLowering(String text, List<FieldName> unknown) {
        this.text = text;
        this.unknown = unknown;
    }

    /** Returns the two-valued ES|QL form of {@code e}. */
    Expr lower(EqlExpr e) {
        if (isScript(e)) {
            return falseIfNull(script(e), e.position());
        }
        return e.accept(new EqlExprVisitor<Expr>() {
            @Override
            public Expr visitLogical(Logical l) {
                return new Binary(l.and() ? BinaryOp.AND : BinaryOp.OR, lower(l.left()), lower(l.right()), src(l.position()));
            }

            @Override
            public Expr visitNegation(Negation n) {
                return new Not(lower(n.operand()), src(n.position()));
            }

            @Override
            public Expr visitComparison(Comparison c) {
                return comparison(c);
            }

            @Override
            public Expr visitInsensitiveEquals(InsensitiveEquals ie) {
                return insensitiveEquals(ie);
            }

            @Override
            public Expr visitLookup(Lookup l) {
                return lookup(l);
            }

            @Override
            public Expr visitPatternMatch(PatternMatch p) {
                return patternMatch(p);
            }

            @Override
            public Expr visitCall(Call c) {
                return queryCall(c);
            }

            @Override
            public Expr visitFieldName(FieldName f) {
                return booleanField(f);
            }

            @Override
            public Expr visitConstant(Constant c) {
                return booleanConstant(c);
            }
        });
    }

    // ---- which predicates Elasticsearch runs as scripts

    private boolean isScript(EqlExpr e) {
        return e.accept(new EqlExprVisitor<Boolean>() {
            @Override
            public Boolean visitLogical(Logical l) {
                return false;
            }

            @Override
            public Boolean visitNegation(Negation n) {
                return isScript(n.operand());
            }

            @Override
            public Boolean visitComparison(Comparison c) {
                return !isField(c.left()) || !(c.right() instanceof Constant);
            }

            @Override
            public Boolean visitInsensitiveEquals(InsensitiveEquals ie) {
                return !isField(ie.value());
            }

            @Override
            public Boolean visitLookup(Lookup l) {
                return !isField(l.value());
            }

            @Override
            public Boolean visitPatternMatch(PatternMatch p) {
                return !isField(p.value());
            }

            @Override
            public Boolean visitCall(Call c) {
                return !isQueryCall(c);
            }

            @Override
            public Boolean visitFieldName(FieldName f) {
                return false;
            }

            @Override
            public Boolean visitConstant(Constant c) {
                return false;
            }
        });
    }

    /**
     * Tells whether {@code e} is a field a query can search. An optional {@code ?field} the store lacks is not:
     * Elasticsearch replaces it with null, so its predicates fold like scripts ({@code not} stays false).
     */
    private static boolean isField(EqlExpr e) {
        return e instanceof FieldName f && !(f.optional() && StoreFields.column(f.name()) == null);
    }

    private boolean isQueryCall(Call c) {
        String name = c.name().toLowerCase(Locale.ROOT);
        boolean fieldThenConstants = !c.args().isEmpty() && isField(c.args().get(0))
                && c.args().stream().skip(1).allMatch(a -> a instanceof Constant k && k.isString());
        return switch (name) {
            case "stringcontains" -> fieldThenConstants && !c.caseInsensitive() && c.args().size() == 2;
            case "startswith" -> fieldThenConstants && c.args().size() == 2;
            case "cidrmatch" -> fieldThenConstants && c.args().size() >= 2;
            case "wildcard" -> fieldThenConstants && c.args().size() >= 2;
            default -> false;
        };
    }

    // ---- query predicates (any value matches, a missing field never does)

    private Expr comparison(Comparison c) {
        FieldName f = (FieldName) c.left();
        Constant k = (Constant) c.right();
        Source s = src(c.position());
        if (k.value() == null) {
            return switch (c.op()) {
                case "==" -> new Not(exists(f, s), s);
                case "!=" -> exists(f, s);
                default -> throw error(k.position(), "null can only be compared with == or !=");
            };
        }
        EcsColumn col = column(f);
        if (c.op().equals("!=")) {
            return new Not(equality(f, col, k, s), s);
        }
        if (c.op().equals("==")) {
            return equality(f, col, k, s);
        }
        if (col == null) {
            return bool(false, s);
        }
        if (col.multiValued()) {
            throw unsupported(c.position(), "range comparison [" + c.op() + "] on multi-valued field [" + f.name() + "]");
        }
        BinaryOp op = switch (c.op()) {
            case "<" -> BinaryOp.LT;
            case "<=" -> BinaryOp.LTE;
            case ">" -> BinaryOp.GT;
            default -> BinaryOp.GTE;
        };
        return falseIfNull(new Binary(op, field(f), typedConstant(col, k), s), c.position());
    }

    /** Lowers a term query: {@code f == k}, case-sensitive, any value. */
    private Expr equality(FieldName f, EcsColumn col, Constant k, Source s) {
        if (col == null) {
            return bool(false, s);
        }
        return call("$term", s, field(f), typedConstant(col, k));
    }

    private Expr insensitiveEquals(InsensitiveEquals ie) {
        FieldName f = (FieldName) ie.value();
        EcsColumn col = keywordColumn(f, ":");
        List<Expr> alternatives = new ArrayList<>();
        for (Constant k : ie.candidates()) {
            String v = string(k, ":");
            Source s = src(k.position());
            if (col == null) {
                alternatives.add(bool(false, s));
            } else if (v.indexOf('*') >= 0 || v.indexOf('?') >= 0) {
                alternatives.add(call("$wildcard", s, field(f), str(v, s), bool(true, s)));
            } else {
                alternatives.add(call("$term", s, field(f), str(v, s), bool(true, s)));
            }
        }
        return anyOf(alternatives, ie.position());
    }

    private Expr lookup(Lookup l) {
        FieldName f = (FieldName) l.value();
        EcsColumn col = column(f);
        List<Expr> alternatives = new ArrayList<>();
        for (Constant k : l.candidates()) {
            Source s = src(k.position());
            if (k.value() == null) {
                alternatives.add(new Not(exists(f, s), s));
            } else if (l.caseInsensitive()) {
                String v = string(k, "in~");
                alternatives.add(col == null ? bool(false, s)
                        : call("$term", s, field(keywordField(f, col, "in~")), str(v, s), bool(true, s)));
            } else {
                alternatives.add(equality(f, col, k, s));
            }
        }
        return anyOf(alternatives, l.position());
    }

    private Expr patternMatch(PatternMatch p) {
        FieldName f = (FieldName) p.value();
        String op = (p.regex() ? "regex" : "like") + (p.caseInsensitive() ? "~" : "");
        EcsColumn col = keywordColumn(f, op);
        List<Expr> alternatives = new ArrayList<>();
        for (String pattern : p.patterns()) {
            Source s = src(p.position());
            if (col == null) {
                alternatives.add(bool(false, s));
                continue;
            }
            if (!p.regex()) {
                alternatives.add(call("$wildcard", s, field(f), str(pattern, s), bool(p.caseInsensitive(), s)));
                continue;
            }
            // regex~ runs on lower-cased values with a regex whose literal letters are lower-cased.
            Expr value = p.caseInsensitive() ? lowerCase(field(f), s) : field(f);
            alternatives.add(call("mv_rlike", s, value, str(p.caseInsensitive() ? RegexCase.lowerLiterals(pattern) : pattern, s)));
        }
        return anyOf(alternatives, p.position());
    }

    private Expr queryCall(Call c) {
        String name = c.name().toLowerCase(Locale.ROOT);
        FieldName f = (FieldName) c.args().get(0);
        Source s = src(c.position());
        EcsColumn col = name.equals("cidrmatch") ? column(f) : keywordColumn(f, c.name());
        if (col == null) {
            return bool(false, s);
        }
        List<String> constants = c.args().stream().skip(1).map(a -> (String) ((Constant) a).value()).toList();
        switch (name) {
            case "stringcontains" -> {
                // Elasticsearch builds "*" + substring + "*" without escaping, so a * inside is a wildcard.
                return call("$wildcard", s, field(f), str("*" + constants.get(0) + "*", s));
            }
            case "startswith" -> {
                // A prefix query: its characters are literal.
                return call("$wildcard", s, field(f), str(escapeWildcards(constants.get(0)) + "*", s),
                        bool(c.caseInsensitive(), s));
            }
            case "wildcard" -> {
                List<Expr> alternatives = new ArrayList<>();
                for (String pattern : constants) {
                    alternatives.add(call("$wildcard", s, field(f), str(pattern, s)));
                }
                return anyOf(alternatives, c.position());
            }
            default -> {
                if (col.esqlType() != ValueType.IP) {
                    throw unsupported(c.position(), "cidrMatch on non-ip field [" + f.name() + "]");
                }
                // Elasticsearch sends the addresses as one terms query; a term on an ip field with / is a CIDR block.
                List<Expr> alternatives = new ArrayList<>();
                constants.forEach(k -> alternatives.add(call("$term", s, field(f), str(k, s))));
                return anyOf(alternatives, c.position());
            }
        }
    }

    private Expr booleanField(FieldName f) {
        EcsColumn col = column(f);
        Source s = src(f.position());
        if (col == null) {
            return bool(false, s);
        }
        if (col.esqlType() != ValueType.BOOLEAN) {
            throw error(f.position(), "field [" + f.name() + "] is not a boolean condition");
        }
        return falseIfNull(field(f), f.position());
    }

    private Expr booleanConstant(Constant c) {
        if (c.value() instanceof Boolean b) {
            return bool(b, src(c.position()));
        }
        throw error(c.position(), "constant [" + c.value() + "] is not a condition");
    }

    // ---- scripts (null propagates, a null result is false)

    private Expr script(EqlExpr e) {
        Source s = src(e.position());
        return e.accept(new EqlExprVisitor<Expr>() {
            @Override
            public Expr visitNegation(Negation n) {
                return new Not(script(n.operand()), s);
            }

            @Override
            public Expr visitLogical(Logical l) {
                return new Binary(l.and() ? BinaryOp.AND : BinaryOp.OR, script(l.left()), script(l.right()), s);
            }

            @Override
            public Expr visitFieldName(FieldName f) {
                EcsColumn col = column(f);
                if (col != null && col.multiValued()) {
                    // Elasticsearch's scripts read one value per field; which one a list gives is not defined.
                    throw unsupported(f.position(), "multi-valued field [" + f.name() + "] in a computed comparison or function");
                }
                return col == null ? nullLiteral(s) : field(f);
            }

            @Override
            public Expr visitConstant(Constant c) {
                return constant(c);
            }

            @Override
            public Expr visitComparison(Comparison c) {
                return scriptComparison(c, s);
            }

            @Override
            public Expr visitCall(Call c) {
                return scriptCall(c, s);
            }

            @Override
            public Expr visitInsensitiveEquals(InsensitiveEquals ie) {
                throw unsupported(ie.position(), "[:] on a computed value");
            }

            @Override
            public Expr visitLookup(Lookup l) {
                throw unsupported(l.position(), "[in] on a computed value");
            }

            @Override
            public Expr visitPatternMatch(PatternMatch p) {
                throw unsupported(p.position(), "[like]/[regex] on a computed value");
            }
        });
    }

    private Expr scriptComparison(Comparison c, Source s) {
        boolean leftNull = c.left() instanceof Constant l && l.value() == null;
        boolean rightNull = c.right() instanceof Constant r && r.value() == null;
        if ((leftNull || rightNull) && (c.op().equals("==") || c.op().equals("!="))) {
            // EQL turns a comparison with null into a null test, so null == null is true.
            return new IsNull(script(rightNull ? c.left() : c.right()), c.op().equals("!="), s);
        }
        BinaryOp op = switch (c.op()) {
            case "==" -> BinaryOp.EQ;
            case "!=" -> BinaryOp.NEQ;
            case "<" -> BinaryOp.LT;
            case "<=" -> BinaryOp.LTE;
            case ">" -> BinaryOp.GT;
            default -> BinaryOp.GTE;
        };
        return new Binary(op, script(c.left()), script(c.right()), s);
    }

    private Expr scriptCall(Call c, Source s) {
        String name = c.name().toLowerCase(Locale.ROOT);
        List<Expr> args = new ArrayList<>();
        for (EqlExpr a : c.args()) {
            Expr x = script(a);
            args.add(c.caseInsensitive() ? lowerCase(x, s) : x);
        }
        String esql = switch (name) {
            case "stringcontains" -> "contains";
            case "startswith" -> "starts_with";
            case "endswith" -> "ends_with";
            case "length" -> "length";
            case "cidrmatch" -> "cidr_match";
            default -> throw unsupported(c.position(), "function " + c.name() + (c.caseInsensitive() ? "~" : ""));
        };
        int arity = switch (name) {
            case "length" -> 1;
            case "cidrmatch" -> -1;
            default -> 2;
        };
        if (arity > 0 && args.size() != arity || arity < 0 && args.size() < 2) {
            throw error(c.position(), c.name() + " takes " + (arity < 0 ? "at least 2" : String.valueOf(arity))
                    + " arguments, found " + args.size());
        }
        if (name.equals("length") && c.caseInsensitive()) {
            throw error(c.position(), "length has no case-insensitive form");
        }
        return new FunctionCall(esql, args, false, s);
    }

    // ---- helpers

    private EcsColumn column(FieldName f) {
        EcsColumn col = StoreFields.column(f.name());
        if (col == null && !f.optional() && unknown.stream().noneMatch(u -> u.equals(f))) {
            unknown.add(f);
        }
        return col;
    }

    private EcsColumn keywordColumn(FieldName f, String op) {
        EcsColumn col = column(f);
        if (col != null) {
            keywordField(f, col, op);
        }
        return col;
    }

    private FieldName keywordField(FieldName f, EcsColumn col, String op) {
        if (col.esqlType() != ValueType.KEYWORD && col.esqlType() != ValueType.TEXT) {
            throw unsupported(f.position(), "[" + op + "] on " + col.esqlType().name().toLowerCase(Locale.ROOT)
                    + " field [" + f.name() + "]");
        }
        return f;
    }

    /** Returns the field's values as Elasticsearch indexed them: a keyword longer than ignore_above is not there. */
    private Expr field(FieldName f) {
        Source s = src(f.position());
        Expr ref = new FieldRef(f.name(), s);
        int limit = StoreFields.ignoreAbove(f.name());
        if (limit == 0) {
            return ref;
        }
        return call("$indexed", s, ref, new Literal(limit, LiteralType.INTEGER, s));
    }

    /** Lowers an exists query on the values Elasticsearch indexed. */
    private Expr exists(FieldName f, Source s) {
        return column(f) == null ? bool(false, s) : call("$exists", s, field(f));
    }

    private Expr typedConstant(EcsColumn col, Constant k) {
        Source s = src(k.position());
        Object v = k.value();
        return switch (col.esqlType()) {
            case KEYWORD, TEXT -> str(v instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(v), s);
            case BOOLEAN -> {
                if (v instanceof Boolean b) {
                    yield bool(b, s);
                }
                if ("true".equals(v) || "false".equals(v)) {
                    yield bool(Boolean.parseBoolean((String) v), s);
                }
                throw error(k.position(), "[" + v + "] is not a boolean");
            }
            case LONG, INTEGER, DOUBLE, UNSIGNED_LONG -> {
                if (v instanceof Long l) {
                    yield new Literal(l, LiteralType.LONG, s);
                }
                if (v instanceof Double d) {
                    yield new Literal(d, LiteralType.DOUBLE, s);
                }
                throw error(k.position(), "[" + v + "] is not a number");
            }
            // $term parses the string by the field's type, as a term query does.
            case IP, DATETIME, DATE_NANOS -> str(String.valueOf(v), s);
            default -> throw unsupported(k.position(), "comparison with a " + col.esqlType().name().toLowerCase(Locale.ROOT) + " field");
        };
    }

    private Expr constant(Constant c) {
        Source s = src(c.position());
        Object v = c.value();
        if (v == null) {
            return nullLiteral(s);
        }
        if (v instanceof String str) {
            return str(str, s);
        }
        if (v instanceof Long l) {
            return new Literal(l, LiteralType.LONG, s);
        }
        if (v instanceof Double d) {
            return new Literal(d, LiteralType.DOUBLE, s);
        }
        return bool((Boolean) v, s);
    }

    private String string(Constant k, String op) {
        if (k.value() instanceof String v) {
            return v;
        }
        throw error(k.position(), "[" + op + "] compares strings; found [" + k.value() + "]");
    }

    private EqlException error(Position p, String detail) {
        return new EqlException(p.line(), p.column(), detail, text);
    }

    private EqlException unsupported(Position p, String what) {
        return error(p, "unsupported: " + what);
    }
}
