package dev.trailhunt.esql.parser;

import dev.trailhunt.esql.ast.Aggregate;
import dev.trailhunt.esql.ast.Alias;
import dev.trailhunt.esql.ast.Command;
import dev.trailhunt.esql.ast.Dissect;
import dev.trailhunt.esql.ast.Drop;
import dev.trailhunt.esql.ast.Eval;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.esql.ast.FieldRef;
import dev.trailhunt.esql.ast.From;
import dev.trailhunt.esql.ast.Grok;
import dev.trailhunt.esql.ast.Keep;
import dev.trailhunt.esql.ast.Limit;
import dev.trailhunt.esql.ast.MvExpand;
import dev.trailhunt.esql.ast.NamePattern;
import dev.trailhunt.esql.ast.Order;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.esql.ast.Rename;
import dev.trailhunt.esql.ast.RenamePair;
import dev.trailhunt.esql.ast.Row;
import dev.trailhunt.esql.ast.Setting;
import dev.trailhunt.esql.ast.Sort;
import dev.trailhunt.esql.ast.Stats;
import dev.trailhunt.esql.ast.UnsupportedCommand;
import dev.trailhunt.esql.ast.Where;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses the pipe stages of an ES|QL query, delegating expressions to {@link ExpressionParser}.
 */
final class CommandParser {

    private static final String PROCESSING_COMMANDS =
            "WHERE, EVAL, STATS, SORT, LIMIT, KEEP, DROP, RENAME, DISSECT, GROK, MV_EXPAND";

    /** Lists source commands Elasticsearch has and trailhunt parses only to report as unsupported. */
    private static final Set<String> UNSUPPORTED_SOURCES = Set.of("show", "metrics", "ts", "explain", "promql");

    /** Lists processing commands Elasticsearch has and trailhunt parses only to report as unsupported. */
    private static final Set<String> UNSUPPORTED_PROCESSING = Set.of("enrich", "lookup", "inlinestats", "inline",
            "change_point", "fork", "sample", "completion", "rerank", "fuse", "rrf", "dedup", "insist", "join",
            "left", "right", "full", "uri_parts", "registered_domain");

    /**
     * Lists the token kinds an unquoted FROM index pattern is glued from, e.g. {@code logs-aws.cloudtrail-*} or the
     * date math {@code <logs-{now/d}>}.
     */
    private static final Set<TokenKind> INDEX_PATTERN_PARTS = EnumSet.of(TokenKind.IDENTIFIER, TokenKind.INTEGER,
            TokenKind.DECIMAL, TokenKind.DOT, TokenKind.MINUS, TokenKind.PLUS, TokenKind.STAR, TokenKind.COLON,
            TokenKind.CAST, TokenKind.UNKNOWN, TokenKind.PERCENT, TokenKind.SLASH, TokenKind.LT, TokenKind.GT,
            TokenKind.PARAMETER, TokenKind.QUOTED_IDENTIFIER, TokenKind.LBRACE, TokenKind.RBRACE);

    /** Lists the token kinds a KEEP/DROP pattern is glued from, e.g. {@code first*} or {@code *.name}. */
    private static final Set<TokenKind> NAME_PATTERN_PARTS = EnumSet.of(TokenKind.IDENTIFIER,
            TokenKind.QUOTED_IDENTIFIER, TokenKind.STAR, TokenKind.DOT, TokenKind.INTEGER);

    private final TokenCursor cursor;
    private final ExpressionParser expressions;
    private final String text;

    CommandParser(String text, TokenCursor cursor) {
        this.text = text;
        this.cursor = cursor;
        this.expressions = new ExpressionParser(cursor);
    }

    /** Parses the whole query up to the end of the text. */
    Query parseQuery() {
        List<Command> commands = new ArrayList<>();
        List<Setting> settings = new ArrayList<>();
        while (cursor.atKeyword("set") && expressions.qualifiedNameThenAssign(1)) {
            settings.add(setting());
        }
        commands.add(sourceCommand());
        while (cursor.accept(TokenKind.PIPE)) {
            commands.add(processingCommand());
        }
        if (!cursor.at(TokenKind.EOF)) {
            if (cursor.at(TokenKind.SEMICOLON)) {
                throw cursor.error(cursor.peek().start(), "unexpected ';': an ES|QL query does not end with ';'");
            }
            throw cursor.expected("'|' or end of query");
        }
        return new Query(commands, cursor.source(0, text.length()), settings);
    }

