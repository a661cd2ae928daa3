package dev.trailhunt.eql;

import dev.trailhunt.eql.Token.Kind;
import dev.trailhunt.eql.ast.Call;
import dev.trailhunt.eql.ast.Comparison;
import dev.trailhunt.eql.ast.Constant;
import dev.trailhunt.eql.ast.EqlExpr;
import dev.trailhunt.eql.ast.EqlQuery;
import dev.trailhunt.eql.ast.FieldName;
import dev.trailhunt.eql.ast.InsensitiveEquals;
import dev.trailhunt.eql.ast.Logical;
import dev.trailhunt.eql.ast.Lookup;
import dev.trailhunt.eql.ast.Negation;
import dev.trailhunt.eql.ast.PatternMatch;
import dev.trailhunt.eql.ast.Position;
import dev.trailhunt.eql.ast.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses EQL text into an {@link EqlQuery} by recursive descent: {@code not} binds tighter than {@code and}, which binds tighter than {@code or}.
 */
final class EqlParser {
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "in~", "like", "like~", "regex", "regex~",
            "where", "any", "sequence", "by", "with", "until", "true", "false", "null", "join", "sample", "of", "maxspan");
    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");

    private final String text;
    private final List<Token> tokens;
    private int at;

    private EqlParser(String text) {
        this.text = text;
        this.tokens = EqlLexer.tokenize(text);
    }

    /** Parses a whole query; throws {@link EqlException} at the first error. */
    static EqlQuery parse(String text) {
        EqlParser p = new EqlParser(text);
        EqlQuery q = p.query();
        Token t = p.peek();
        if (t.isSymbol("|")) {
            throw p.unsupported(t, "pipes");
        }
        if (t.kind() != Kind.EOF) {
            throw p.error(t, "unexpected " + describe(t) + " after the query");
        }
        return q;
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(at + ahead, tokens.size() - 1));
    }

    private Token take() {
        Token t = tokens.get(at);
        if (t.kind() != Kind.EOF) {
            at++;
        }
        return t;
    }

    private static Position pos(Token t) {
        return new Position(t.line(), t.column());
    }

    private EqlException error(Token t, String detail) {
        return new EqlException(t.line(), t.column(), detail, text);
    }

    private EqlException unsupported(Token t, String what) {
        return error(t, "unsupported: " + what);
    }

    private static String describe(Token t) {
        return switch (t.kind()) {
            case EOF -> "end of query";
            case STRING -> "string \"" + t.text() + "\"";
            default -> "[" + t.text() + "]";
        };
    }

    private Token expectSymbol(String s) {
        Token t = peek();
        if (!t.isSymbol(s)) {
            throw error(t, "expected [" + s + "] but found " + describe(t));
        }
        return take();
    }

    private Token expectWord(String w) {
        Token t = peek();
        if (!t.isWord(w)) {
            throw error(t, "expected [" + w + "] but found " + describe(t));
        }
        return take();
    }

    private EqlQuery query() {
        Token t = peek();
        if (t.isWord("sequence")) {
            return sequence();
        }
        if (t.isWord("join")) {
            throw unsupported(t, "join");
        }
        if (t.isWord("sample")) {
            throw unsupported(t, "sample");
        }
        String category = category();
        EqlExpr condition = expression();
        return new EqlQuery.Single(category, condition, pos(t), text);
    }

    /** Reads {@code any where} or {@code category where}; returns null for any. */
    private String category() {
        Token t = take();
        String category;
        if (t.isWord("any")) {
            category = null;
        } else if (t.kind() == Kind.STRING
                || t.kind() == Kind.IDENT && !KEYWORDS.contains(t.text()) && !t.text().endsWith("~")) {
            if (t.kind() == Kind.IDENT && t.text().contains(".")) {
                throw error(t, "quote an event category that holds a dot: \"" + t.text() + "\"");
            }
            category = t.text();
        } else {
            throw error(t, "expected an event category or [any] but found " + describe(t));
        }
        expectWord("where");
        return category;
    }

    private EqlQuery sequence() {
        Token start = take();
        List<FieldName> by = List.of();
        Duration maxspan = null;
        if (peek().isWord("by")) {
            take();
            by = keys();
        }
        if (peek().isWord("with")) {
            take();
            maxspan = maxspan();
        }
        if (by.isEmpty() && peek().isWord("by")) {
            throw error(peek(), "[by] must come before [with maxspan]");
        }
        List<Step> steps = new ArrayList<>();
        while (peek().isSymbol("[") || peek().isSymbol("!")) {
            steps.add(step());
        }
        if (steps.size() < 2) {
            throw error(peek(), "a sequence needs at least two steps in brackets, found " + steps.size());
        }
        Step until = null;
        if (peek().isWord("until")) {
            take();
            if (!peek().isSymbol("[")) {
                throw error(peek(), "expected [[] after until but found " + describe(peek()));
            }
            until = step();
        }
        List<Step> all = new ArrayList<>(steps);
        if (until != null) {
            all.add(until);
        }
        for (Step step : all) {
            if (step.by().size() != steps.get(0).by().size()) {
                Position p = step.position();
                throw new EqlException(p.line(), p.column(), "every step needs the same number of join keys: the first has "
                        + steps.get(0).by().size() + ", this one " + step.by().size(), text);
            }
        }
        return new EqlQuery.Sequence(by, maxspan, steps, until, pos(start), text);
    }

    private Duration maxspan() {
        Token key = peek();
        if (key.isWord("runs")) {
            throw unsupported(key, "runs");
        }
        expectWord("maxspan");
        expectSymbol("=");
        Token n = take();
        if (n.kind() != Kind.INTEGER) {
            throw error(n, "expected a whole number of time units after maxspan= but found " + describe(n));
        }
        long value = Long.parseLong(n.text());
        Token unit = peek();
        if (unit.kind() != Kind.IDENT || unit.line() != n.line() || unit.column() != n.column() + n.text().length()) {
            throw error(unit, "expected a time unit (ms, s, m, h, d) right after the number");
        }
        take();
        return switch (unit.text()) {
            case "ms" -> Duration.ofMillis(value);
            case "s" -> Duration.ofSeconds(value);
            case "m" -> Duration.ofMinutes(value);
            case "h" -> Duration.ofHours(value);
            case "d" -> Duration.ofDays(value);
            default -> throw error(unit, "unknown time unit [" + unit.text() + "]; use ms, s, m, h or d");
        };
    }

    private Step step() {
        Token open = take();
        if (open.isSymbol("!")) {
            throw unsupported(open, "missing-event steps ![…]");
        }
        String category = category();
        EqlExpr condition = expression();
        expectSymbol("]");
        List<FieldName> by = List.of();
        if (peek().isWord("by")) {
            take();
            by = keys();
        }
        if (peek().isWord("with")) {
            throw unsupported(peek(), "step options (with runs=…)");
        }
        return new Step(category, condition, by, pos(open));
    }

    private List<FieldName> keys() {
        List<FieldName> out = new ArrayList<>();
        do {
            EqlExpr e = primary();
            if (!(e instanceof FieldName f)) {
                throw error(tokens.get(at - 1), "unsupported: join keys other than field names");
            }
            out.add(f);
        } while (peek().isSymbol(",") && take() != null);
        return out;
    }

    private EqlExpr expression() {
        EqlExpr left = conjunction();
        while (peek().isWord("or")) {
            Token op = take();
            left = new Logical(false, left, conjunction(), pos(op));
        }
        return left;
    }

    private EqlExpr conjunction() {
        EqlExpr left = negation();
        while (peek().isWord("and")) {
            Token op = take();
            left = new Logical(true, left, negation(), pos(op));
        }
        return left;
    }

    private EqlExpr negation() {
        if (peek().isWord("not")) {
            Token op = take();
            return new Negation(negation(), pos(op));
        }
        return predicate();
    }

    private EqlExpr predicate() {
        EqlExpr left = primary();
        Token op = peek();
        if (op.kind() == Kind.SYMBOL && COMPARISONS.contains(op.text())) {
            take();
            return new Comparison(op.text(), left, primary(), pos(op));
        }
        if (op.isSymbol(":")) {
            take();
            return new InsensitiveEquals(left, constants(), pos(op));
        }
        if (op.isWord("not") && (peekAt(1).isWord("in") || peekAt(1).isWord("in~"))) {
            take();
            Token in = take();
            return new Negation(new Lookup(left, list(), in.text().endsWith("~"), pos(in)), pos(op));
        }
        if (op.isWord("in") || op.isWord("in~")) {
            take();
            return new Lookup(left, list(), op.text().endsWith("~"), pos(op));
        }
        if (op.isWord("like") || op.isWord("like~") || op.isWord("regex") || op.isWord("regex~")) {
            take();
            List<String> patterns = new ArrayList<>();
            for (Constant c : constants()) {
                if (!c.isString()) {
                    throw error(tokenAt(c.position()), "[" + op.text() + "] takes string patterns");
                }
                patterns.add((String) c.value());
            }
            return new PatternMatch(left, patterns, op.text().startsWith("regex"), op.text().endsWith("~"), pos(op));
        }
        if (op.isWord("of")) {
            throw unsupported(op, "[of] (descendant, child or event of)");
        }
        if (op.kind() == Kind.SYMBOL && Set.of("+", "-", "*", "/", "%").contains(op.text())) {
            throw unsupported(op, "arithmetic [" + op.text() + "]");
        }
        return left;
    }

    private Token tokenAt(Position p) {
        for (Token t : tokens) {
            if (t.line() == p.line() && t.column() == p.column()) {
                return t;
            }
        }
        return peek();
    }

    /** Reads one constant or a parenthesised list of constants, the right side of {@code :}, like and regex. */
    private List<Constant> constants() {
        if (!peek().isSymbol("(")) {
            return List.of(constant());
        }
        take();
        List<Constant> out = new ArrayList<>();
        do {
            out.add(constant());
        } while (peek().isSymbol(",") && take() != null);
        expectSymbol(")");
        return out;
    }

    private List<Constant> list() {
        expectSymbol("(");
        List<Constant> out = new ArrayList<>();
        do {
            Token t = peek();
            EqlExpr e = primary();
            if (!(e instanceof Constant c)) {
                throw unsupported(t, "fields inside [in (…)]");
            }
            out.add(c);
        } while (peek().isSymbol(",") && take() != null);
        expectSymbol(")");
        return out;
    }

    private Constant constant() {
        Token t = peek();
        EqlExpr e = primary();
        if (e instanceof Constant c) {
            return c;
        }
        throw error(t, "expected a constant but found " + describe(t));
    }

    private EqlExpr primary() {
        Token t = peek();
        switch (t.kind()) {
            case STRING -> {
                take();
                return new Constant(t.text(), pos(t));
            }
            case INTEGER -> {
                take();
                try {
                    return new Constant(Long.parseLong(t.text()), pos(t));
                } catch (NumberFormatException e) {
                    throw error(t, "number [" + t.text() + "] is too large");
                }
            }
            case DECIMAL -> {
                take();
                return new Constant(Double.parseDouble(t.text()), pos(t));
            }
            case QUOTED_IDENT -> {
                take();
                return new FieldName(t.text(), false, pos(t));
            }
            case SYMBOL -> {
                return symbolPrimary(t);
            }
            case IDENT -> {
                return wordPrimary(t);
            }
            default -> throw error(t, "expected a value but found " + describe(t));
        }
    }

    private EqlExpr symbolPrimary(Token t) {
        if (t.isSymbol("(")) {
            take();
            EqlExpr inner = expression();
            expectSymbol(")");
            return inner;
        }
        if (t.isSymbol("?")) {
            take();
            Token name = take();
            if (name.kind() == Kind.QUOTED_IDENT || name.kind() == Kind.IDENT && !KEYWORDS.contains(name.text())) {
                return new FieldName(name.text(), true, pos(t));
            }
            throw error(name, "expected a field name after [?] but found " + describe(name));
        }
        if (t.isSymbol("-")) {
            Token n = peekAt(1);
            if (n.kind() == Kind.INTEGER || n.kind() == Kind.DECIMAL) {
                take();
                take();
                if (n.kind() == Kind.DECIMAL) {
                    return new Constant(-Double.parseDouble(n.text()), pos(t));
                }
                try {
                    return new Constant(Long.parseLong("-" + n.text()), pos(t));
                } catch (NumberFormatException e) {
                    throw error(n, "number [-" + n.text() + "] is too large");
                }
            }
            throw unsupported(t, "arithmetic [-]");
        }
        throw error(t, "expected a value but found " + describe(t));
    }

    private EqlExpr wordPrimary(Token t) {
        String w = t.text();
        switch (w) {
            case "true", "false" -> {
                take();
                return new Constant(Boolean.parseBoolean(w), pos(t));
            }
            case "null" -> {
                take();
                return new Constant(null, pos(t));
            }
            default -> {
                // Keywords cannot start a value.
            }
        }
        if (KEYWORDS.contains(w)) {
            throw error(t, "expected a value but found " + describe(t));
        }
        take();
        if (peek().isSymbol("(")) {
            return call(t);
        }
        if (w.endsWith("~")) {
            throw error(t, "expected [(] after function name [" + w + "]");
        }
        if (w.endsWith(".") || w.contains("..")) {
            throw error(t, "invalid field name [" + w + "]");
        }
        if (peek().isSymbol("[") && peekAt(1).kind() == Kind.INTEGER) {
            throw unsupported(peek(), "array index [" + peekAt(1).text() + "]");
        }
        return new FieldName(w, false, pos(t));
    }

    private EqlExpr call(Token name) {
        take();
        List<EqlExpr> args = new ArrayList<>();
        if (!peek().isSymbol(")")) {
            do {
                args.add(expression());
            } while (peek().isSymbol(",") && take() != null);
        }
        expectSymbol(")");
        String n = name.text();
        boolean insensitive = n.endsWith("~");
        return new Call(insensitive ? n.substring(0, n.length() - 1) : n, insensitive, args, pos(name));
    }
}
