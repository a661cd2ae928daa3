package dev.trailhunt.esql.parser;

import dev.trailhunt.esql.ast.Binary;
import dev.trailhunt.esql.ast.BinaryOp;
import dev.trailhunt.esql.ast.Cast;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.esql.ast.ExprChildren;
import dev.trailhunt.esql.ast.FieldRef;
import dev.trailhunt.esql.ast.FunctionCall;
import dev.trailhunt.esql.ast.In;
import dev.trailhunt.esql.ast.IsNull;
import dev.trailhunt.esql.ast.Like;
import dev.trailhunt.esql.ast.ListLiteral;
import dev.trailhunt.esql.ast.Literal;
import dev.trailhunt.esql.ast.LiteralType;
import dev.trailhunt.esql.ast.Match;
import dev.trailhunt.esql.ast.Neg;
import dev.trailhunt.esql.ast.Not;
import dev.trailhunt.esql.ast.RLike;
import dev.trailhunt.esql.ast.TimeSpan;
import dev.trailhunt.esql.ast.TimeSpanUnit;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Parses ES|QL expressions by recursive descent with Elasticsearch's precedence, bounding the nesting depth.
 *
 * <p>Precedence, loosest first: OR; AND; NOT; the predicates IN, LIKE, RLIKE, IS NULL and {@code :};
 * one non-chaining comparison; {@code + -}; {@code * / %}; unary sign; {@code ::} cast; primaries.
 */
final class ExpressionParser {

    /** Bounds recursion so hostile input gets a positioned error instead of a stack overflow. */
    static final int MAX_DEPTH = 200;

    /** Lists words that cannot be field names because they are operators or literals. */
    private static final Set<String> RESERVED = Set.of("and", "or", "not", "in", "like", "rlike", "is", "null",
            "true", "false");

    /** Lists words that may follow an integer without being its time unit. */
    private static final Set<String> AFTER_NUMBER = Set.of("and", "or", "not", "in", "like", "rlike", "is", "by",
            "as", "asc", "desc", "nulls", "first", "last", "where", "metadata", "on", "with");

    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final TokenCursor cursor;
    private int depth;
    private int terms;

    ExpressionParser(TokenCursor cursor) {
        this.cursor = cursor;
    }

    /** Parses a full boolean expression (the OR level). */
    Expr parseExpression() {
        boolean outermost = depth == 0;
        enter();
        Expr e;
        try {
            e = parseLogical("or", BinaryOp.OR, this::parseAnd);
        } finally {
            depth--;
        }
        return outermost ? bounded(e) : e;
    }

    /**
     * Parses a chain of one logical operator over operands of the next tighter level. AND and OR are
     * associative, so the chain becomes a balanced tree: a thousand terms nest ten deep, not a
     * thousand, in every later walk, rendering and plan.
     */
    private Expr parseLogical(String keyword, BinaryOp op, Supplier<Expr> operand) {
        List<Expr> operands = new ArrayList<>();
        // Where each operand's text starts and ends, parentheses included.
        List<int[]> spans = new ArrayList<>();
        do {
            int start = cursor.peek().start();
            operands.add(operand.get());
            spans.add(new int[] {start, Math.max(start, cursor.previousEnd())});
        } while (cursor.acceptKeyword(keyword));
        return balanced(op, operands, spans, 0, operands.size());
    }

    /** Joins {@code operands[from, to)} with {@code op}, the left half one larger on an odd count, so three terms stay left-deep. */
    private Expr balanced(BinaryOp op, List<Expr> operands, List<int[]> spans, int from, int to) {
        if (to - from == 1) {
            return operands.get(from);
        }
        int middle = from + (to - from + 1) / 2;
        Expr left = balanced(op, operands, spans, from, middle);
        Expr right = balanced(op, operands, spans, middle, to);
        return new Binary(op, left, right, cursor.source(spans.get(from)[0], spans.get(to - 1)[1]));
    }