    /** Parses {@code SET name = value;}; what a setting means is for the translator to decide. */
    private Setting setting() {
        int start = cursor.next().start();
        String name = expressions.parseQualifiedName();
        cursor.expect(TokenKind.ASSIGN, "'=' after the setting's name");
        Expr value = expressions.parseExpression();
        cursor.expect(TokenKind.SEMICOLON, "';' after SET");
        return new Setting(name, value, cursor.sourceFrom(start));
    }

    private Command sourceCommand() {
        Token keyword = cursor.peek();
        String word = keyword.kind() == TokenKind.IDENTIFIER ? keyword.lower() : "";
        switch (word) {
            case "from":
                return from();
            case "row":
                cursor.next();
                return new Row(aliases(), cursor.sourceFrom(keyword.start()));
            default:
                if (UNSUPPORTED_SOURCES.contains(word)) {
                    return unsupported(keyword);
                }
                if (keyword.kind() == TokenKind.EOF) {
                    throw cursor.error(0, "empty query: expected a source command (FROM or ROW)");
                }
                throw cursor.expected("a source command (FROM or ROW)");
        }
    }

    private Command processingCommand() {
        Token keyword = cursor.peek();
        String word = keyword.kind() == TokenKind.IDENTIFIER ? keyword.lower() : "";
        switch (word) {
            case "where":
                cursor.next();
                return new Where(expressions.parseExpression(), cursor.sourceFrom(keyword.start()));
            case "eval":
                cursor.next();
                return new Eval(aliases(), cursor.sourceFrom(keyword.start()));
            case "stats":
                return stats();
            case "sort":
                return sort();
            case "limit":
                return limit();
            case "keep":
                cursor.next();
                return new Keep(namePatterns(), cursor.sourceFrom(keyword.start()));
            case "drop":
                cursor.next();
                return new Drop(namePatterns(), cursor.sourceFrom(keyword.start()));
            case "rename":
                return rename();
            case "dissect":
                return dissect();
            case "grok":
                return grok();
            case "mv_expand":
                cursor.next();
                return new MvExpand(expressions.parseQualifiedName(), cursor.sourceFrom(keyword.start()));
            case "from", "row":
                throw cursor.error(keyword.start(), word.toUpperCase(Locale.ROOT)
                        + " is a source command: it can only start a query");
            default:
                if (UNSUPPORTED_PROCESSING.contains(word)) {
                    return unsupported(keyword);
                }
                if (keyword.kind() == TokenKind.IDENTIFIER) {
                    throw cursor.error(keyword.start(), "unknown command '" + keyword.value() + "'; expected one of "
                            + PROCESSING_COMMANDS);
                }
                throw cursor.expected("a command after '|'");
        }
    }

    private Command unsupported(Token keyword) {
        cursor.next();
        String name = keyword.value().toUpperCase(Locale.ROOT);
        // Two-word commands are named in full so the report reads "unsupported: LOOKUP JOIN".
        if ((keyword.isKeyword("lookup") || keyword.isKeyword("left") || keyword.isKeyword("right")
                || keyword.isKeyword("full")) && cursor.atKeyword("join")) {
            cursor.next();
            name = name + " JOIN";
        } else if (keyword.isKeyword("inline") && cursor.atKeyword("stats")) {
            cursor.next();
            name = "INLINE STATS";
        }
        skipToTopLevel(TokenKind.PIPE);
        return new UnsupportedCommand(name, cursor.sourceFrom(keyword.start()));
    }

