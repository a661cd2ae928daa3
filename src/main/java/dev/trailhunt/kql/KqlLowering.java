package dev.trailhunt.kql;

import dev.trailhunt.esql.ast.Binary;
import dev.trailhunt.esql.ast.BinaryOp;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.esql.ast.FieldRef;
import dev.trailhunt.esql.ast.FunctionCall;
import dev.trailhunt.esql.ast.Literal;
import dev.trailhunt.esql.ast.LiteralType;
import dev.trailhunt.esql.ast.Not;
import dev.trailhunt.esql.ast.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Lowers a parsed KQL query into an ES|QL expression whose leaves are the translator's search functions,
 * chosen by each field's {@link SearchField.SearchType}, as Kibana turns KQL into Elasticsearch queries.
 *
 * <p>A field the store lacks matches nothing (Elasticsearch's unmapped field) and is collected, so callers
 * can list it. Leaves are two-valued, so {@code not f:x} keeps events that lack {@code f}, as must_not does.
 */
final class KqlLowering {
    private final String text;
    private final SearchFields fields;
    private final Set<String> unknown = new TreeSet<>();

    KqlLowering(String text, SearchFields fields) {
        this.text = text;
        this.fields = fields;
    }

    /** Returns the names of the fields the lowered query referred to that the store does not have, sorted. */
    Set<String> unknownFields() {
        return unknown;
    }

    Expr lower(KqlNode n) {
        return n.accept(new QueryLevel());
    }

    /** Lowers the query level, where a value alone is free text. */
    private final class QueryLevel implements KqlVisitor<Expr> {
        @Override
        public Expr visitOr(KqlNode.Or n) {
            return combine(BinaryOp.OR, n.operands().stream().map(KqlLowering.this::lower).toList(), n.offset());
        }

        @Override
        public Expr visitAnd(KqlNode.And n) {
            if (n.operands().isEmpty()) {
                return bool(true, source(n.offset(), 0));
            }
            return combine(BinaryOp.AND, n.operands().stream().map(KqlLowering.this::lower).toList(), n.offset());
        }

        @Override
        public Expr visitNot(KqlNode.Not n) {
            return new Not(lower(n.operand()), source(n.offset(), 3));
        }

        @Override
        public Expr visitFieldMatch(KqlNode.FieldMatch n) {
            return anyField(n.field(), n.offset(), f -> n.value().accept(new ValueLevel(f)));
        }

        @Override
        public Expr visitRange(KqlNode.Range n) {
            return anyField(n.field(), n.offset(), f -> range(f, n));
        }

        @Override
        public Expr visitNested(KqlNode.Nested n) {
            return nested(n);
        }

        @Override
        public Expr visitValue(KqlNode.Value n) {
            throw KqlException.at(text, n.offset(), "unsupported: free text without a field");
        }
    }

    /** Lowers the value tree of {@code f:(…)} for one field; the parser puts only values and logic there. */
    private final class ValueLevel implements KqlVisitor<Expr> {
        private final SearchField field;

        ValueLevel(SearchField field) {
            this.field = field;
        }

        @Override
        public Expr visitOr(KqlNode.Or n) {
            return combine(BinaryOp.OR, n.operands().stream().map(o -> o.accept(this)).toList(), n.offset());
        }

        @Override
        public Expr visitAnd(KqlNode.And n) {
            return combine(BinaryOp.AND, n.operands().stream().map(o -> o.accept(this)).toList(), n.offset());
        }

        @Override
        public Expr visitNot(KqlNode.Not n) {
            return new Not(n.operand().accept(this), source(n.offset(), 3));
        }

        @Override
        public Expr visitValue(KqlNode.Value n) {
            return leaf(field, n);
        }

        @Override
        public Expr visitFieldMatch(KqlNode.FieldMatch n) {
            throw new IllegalStateException("field query inside a value list at " + n.offset());
        }

        @Override
        public Expr visitRange(KqlNode.Range n) {
            throw new IllegalStateException("range inside a value list at " + n.offset());
        }

        @Override
        public Expr visitNested(KqlNode.Nested n) {
            throw new IllegalStateException("nested query inside a value list at " + n.offset());
        }
    }

    /** Lowers one value on one field: exists for a lone {@code *}, else term, wildcard or match by the field's type. */
    private Expr leaf(SearchField f, KqlNode.Value v) {
        Source at = source(v.offset(), v.length());
        if (f.type() == SearchField.SearchType.NOT_INDEXED) {
            throw KqlException.at(text, v.offset(), "Cannot search on field [" + f.name() + "] since it is not indexed.");
        }
        Expr column = column(f, at);
        if (v.isExists()) {
            return call("$exists", at, column);
        }
        if (v.wildcard() && f.type() != SearchField.SearchType.KEYWORD) {
            throw KqlException.at(text, v.offset(), "unsupported: wildcard value on " + typeName(f) + " field [" + f.name() + "]");
        }
        return switch (f.type()) {
            case KEYWORD -> v.wildcard()
                    ? call("$wildcard", at, column, string(v.pattern(), at))
                    : call("$term", at, column, string(v.text(), at));
            case TEXT -> call("$match", at, column, string(v.text(), at), bool(v.quoted(), at));
            case BOOLEAN -> call("$term", at, column, bool(parseBoolean(f, v), at));
            case NUMBER -> call("$term", at, column, number(f, v, at));
            case DATE -> {
                DateBounds d = date(f, v);
                Expr in = new Binary(BinaryOp.AND, new Binary(BinaryOp.GTE, column, string(d.first().toString(), at), at),
                        new Binary(BinaryOp.LTE, column, string(d.last().toString(), at), at), at);
                yield call("coalesce", at, in, bool(false, at));
            }
            case IP -> call("$term", at, column, string(v.text(), at));
            case NOT_INDEXED -> throw new IllegalStateException("handled above");
        };
    }

    private Expr range(SearchField f, KqlNode.Range r) {
        Source at = source(r.offset(), r.bound().offset() + r.bound().length() - r.offset());
        Expr bound = switch (f.type()) {
            case NUMBER -> number(f, r.bound(), at);
            case KEYWORD -> string(r.bound().text(), at);
            case DATE -> {
                // A coarse date stands for its whole span: > and <= compare with its last instant, < and >= with its first.
                DateBounds d = date(f, r.bound());
                boolean last = r.op() == KqlNode.RangeOp.GT || r.op() == KqlNode.RangeOp.LTE;
                yield string((last ? d.last() : d.first()).toString(), at);
            }
            case TEXT, BOOLEAN, IP, NOT_INDEXED ->
                    throw KqlException.at(text, r.offset(), "unsupported: range on " + typeName(f) + " field [" + f.name() + "]");
        };
        if (f.type() == SearchField.SearchType.KEYWORD && fields.all().get(f.name()) != null && multiValuedColumn(f)) {
            throw KqlException.at(text, r.offset(), "unsupported: range on multi-valued field [" + f.name() + "]");
        }
        BinaryOp op = switch (r.op()) {
            case LT -> BinaryOp.LT;
            case LTE -> BinaryOp.LTE;
            case GT -> BinaryOp.GT;
            case GTE -> BinaryOp.GTE;
        };
        // A missing value makes the comparison null; coalesce keeps the leaf two-valued under not.
        return call("coalesce", at, new Binary(op, column(f, at), bound, at), bool(false, at));
    }

    private static boolean multiValuedColumn(SearchField f) {
        return dev.trailhunt.model.EcsSchema.columns().stream().anyMatch(c -> c.name().equals(f.column()) && c.multiValued());
    }

    /**
     * Lowers {@code path:{…}}: the store maps no field as nested, so a known object path is Elasticsearch's
     * "not of nested type" error and an unknown one matches nothing (Kibana asks for ignore_unmapped).
     */
    private Expr nested(KqlNode.Nested n) {
        String path = n.path().name();
        boolean known = fields.all().keySet().stream().anyMatch(name -> name.startsWith(path + "."));
        if (known || fields.lookup(path).isPresent()) {
            throw KqlException.at(text, n.path().offset(), "[nested] nested object under path [" + path + "] is not of nested type");
        }
        unknown.add(path);
        return bool(false, source(n.offset(), n.path().name().length()));
    }

    /** Applies a leaf builder to the field, or to every field a wildcard name matches, ORed; none matches nothing. */
    private Expr anyField(KqlNode.Field field, int offset, java.util.function.Function<SearchField, Expr> build) {
        List<SearchField> matched = new ArrayList<>();
        if (field.wildcard()) {
            Pattern p = Pattern.compile(namePattern(field.pattern()));
            fields.all().values().stream().filter(f -> p.matcher(f.name()).matches()).forEach(matched::add);
        } else {
            fields.lookup(field.name()).ifPresent(matched::add);
        }
        if (matched.isEmpty()) {
            unknown.add(field.name());
            return bool(false, source(field.offset(), field.name().length()));
        }
        List<Expr> each = matched.stream().map(build).toList();
        return combine(BinaryOp.OR, each, offset);
    }

    /** Converts a wildcard pattern of a field name into a Java regex. */
    private static String namePattern(String pattern) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                sb.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '*') {
                sb.append(".*");
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }

    private Expr column(SearchField f, Source at) {
        Expr ref = new FieldRef(f.column(), at);
        if (f.ignoreAbove() > 0) {
            return call("$indexed", at, ref, new Literal(f.ignoreAbove(), LiteralType.INTEGER, at));
        }
        return ref;
    }

    private DateBounds date(SearchField f, KqlNode.Value v) {
        if (v.text().trim().startsWith("now") || v.text().contains("||")) {
            throw KqlException.at(text, v.offset(), "unsupported: date math in [" + v.text() + "]");
        }
        return DateBounds.parse(v.text()).orElseThrow(() -> KqlException.at(text, v.offset(),
                "failed to parse date field [" + v.text() + "] of [" + f.name() + "] with format [strict_date_optional_time||epoch_millis]"));
    }

    private boolean parseBoolean(SearchField f, KqlNode.Value v) {
        if (v.text().equals("true")) {
            return true;
        }
        if (v.text().equals("false")) {
            return false;
        }
        throw KqlException.at(text, v.offset(), "Can't parse boolean value [" + v.text() + "] of field [" + f.name() + "], expected [true] or [false]");
    }

    private Literal number(SearchField f, KqlNode.Value v, Source at) {
        String s = v.text().trim();
        try {
            long l = Long.parseLong(s);
            return l == (int) l ? new Literal((int) l, LiteralType.INTEGER, at) : new Literal(l, LiteralType.LONG, at);
        } catch (NumberFormatException e) {
            try {
                double d = Double.parseDouble(s);
                if (!Double.isFinite(d) || !s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                    throw new NumberFormatException(s);
                }
                return new Literal(d, LiteralType.DOUBLE, at);
            } catch (NumberFormatException e2) {
                throw KqlException.at(text, v.offset(), "For input string: \"" + v.text() + "\" on numeric field [" + f.name() + "]");
            }
        }
    }

    private static String typeName(SearchField f) {
        return f.type().name().toLowerCase(java.util.Locale.ROOT);
    }

    private Expr combine(BinaryOp op, List<Expr> operands, int offset) {
        Expr acc = operands.get(0);
        for (int i = 1; i < operands.size(); i++) {
            Expr next = operands.get(i);
            int end = next.source().offset() + next.source().length();
            acc = new Binary(op, acc, next, source(offset, Math.max(0, end - offset)));
        }
        return acc;
    }

    private static FunctionCall call(String name, Source at, Expr... args) {
        return new FunctionCall(name, List.of(args), false, at);
    }

    private static Literal string(String s, Source at) {
        return new Literal(s, LiteralType.KEYWORD, at);
    }

    private static Literal bool(boolean b, Source at) {
        return new Literal(b, LiteralType.BOOLEAN, at);
    }

    /** Builds the position of a slice of the KQL text, so translator errors point into the query as written. */
    private Source source(int offset, int length) {
        int start = Math.min(offset, text.length());
        int end = Math.min(text.length(), start + length);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < start; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Source(line, start - lineStart + 1, start, end - start, text.substring(start, end));
    }
}