    /** Rejects an expression tree deeper than {@link QueryLimits#MAX_DEPTH}, walking it without recursion. */
    private Expr bounded(Expr root) {
        List<Expr> nodes = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        nodes.add(root);
        depths.add(1);
        while (!nodes.isEmpty()) {
            Expr e = nodes.remove(nodes.size() - 1);
            int d = depths.remove(depths.size() - 1);
            if (d > QueryLimits.MAX_DEPTH) {
                throw cursor.error(e.source().offset(), "query too large: an expression nests deeper than "
                        + QueryLimits.MAX_DEPTH + " levels");
            }
            for (Expr child : ExprChildren.of(e)) {
                nodes.add(child);
                depths.add(d + 1);
            }
        }
        return root;
    }

    /** Counts one more term of the query, rejecting the one over {@link QueryLimits#MAX_TERMS}. */
    private void term(int offset) {
        if (++terms > QueryLimits.MAX_TERMS) {
            throw cursor.error(offset, "query too large: more than " + QueryLimits.MAX_TERMS + " terms");
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            depth = 0;
            throw cursor.error(cursor.peek().start(), "query too deeply nested (more than " + MAX_DEPTH + " levels)");
        }
    }

    private Expr parseAnd() {
        return parseLogical("and", BinaryOp.AND, this::parseNot);
    }

    private Expr parseNot() {
        if (!cursor.atKeyword("not")) {
            return parsePredicate();
        }
        int start = cursor.next().start();
        enter();
        try {
            Expr operand = parseNot();
            return new Not(operand, cursor.sourceFrom(start));
        } finally {
            depth--;
        }
    }

    private Expr parsePredicate() {
        int start = cursor.peek().start();
        Expr value = parseComparison();
        boolean negated = false;
        if (cursor.atKeyword("not") && isPredicateKeyword(cursor.peek(1))) {
            cursor.next();
            negated = true;
        }
        if (cursor.acceptKeyword("in")) {
            cursor.expect(TokenKind.LPAREN, "'(' after IN");
            List<Expr> list = new ArrayList<>();
            do {
                list.add(parseComparison());
            } while (cursor.accept(TokenKind.COMMA));
            cursor.expect(TokenKind.RPAREN, "',' or ')'");
            return new In(value, list, negated, cursor.sourceFrom(start));
        }
        if (cursor.atKeyword("like") || cursor.atKeyword("rlike")) {
            boolean like = cursor.next().isKeyword("like");
            List<String> patterns = parsePatternStrings(like ? "LIKE" : "RLIKE");
            Expr result = like ? new Like(value, patterns, negated, cursor.sourceFrom(start))
                    : new RLike(value, patterns, negated, cursor.sourceFrom(start));
            return result;
        }
        if (cursor.acceptKeyword("is")) {
            boolean not = cursor.acceptKeyword("not");
            cursor.expectKeyword("null");
            return new IsNull(value, not, cursor.sourceFrom(start));
        }
        if (cursor.accept(TokenKind.COLON)) {
            Expr query = parseComparison();
            return new Match(value, query, cursor.sourceFrom(start));
        }
        return value;
    }

    private static boolean isPredicateKeyword(Token token) {
        return token.isKeyword("in") || token.isKeyword("like") || token.isKeyword("rlike");
    }

    private List<String> parsePatternStrings(String operator) {
        List<String> patterns = new ArrayList<>();
        if (cursor.accept(TokenKind.LPAREN)) {
            do {
                patterns.add(cursor.expect(TokenKind.STRING, "a pattern string").value());
            } while (cursor.accept(TokenKind.COMMA));
            cursor.expect(TokenKind.RPAREN, "',' or ')'");
        } else {
            patterns.add(cursor.expect(TokenKind.STRING, "a pattern string after " + operator).value());
        }
        return patterns;
    }

    private Expr parseComparison() {
        int start = cursor.peek().start();
        Expr left = parseAdditive();
        rejectMisusedEquals();
        BinaryOp op = comparisonOp(cursor.peek().kind());
        if (op == null) {
            return left;
        }
        cursor.next();
        Expr right = parseAdditive();
        rejectMisusedEquals();
        if (comparisonOp(cursor.peek().kind()) != null) {
            throw cursor.error(cursor.peek().start(),
                    "comparisons do not chain: combine them with AND, or use parentheses");
        }
        return new Binary(op, left, right, cursor.sourceFrom(start));
    }