    /** Skips tokens up to a stop token outside brackets, still reporting malformed tokens. */
    private void skipToTopLevel(TokenKind stop) {
        int depth = 0;
        while (!cursor.at(TokenKind.EOF)) {
            Token token = cursor.peek();
            switch (token.kind()) {
                case ERROR -> throw cursor.unexpected(token);
                case LPAREN, LBRACKET, LBRACE -> depth++;
                case RPAREN, RBRACKET, RBRACE -> depth = Math.max(0, depth - 1);
                default -> {
                    if (depth == 0 && token.kind() == stop) {
                        return;
                    }
                }
            }
            cursor.next();
        }
    }

    private Command from() {
        int start = cursor.next().start();
        List<String> indices = new ArrayList<>();
        do {
            indices.add(indexPattern());
        } while (cursor.accept(TokenKind.COMMA));
        List<String> metadata = new ArrayList<>();
        if (cursor.acceptKeyword("metadata")) {
            do {
                Token name = cursor.peek();
                if (name.kind() != TokenKind.IDENTIFIER && name.kind() != TokenKind.QUOTED_IDENTIFIER) {
                    throw cursor.expected("a metadata field name such as _id or _index");
                }
                metadata.add(cursor.next().value());
            } while (cursor.accept(TokenKind.COMMA));
        }
        return new From(indices, metadata, cursor.sourceFrom(start));
    }

    private String indexPattern() {
        Token first = cursor.peek();
        if (first.kind() == TokenKind.STRING) {
            cursor.next();
            return first.value();
        }
        if (!INDEX_PATTERN_PARTS.contains(first.kind()) || first.isKeyword("metadata")) {
            throw cursor.expected("an index pattern");
        }
        int end = cursor.next().end();
        while (cursor.peek().start() == end && INDEX_PATTERN_PARTS.contains(cursor.peek().kind())) {
            end = cursor.next().end();
        }
        return cursor.slice(first.start(), end);
    }

    private List<Alias> aliases() {
        List<Alias> fields = new ArrayList<>();
        do {
            fields.add(alias());
        } while (cursor.accept(TokenKind.COMMA));
        return fields;
    }

    private Alias alias() {
        int start = cursor.peek().start();
        if (expressions.qualifiedNameThenAssign(0)) {
            String name = expressions.parseQualifiedName();
            cursor.expect(TokenKind.ASSIGN, "'='");
            Expr expr = expressions.parseExpression();
            return new Alias(name, expr, true, cursor.sourceFrom(start));
        }
        Expr expr = expressions.parseExpression();
        // Elasticsearch names an unnamed column by the field it reads, else by the verbatim text.
        String name = expr instanceof FieldRef ref ? ref.name() : cursor.slice(start, cursor.previousEnd());
        return new Alias(name, expr, false, cursor.sourceFrom(start));
    }

    private Command stats() {
        Token keyword = cursor.next();
        List<Aggregate> aggregates = new ArrayList<>();
        if (!cursor.atKeyword("by") && !cursor.at(TokenKind.PIPE) && !cursor.at(TokenKind.EOF)) {
            do {
                int start = cursor.peek().start();
                Alias alias = alias();
                Expr filter = cursor.acceptKeyword("where") ? expressions.parseExpression() : null;
                aggregates.add(new Aggregate(alias, filter, cursor.sourceFrom(start)));
            } while (cursor.accept(TokenKind.COMMA));
        }
        List<Alias> groupings = List.of();
        if (cursor.acceptKeyword("by")) {
            groupings = aliases();
        }
        if (aggregates.isEmpty() && groupings.isEmpty()) {
            throw cursor.error(keyword.start(), "at least one aggregation or grouping expression required in STATS");
        }
        return new Stats(aggregates, groupings, cursor.sourceFrom(keyword.start()));
    }

    private Command sort() {
        Token keyword = cursor.next();
        List<Order> orders = new ArrayList<>();
        do {
            int start = cursor.peek().start();
            Expr expr = expressions.parseExpression();
            Order.Direction direction = Order.Direction.DEFAULT;
            if (cursor.acceptKeyword("asc")) {
                direction = Order.Direction.ASC;
            } else if (cursor.acceptKeyword("desc")) {
                direction = Order.Direction.DESC;
            }
            Order.Nulls nulls = Order.Nulls.DEFAULT;
            if (cursor.acceptKeyword("nulls")) {
                if (cursor.acceptKeyword("first")) {
                    nulls = Order.Nulls.FIRST;
                } else if (cursor.acceptKeyword("last")) {
                    nulls = Order.Nulls.LAST;
                } else {
                    throw cursor.expected("FIRST or LAST after NULLS");
                }
            }
            orders.add(new Order(expr, direction, nulls, cursor.sourceFrom(start)));
        } while (cursor.accept(TokenKind.COMMA));
        return new Sort(orders, cursor.sourceFrom(keyword.start()));
    }

