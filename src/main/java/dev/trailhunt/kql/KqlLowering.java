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
    private final int[] lineStarts;

    KqlLowering(String text, SearchFields fields) {
        this.text = text;
        this.fields = fields;
        this.lineStarts = lineStarts(text);
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
            // Free text searches the index's default fields (Fleet's index.query.default_field), leniently.
            return lenient(fields.defaultFields(), n.offset(), f -> leaf(f, n));
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
        if (v.wildcard() && f.type() == SearchField.SearchType.TEXT) {
            // Kibana sends wildcards as query_string with analyze_wildcard: one token's worth is a wildcard on tokens.
            if (!v.pattern().matches("[\\p{L}\\p{N}_*]+")) {
                throw KqlException.at(text, v.offset(), "unsupported: a wildcard spanning several tokens on text field [" + f.name() + "]");
            }
            return call("$token_wildcard", at, column, string(v.pattern(), at));
        }
        if (v.wildcard() && f.type() != SearchField.SearchType.KEYWORD) {
            throw KqlException.at(text, v.offset(), "unsupported: wildcard value on " + typeName(f) + " field [" + f.name() + "]");
        }
        return switch (f.type()) {
            case KEYWORD -> v.wildcard()
                    ? call("$wildcard", at, column, string(v.pattern(), at))
                    : keywordTerm(f, v, at);
            case TEXT -> call("$match", at, column, string(v.text(), at), bool(v.quoted(), at));
            case BOOLEAN -> call("$term", at, column, bool(parseBoolean(f, v), at));
            case NUMBER -> call("$term", at, column, number(f, v, at));
            case DATE -> {
                DateBounds d = date(f, v);
                Expr in = new Binary(BinaryOp.AND, new Binary(BinaryOp.GTE, column, string(d.first().toString(), at), at),
                        new Binary(BinaryOp.LTE, column, string(d.last().toString(), at), at), at);
                yield call("coalesce", at, in, bool(false, at));
            }
            case IP -> call("$term", at, column, string(ip(f, v), at));
            case NOT_INDEXED -> throw new IllegalStateException("handled above");
        };
    }

    /**
     * Lowers a term on a keyword field. A value equal to the term is as long as the term, so the ignore_above
     * check is decided here: a term longer than the limit matches nothing, a shorter one needs no check.
     */
    private Expr keywordTerm(SearchField f, KqlNode.Value v, Source at) {
        if (f.ignoreAbove() > 0 && v.text().length() > f.ignoreAbove()) {
            return bool(false, at);
        }
        return call("$term", at, new FieldRef(f.column(), at), string(v.text(), at));
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
            case IP -> {
                if (dev.trailhunt.model.IpLiteral.canonical(r.bound().text().trim()) == null) {
                    throw KqlException.at(text, r.bound().offset(), "'" + r.bound().text() + "' is not an IP string literal of ip field [" + f.name() + "]");
                }
                yield string(r.bound().text().trim(), at);
            }
            case TEXT, BOOLEAN, NOT_INDEXED ->
                    throw KqlException.at(text, r.offset(), "unsupported: range on " + typeName(f) + " field [" + f.name() + "]");
        };
        return call("$range", at, column(f, at), string(r.op().symbol(), at), bound);
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
        return lenient(matched, offset, build);
    }

    /**
     * Searches several fields and ORs the results; as a multi-field search with lenient set, a field whose type
     * cannot take the value is skipped, and only when every field refuses it is the first refusal reported.
     */
    private Expr lenient(List<SearchField> candidates, int offset, java.util.function.Function<SearchField, Expr> build) {
        if (candidates.size() == 1) {
            return build.apply(candidates.get(0));
        }
        List<Expr> each = new ArrayList<>();
        KqlException first = null;
        for (SearchField f : candidates) {
            try {
                each.add(build.apply(f));
            } catch (KqlException e) {
                if (e.isUnsupported()) {
                    throw e;
                }
                first = first == null ? e : first;
            }
        }
        if (each.isEmpty()) {
            throw first;
        }
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

    /** Checks an ip field's value: an address, or a CIDR block (address/prefix), as Elasticsearch's ip term query takes. */
    private String ip(SearchField f, KqlNode.Value v) {
        String s = v.text().trim();
        int slash = s.indexOf('/');
        String address = slash < 0 ? s : s.substring(0, slash);
        String prefix = slash < 0 ? "0" : s.substring(slash + 1);
        String canonical = dev.trailhunt.model.IpLiteral.canonical(address);
        if (canonical == null || !prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > (canonical.indexOf(':') >= 0 ? 128 : 32)) {
            throw KqlException.at(text, v.offset(), "'" + v.text() + "' is not an IP string literal or CIDR block of ip field [" + f.name() + "]");
        }
        return s;
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

    /** Joins operands with AND or OR as a balanced tree, so a long chain stays shallow for the translator and DuckDB. */
    private Expr combine(BinaryOp op, List<Expr> operands, int offset) {
        if (operands.size() == 1) {
            return operands.get(0);
        }
        int half = operands.size() / 2;
        Expr left = combine(op, operands.subList(0, half), offset);
        Expr right = combine(op, operands.subList(half, operands.size()), offset);
        int start = Math.min(offset, left.source().offset());
        int end = right.source().offset() + right.source().length();
        return new Binary(op, left, right, source(start, Math.max(0, end - start)));
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
        int line = java.util.Arrays.binarySearch(lineStarts, start);
        line = line >= 0 ? line : -line - 2;
        return new Source(line + 1, start - lineStarts[line] + 1, start, end - start, text.substring(start, end));
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