    private void rejectMisusedEquals() {
        if (cursor.at(TokenKind.ASSIGN)) {
            throw cursor.error(cursor.peek().start(), "'=' assigns; use '==' to compare");
        }
        if (cursor.at(TokenKind.CIEQ)) {
            throw cursor.error(cursor.peek().start(), "unsupported: '=~' (case-insensitive equality)");
        }
    }

    private static BinaryOp comparisonOp(TokenKind kind) {
        return switch (kind) {
            case EQ -> BinaryOp.EQ;
            case NEQ -> BinaryOp.NEQ;
            case LT -> BinaryOp.LT;
            case LTE -> BinaryOp.LTE;
            case GT -> BinaryOp.GT;
            case GTE -> BinaryOp.GTE;
            default -> null;
        };
    }

    private Expr parseAdditive() {
        int start = cursor.peek().start();
        Expr left = parseMultiplicative();
        while (cursor.at(TokenKind.PLUS) || cursor.at(TokenKind.MINUS)) {
            BinaryOp op = cursor.next().kind() == TokenKind.PLUS ? BinaryOp.ADD : BinaryOp.SUB;
            Expr right = parseMultiplicative();
            left = new Binary(op, left, right, cursor.sourceFrom(start));
        }
        return left;
    }

    private Expr parseMultiplicative() {
        int start = cursor.peek().start();
        Expr left = parseUnary();
        while (true) {
            BinaryOp op = switch (cursor.peek().kind()) {
                case STAR -> BinaryOp.MUL;
                case SLASH -> BinaryOp.DIV;
                case PERCENT -> BinaryOp.MOD;
                default -> null;
            };
            if (op == null) {
                return left;
            }
            cursor.next();
            Expr right = parseUnary();
            left = new Binary(op, left, right, cursor.sourceFrom(start));
        }
    }

    private Expr parseUnary() {
        if (!cursor.at(TokenKind.MINUS) && !cursor.at(TokenKind.PLUS)) {
            int start = cursor.peek().start();
            return parsePostfix(parsePrimary(), start);
        }
        Token sign = cursor.next();
        boolean minus = sign.kind() == TokenKind.MINUS;
        TokenKind next = cursor.peek().kind();
        if (next == TokenKind.INTEGER || next == TokenKind.DECIMAL) {
            // Elasticsearch reads a signed number as one constant, so -2147483648 stays an integer.
            term(sign.start());
            return parsePostfix(number(sign.start(), minus), sign.start());
        }
        enter();
        try {
            Expr operand = parseUnary();
            return minus ? new Neg(operand, cursor.sourceFrom(sign.start())) : operand;
        } finally {
            depth--;
        }
    }

    /** Applies {@code ::type} casts to a primary that began at {@code start} (before any parenthesis). */
    private Expr parsePostfix(Expr primary, int start) {
        Expr result = primary;
        while (cursor.accept(TokenKind.CAST)) {
            Token type = cursor.peek();
            if (type.kind() != TokenKind.IDENTIFIER && type.kind() != TokenKind.QUOTED_IDENTIFIER) {
                throw cursor.expected("a type name after '::'");
            }
            cursor.next();
            result = new Cast(result, type.value().toLowerCase(Locale.ROOT), cursor.sourceFrom(start));
        }
        return result;
    }

    /** Parses a primary expression followed by any {@code ::type} casts, as DISSECT and GROK take. */
    Expr parsePrimaryWithCasts() {
        int start = cursor.peek().start();
        Expr e = parsePostfix(parsePrimary(), start);
        return depth == 0 ? bounded(e) : e;
    }