    private Command limit() {
        Token keyword = cursor.next();
        Token count = cursor.peek();
        if (count.kind() != TokenKind.INTEGER) {
            throw cursor.expected("a non-negative integer after LIMIT");
        }
        cursor.next();
        long value;
        try {
            value = Long.parseLong(count.value());
        } catch (NumberFormatException e) {
            throw cursor.error(count.start(), "LIMIT " + count.value() + " is out of range");
        }
        return new Limit(value, cursor.sourceFrom(keyword.start()));
    }

    private List<NamePattern> namePatterns() {
        List<NamePattern> patterns = new ArrayList<>();
        do {
            Token first = cursor.peek();
            if (!NAME_PATTERN_PARTS.contains(first.kind())) {
                throw cursor.expected("a column name or pattern");
            }
            StringBuilder pattern = new StringBuilder(cursor.next().value());
            int end = first.end();
            // Parts glue only when adjacent: whitespace or a comment ends the pattern.
            while (cursor.peek().start() == end && NAME_PATTERN_PARTS.contains(cursor.peek().kind())) {
                Token part = cursor.next();
                pattern.append(part.value());
                end = part.end();
            }
            patterns.add(new NamePattern(pattern.toString(), cursor.sourceFrom(first.start())));
        } while (cursor.accept(TokenKind.COMMA));
        return patterns;
    }

    private Command rename() {
        Token keyword = cursor.next();
        List<RenamePair> pairs = new ArrayList<>();
        do {
            int start = cursor.peek().start();
            if (expressions.qualifiedNameThenAssign(0)) {
                String newName = expressions.parseQualifiedName();
                cursor.expect(TokenKind.ASSIGN, "'='");
                String oldName = expressions.parseQualifiedName();
                pairs.add(new RenamePair(oldName, newName, cursor.sourceFrom(start)));
            } else {
                String oldName = expressions.parseQualifiedName();
                cursor.expectKeyword("as");
                String newName = expressions.parseQualifiedName();
                pairs.add(new RenamePair(oldName, newName, cursor.sourceFrom(start)));
            }
        } while (cursor.accept(TokenKind.COMMA));
        return new Rename(pairs, cursor.sourceFrom(keyword.start()));
    }

    private Command dissect() {
        Token keyword = cursor.next();
        Expr input = expressions.parsePrimaryWithCasts();
        String pattern = cursor.expect(TokenKind.STRING, "a dissect pattern string").value();
        String separator = null;
        if (cursor.at(TokenKind.IDENTIFIER) && cursor.peek(1).kind() == TokenKind.ASSIGN) {
            do {
                Token option = cursor.expect(TokenKind.IDENTIFIER, "an option name");
                if (!option.isKeyword("append_separator")) {
                    throw cursor.error(option.start(), "invalid option for DISSECT: [" + option.value()
                            + "], expected APPEND_SEPARATOR");
                }
                cursor.expect(TokenKind.ASSIGN, "'=' after " + option.value());
                separator = cursor.expect(TokenKind.STRING, "a string value for APPEND_SEPARATOR").value();
            } while (cursor.accept(TokenKind.COMMA));
        }
        return new Dissect(input, pattern, separator, cursor.sourceFrom(keyword.start()));
    }

    private Command grok() {
        Token keyword = cursor.next();
        Expr input = expressions.parsePrimaryWithCasts();
        List<String> patterns = new ArrayList<>();
        do {
            patterns.add(cursor.expect(TokenKind.STRING, "a grok pattern string").value());
        } while (cursor.accept(TokenKind.COMMA));
        return new Grok(input, patterns, cursor.sourceFrom(keyword.start()));
    }
}