    private Expr parsePrimary() {
        Token token = cursor.peek();
        term(token.start());
        switch (token.kind()) {
            case INTEGER, DECIMAL:
                return number(token.start(), false);
            case STRING:
                cursor.next();
                return new Literal(token.value(), LiteralType.KEYWORD, cursor.sourceFrom(token.start()));
            case LBRACKET:
                return listLiteral();
            case LPAREN: {
                cursor.next();
                Expr inner = parseExpression();
                cursor.expect(TokenKind.RPAREN, "')'");
                return inner;
            }
            case PARAMETER:
                throw cursor.error(token.start(), "unsupported: query parameters ('" + token.value() + "')");
            case LBRACE:
                throw cursor.error(token.start(), "unsupported: map expressions ('{')");
            case IDENTIFIER, QUOTED_IDENTIFIER:
                return identifierExpression(token);
            default:
                throw cursor.expected("an expression");
        }
    }

    private Expr identifierExpression(Token token) {
        if (token.kind() == TokenKind.IDENTIFIER) {
            String lower = token.lower();
            switch (lower) {
                case "null":
                    cursor.next();
                    return new Literal(null, LiteralType.NULL, cursor.sourceFrom(token.start()));
                case "true", "false":
                    cursor.next();
                    return new Literal(lower.equals("true"), LiteralType.BOOLEAN, cursor.sourceFrom(token.start()));
                default:
                    break;
            }
        }
        if (cursor.peek(1).kind() == TokenKind.LPAREN) {
            return functionCall(token);
        }
        String name = parseQualifiedName();
        return new FieldRef(name, cursor.sourceFrom(token.start()));
    }

    private Expr functionCall(Token name) {
        cursor.next();
        cursor.next();
        List<Expr> args = new ArrayList<>();
        boolean star = false;
        if (cursor.at(TokenKind.STAR) && cursor.peek(1).kind() == TokenKind.RPAREN) {
            cursor.next();
            star = true;
        }
        Map<String, Literal> options = new LinkedHashMap<>();
        if (!star && !cursor.at(TokenKind.RPAREN)) {
            do {
                if (cursor.at(TokenKind.LBRACE)) {
                    options = options();
                    break;
                }
                args.add(parseExpression());
            } while (cursor.accept(TokenKind.COMMA));
        }
        cursor.expect(TokenKind.RPAREN, "',' or ')'");
        return new FunctionCall(name.value().toLowerCase(Locale.ROOT), args, star, cursor.sourceFrom(name.start()), options);
    }

    /** Parses a function's trailing options: {@code {"name": constant, …}}. */
    private Map<String, Literal> options() {
        cursor.expect(TokenKind.LBRACE, "'{'");
        Map<String, Literal> options = new LinkedHashMap<>();
        if (!cursor.at(TokenKind.RBRACE)) {
            do {
                Token key = cursor.peek();
                cursor.expect(TokenKind.STRING, "an option name in quotes");
                cursor.expect(TokenKind.COLON, "':' after the option name");
                Expr value = parseExpression();
                if (!(value instanceof Literal literal)) {
                    throw cursor.error(key.start(), "the value of option [" + key.value() + "] must be a constant");
                }
                if (options.put(key.value(), literal) != null) {
                    throw cursor.error(key.start(), "duplicate option [" + key.value() + "]");
                }
            } while (cursor.accept(TokenKind.COMMA));
        }
        cursor.expect(TokenKind.RBRACE, "',' or '}'");
        return options;
    }

    /** Parses {@code ident(.ident)*}, joining the parts with dots and removing backquotes. */
    String parseQualifiedName() {
        StringBuilder name = new StringBuilder(identifier());
        while (cursor.at(TokenKind.DOT)) {
            cursor.next();
            name.append('.').append(identifier());
        }
        return name.toString();
    }

    /** Tells whether the tokens from {@code ahead} on form a qualified name followed by a single '='. */
    boolean qualifiedNameThenAssign(int ahead) {
        int i = ahead;
        if (!isNameToken(cursor.peek(i))) {
            return false;
        }
        i++;
        while (cursor.peek(i).kind() == TokenKind.DOT && isNameToken(cursor.peek(i + 1))) {
            i += 2;
        }
        return cursor.peek(i).kind() == TokenKind.ASSIGN;
    }

    private static boolean isNameToken(Token token) {
        return token.kind() == TokenKind.QUOTED_IDENTIFIER
                || (token.kind() == TokenKind.IDENTIFIER && !RESERVED.contains(token.lower()));
    }

    private String identifier() {
        Token token = cursor.peek();
        if (!isNameToken(token)) {
            throw token.kind() == TokenKind.IDENTIFIER ? cursor.unexpected(token) : cursor.expected("a name");
        }
        if (token.value().isEmpty()) {
            // SQL has no empty name, so `` could only fail later in DuckDB without a position.
            throw cursor.error(token.start(), "a name in backquotes cannot be empty");
        }
        cursor.next();
        return token.value();
    }

    private Expr listLiteral() {
        enter();
        try {
            return listElements();
        } finally {
            depth--;
        }
    }

    private Expr listElements() {
        int start = cursor.next().start();
        List<Literal> values = new ArrayList<>();
        LiteralType.Category category = null;
        do {
            int elementStart = cursor.peek().start();
            Expr element = parseUnary();
            if (!(element instanceof Literal literal) || literal.type() == LiteralType.NULL) {
                throw cursor.error(elementStart, "list elements must be numbers, booleans or strings");
            }
            LiteralType.Category elementCategory = literal.type().category();
            if (category != null && category != elementCategory) {
                throw cursor.error(elementStart, "list elements must all be numbers, all booleans or all strings");
            }
            category = elementCategory;
            values.add(literal);
        } while (cursor.accept(TokenKind.COMMA));
        cursor.expect(TokenKind.RBRACKET, "',' or ']'");
        return new ListLiteral(values, cursor.sourceFrom(start));
    }

    private Expr number(int start, boolean negative) {
        Token token = cursor.next();
        if (token.kind() == TokenKind.DECIMAL) {
            double value = Double.parseDouble(token.value());
            if (Double.isInfinite(value)) {
                throw cursor.error(token.start(), "number out of range: " + token.value());
            }
            return new Literal(negative ? -value : value, LiteralType.DOUBLE, cursor.sourceFrom(start));
        }
        BigInteger value = new BigInteger(token.value());
        if (cursor.at(TokenKind.IDENTIFIER) && !AFTER_NUMBER.contains(cursor.peek().lower())) {
            Token unitToken = cursor.peek();
            Optional<TimeSpanUnit> unit = TimeSpanUnit.fromSpelling(unitToken.value());
            if (unit.isEmpty()) {
                throw cursor.error(unitToken.start(), "unknown time unit '" + unitToken.value()
                        + "'; expected one of millisecond, second, minute, hour, day, week, month, quarter, year"
                        + " (or their plurals and abbreviations)");
            }
            if (value.compareTo(LONG_MAX) > 0) {
                throw cursor.error(token.start(), "time span amount out of range: " + token.value());
            }
            cursor.next();
            TimeSpan span = new TimeSpan(value.longValueExact(), unit.get(), cursor.sourceFrom(token.start()));
            return negative ? new Neg(span, cursor.sourceFrom(start)) : span;
        }
        if (negative) {
            value = value.negate();
        }
        return integerLiteral(value, start);
    }

    private Literal integerLiteral(BigInteger value, int start) {
        if (value.compareTo(INT_MIN) >= 0 && value.compareTo(INT_MAX) <= 0) {
            return new Literal(value.intValueExact(), LiteralType.INTEGER, cursor.sourceFrom(start));
        }
        if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
            return new Literal(value.longValueExact(), LiteralType.LONG, cursor.sourceFrom(start));
        }
        if (value.signum() > 0 && value.bitLength() <= 64) {
            return new Literal(value, LiteralType.UNSIGNED_LONG, cursor.sourceFrom(start));
        }
        return new Literal(value.doubleValue(), LiteralType.DOUBLE, cursor.sourceFrom(start));
    }
}
