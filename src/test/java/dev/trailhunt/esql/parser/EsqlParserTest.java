package dev.trailhunt.esql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.esql.ast.Aggregate;
import dev.trailhunt.esql.ast.Alias;
import dev.trailhunt.esql.ast.Binary;
import dev.trailhunt.esql.ast.BinaryOp;
import dev.trailhunt.esql.ast.Cast;
import dev.trailhunt.esql.ast.Command;
import dev.trailhunt.esql.ast.Dissect;
import dev.trailhunt.esql.ast.Drop;
import dev.trailhunt.esql.ast.Eval;
import dev.trailhunt.esql.ast.Expr;
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
import dev.trailhunt.esql.ast.LiteralType;
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
import dev.trailhunt.esql.ast.Source;
import dev.trailhunt.esql.ast.Stats;
import dev.trailhunt.esql.ast.TimeSpan;
import dev.trailhunt.esql.ast.TimeSpanUnit;
import dev.trailhunt.esql.ast.UnsupportedCommand;
import dev.trailhunt.esql.ast.Where;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks each ES|QL construct the parser accepts, and the position and text of each error it reports.
 */
class EsqlParserTest {

    private static Command command(String query, int index) {
        return EsqlParser.parse(query).commands().get(index);
    }

    /** Parses {@code ROW x = <expr>} and returns the expression. */
    private static Expr expr(String expression) {
        Row row = (Row) command("row x = " + expression, 0);
        return row.fields().get(0).expr();
    }

    /** Parses {@code ROW x = <expr>} and returns the expression rendered in prefix form. */
    private static String tree(String expression) {
        return render(expr(expression));
    }

    private static String render(Expr e) {
        if (e instanceof Binary b) {
            return "(" + b.op().symbol() + " " + render(b.left()) + " " + render(b.right()) + ")";
        }
        if (e instanceof Not n) {
            return "(NOT " + render(n.operand()) + ")";
        }
        if (e instanceof Neg n) {
            return "(NEG " + render(n.operand()) + ")";
        }
        if (e instanceof FieldRef f) {
            return f.name();
        }
        if (e instanceof Literal l) {
            return String.valueOf(l.value());
        }
        if (e instanceof In in) {
            return "(" + (in.negated() ? "NOT IN " : "IN ") + render(in.value()) + " "
                    + in.list().stream().map(EsqlParserTest::render).toList() + ")";
        }
        if (e instanceof IsNull n) {
            return "(" + (n.negated() ? "IS NOT NULL " : "IS NULL ") + render(n.value()) + ")";
        }
        if (e instanceof Like l) {
            return "(" + (l.negated() ? "NOT LIKE " : "LIKE ") + render(l.value()) + " " + l.patterns() + ")";
        }
        if (e instanceof Cast c) {
            return "(CAST " + render(c.value()) + " " + c.type() + ")";
        }
        if (e instanceof FunctionCall f) {
            return f.name() + (f.star() ? "(*)" : f.args().stream().map(EsqlParserTest::render).toList());
        }
        return e.toString();
    }

    /**
     * Asserts that a query fails at the caret: the text's last line holds a caret under the offending column of
     * the line above it.
     */
    private static EsqlSyntaxException assertError(String textWithCaret, String messageStart) {
        int cut = textWithCaret.lastIndexOf('\n');
        String query = textWithCaret.substring(0, cut);
        String caretLine = textWithCaret.substring(cut + 1);
        int line = query.split("\n", -1).length;
        int column = caretLine.indexOf('^') + 1;
        EsqlSyntaxException e = assertThrows(EsqlSyntaxException.class, () -> EsqlParser.parse(query));
        assertEquals(line + ":" + column, e.line() + ":" + e.column(), e.getMessage());
        assertTrue(e.detail().startsWith(messageStart), e.getMessage());
        return e;
    }

    @Test
    void fromTakesIndexPatternsVerbatim() {
        From from = (From) command("FROM logs-aws.cloudtrail-*, \"logs-*\", .ds-x-2024.01.01 METADATA _id, _index", 0);
        assertEquals(List.of("logs-aws.cloudtrail-*", "logs-*", ".ds-x-2024.01.01"), from.indexPatterns());
        assertEquals(List.of("_id", "_index"), from.metadata());
        assertEquals(new Source(1, 1, 0, 75, from.source().text()), from.source());
        assertEquals(List.of("<logs-{now/d}>"), ((From) command("from <logs-{now/d}>", 0)).indexPatterns());
    }

    @Test
    void keywordsIgnoreCaseButNamesKeepIt() {
        Query q = EsqlParser.parse("FrOm x | WhErE Host.Name iS nOt NuLl | sOrT a DeSc nUlLs LaSt");
        IsNull isNull = (IsNull) ((Where) q.commands().get(1)).condition();
        assertTrue(isNull.negated());
        assertEquals("Host.Name", ((FieldRef) isNull.value()).name());
        Order order = ((Sort) q.commands().get(2)).orders().get(0);
        assertEquals(Order.Direction.DESC, order.direction());
        assertEquals(Order.Nulls.LAST, order.nulls());
    }

    @Test
    void rowParsesEveryLiteralType() {
        Row row = (Row) command("row a = 1, b = 2147483648, c = 18446744073709551615, d = 18446744073709551616,"
                + " e = 1.5, f = 1e3, g = .5, h = \"s\", i = true, j = FALSE, k = null, l = -2147483648", 0);
        List<Object> values = row.fields().stream().map(a -> ((Literal) a.expr()).value()).toList();
        List<LiteralType> types = row.fields().stream().map(a -> ((Literal) a.expr()).type()).toList();
        assertEquals(List.of(1, 2147483648L, new BigInteger("18446744073709551615"), 1.8446744073709552E19, 1.5,
                1000.0, 0.5, "s", true, false), values.subList(0, 10));
        assertEquals(null, values.get(10));
        assertEquals(Integer.MIN_VALUE, values.get(11));
        assertEquals(List.of(LiteralType.INTEGER, LiteralType.LONG, LiteralType.UNSIGNED_LONG, LiteralType.DOUBLE,
                LiteralType.DOUBLE, LiteralType.DOUBLE, LiteralType.DOUBLE, LiteralType.KEYWORD, LiteralType.BOOLEAN,
                LiteralType.BOOLEAN, LiteralType.NULL, LiteralType.INTEGER), types);
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"),
                row.fields().stream().map(Alias::name).toList());
    }

    @Test
    void listLiteralsHoldOneKindOfConstant() {
        ListLiteral numbers = (ListLiteral) expr("[1, -2, 3.5]");
        assertEquals(List.of(1, -2, 3.5), numbers.values().stream().map(Literal::value).toList());
        ListLiteral strings = (ListLiteral) expr("[\"a\", \"b\"]");
        assertEquals(List.of("a", "b"), strings.values().stream().map(Literal::value).toList());
        assertError("""
                row a = [1, "b"]
                            ^""", "list elements must all be");
        assertError("""
                row a = [x]
                         ^""", "list elements must be");
    }

    @Test
    void stringsFollowElasticsearchEscapes() {
        assertEquals("a\tb\"c\\d\ne\rf", ((Literal) expr("\"a\\tb\\\"c\\\\d\\ne\\rf\"")).value());
        assertEquals("a\\b.\"c", ((Literal) expr("\"\"\"a\\b.\"c\"\"\"")).value());
        assertEquals("x\"", ((Literal) expr("\"\"\"x\"\"\"\"")).value(), "up to two extra quotes are content");
        Like like = (Like) ((Where) command("from x | where a like \"a\\\\*b\"", 1)).condition();
        assertEquals(List.of("a\\*b"), like.patterns(), "an escaped star reaches the AST as backslash+star");
        assertError("""
                row a = "C:\\Windows\\b"
                           ^""", "invalid escape sequence '\\W'");
        assertError("""
                row a = "abc
                        ^""", "unterminated string");
        assertError("""
                row a = \"""abc
                        ^""", "unterminated string");
    }

    @Test
    void timeSpansTakeEveryUnitSpelling() {
        assertEquals(new TimeSpan(7, TimeSpanUnit.DAY, new Source(1, 9, 8, 5, "7 day")), expr("7 day"));
        assertEquals(TimeSpanUnit.DAY, ((TimeSpan) expr("7 DAYS")).unit());
        assertEquals(TimeSpanUnit.SECOND, ((TimeSpan) expr("30 seconds")).unit());
        assertEquals(TimeSpanUnit.HOUR, ((TimeSpan) expr("1h")).unit());
        assertEquals(TimeSpanUnit.MONTH, ((TimeSpan) expr("3 mo")).unit());
        assertEquals(TimeSpanUnit.MILLISECOND, ((TimeSpan) expr("5 ms")).unit());
        assertEquals(TimeSpanUnit.YEAR, ((TimeSpan) expr("1 yr")).unit());
        assertEquals(TimeSpanUnit.Kind.DATE_PERIOD, ((TimeSpan) expr("2 weeks")).kind());
        assertEquals(TimeSpanUnit.Kind.TIME_DURATION, ((TimeSpan) expr("2 minutes")).kind());
        Neg neg = (Neg) expr("-1 day");
        assertEquals(1, ((TimeSpan) neg.operand()).amount());
        Binary recent = (Binary) ((Where) command("from x | where @timestamp > now() - 7 day", 1)).condition();
        Binary minus = (Binary) recent.right();
        assertEquals(BinaryOp.SUB, minus.op());
        assertEquals("now[]", render(minus.left()));
        assertEquals(new TimeSpan(7, TimeSpanUnit.DAY, new Source(1, 37, 36, 5, "7 day")), minus.right());
        assertError("""
                row a = 7 fortnights
                          ^""", "unknown time unit 'fortnights'");
    }

    @Test
    void precedenceFollowsTheGrammar() {
        assertEquals("(+ a (* b c))", tree("a + b * c"));
        assertEquals("(- (- a b) c)", tree("a - b - c"));
        assertEquals("(* (NEG a) b)", tree("-a * b"));
        assertEquals("(% (/ a b) c)", tree("a / b % c"));
        assertEquals("(OR (AND (NOT (== a 1)) b) c)", tree("not a == 1 and b or c"));
        assertEquals("(AND (IN a [1, 2]) (LIKE b [x*]))", tree("a in (1, 2) and b like \"x*\""));
        assertEquals("(NOT IN a [1])", tree("a not in (1)"));
        assertEquals("(NOT LIKE a [x, y])", tree("a not like (\"x\", \"y\")"));
        assertEquals("(IS NULL (+ a 1))", tree("a + 1 is null"));
        assertEquals("(< (+ (CAST x long) 1) 5)", tree("x::long + 1 < 5"));
        assertEquals("(NEG (CAST x long))", tree("-x::long"));
        assertEquals("(* (+ a b) c)", tree("(a + b) * c"));
        Cast cast = (Cast) expr("(a + b)::double");
        assertEquals("(a + b)::double", cast.source().text());
        assertEquals("-1::long", expr("-1::long").source().text());
        assertError("""
                row x = 1e999
                        ^""", "number out of range");
        assertEquals("(NOT (NOT a))", tree("not not a"));
        assertInstanceOf(RLike.class, expr("a rlike \"a.*\""));
        Match match = (Match) expr("message : \"error\"");
        assertEquals("message", ((FieldRef) match.field()).name());
        assertError("""
                row x = a < b < c
                              ^""", "comparisons do not chain");
    }

    @Test
    void namesJoinDotsAndUnquoteBackquotes() {
        assertEquals("aws.cloudtrail.user_identity.arn", ((FieldRef) expr("aws.cloudtrail.user_identity.arn")).name());
        assertEquals("@timestamp", ((FieldRef) expr("@timestamp")).name());
        assertEquals("a`b.c d", ((FieldRef) expr("`a``b`.`c d`")).name());
        assertEquals("_index", ((FieldRef) expr("_index")).name());
    }

    @Test
    void functionNamesAreLowerCasedAndCountStarIsMarked() {
        FunctionCall count = (FunctionCall) expr("COUNT(*)");
        assertEquals("count", count.name());
        assertTrue(count.star());
        assertTrue(count.args().isEmpty());
        FunctionCall now = (FunctionCall) expr("NOW()");
        assertFalse(now.star());
        assertTrue(now.args().isEmpty());
        FunctionCall distinct = (FunctionCall) expr("CoUnT_DiStInCt(a, 100)");
        assertEquals("count_distinct", distinct.name());
        assertEquals(2, distinct.args().size());
        assertEquals("case[(== a 1), x, y]", tree("CASE(a == 1, \"x\", \"y\")").replace("\"", ""));
        FunctionCall withOptions = (FunctionCall) expr("date_parse(a, {\"locale\": \"fr\", \"time_zone\": \"Z\"})");
        assertEquals(1, withOptions.args().size());
        assertEquals(List.of("locale", "time_zone"), List.copyOf(withOptions.options().keySet()));
        assertEquals("fr", withOptions.options().get("locale").value());
        assertFalse(assertError("""
                row x = date_parse(a, {"locale": b})
                                       ^""", "the value of option [locale] must be a constant").isUnsupported());
        assertFalse(assertError("""
                row x = f(
                          ^""", "expected an expression").isUnsupported());
    }

    @Test
    void unnamedColumnsTakeTheirVerbatimText() {
        Stats stats = (Stats) command("from x | stats couNt(*), c = count_distinct(a) WHERE b > 1, max( y ) BY"
                + " host.name, `k`, h = bucket(@timestamp, 1 hour), TO_LOWER(u)", 1);
        List<String> names = stats.aggregates().stream().map(a -> a.alias().name()).toList();
        assertEquals(List.of("couNt(*)", "c", "max( y )"), names);
        assertEquals(List.of(false, true, false), stats.aggregates().stream().map(a -> a.alias().explicit()).toList());
        Aggregate filtered = stats.aggregates().get(1);
        assertEquals("(> b 1)", render(filtered.filter()));
        assertEquals("c = count_distinct(a) WHERE b > 1", filtered.source().text());
        assertEquals(null, stats.aggregates().get(0).filter());
        assertEquals(List.of("host.name", "k", "h", "TO_LOWER(u)"),
                stats.groupings().stream().map(Alias::name).toList());
        Eval eval = (Eval) command("row a = 1 | eval a + 1, b.c = 2, a", 1);
        assertEquals(List.of("a + 1", "b.c", "a"), eval.fields().stream().map(Alias::name).toList());
        Stats byOnly = (Stats) command("from x | stats by a", 1);
        assertTrue(byOnly.aggregates().isEmpty());
        assertError("""
                from x | stats
                         ^""", "at least one aggregation");
    }

    @Test
    void sortAppliesElasticsearchNullDefaults() {
        Sort sort = (Sort) command("from x | sort a desc nulls first, b, c asc nulls last, d desc, e nulls first", 1);
        List<Order> orders = sort.orders();
        assertEquals(List.of(true, false, false, true, true), orders.stream().map(Order::nullsFirst).toList());
        assertEquals(List.of(true, false, false, true, false), orders.stream().map(Order::descending).toList());
        assertEquals(Order.Direction.DEFAULT, orders.get(1).direction());
        assertError("""
                from x | sort a nulls middle
                                      ^""", "expected FIRST or LAST after NULLS");
    }

    @Test
    void limitKeepDropRenameMvExpand() {
        Query q = EsqlParser.parse("from x | limit 10 | keep first*, *name, emp_no, a.b*, * | drop `x y`, _*"
                + " | rename a as b, c = d.e | mv_expand a.b | limit 0");
        assertEquals(10, ((Limit) q.commands().get(1)).count());
        assertEquals(List.of("first*", "*name", "emp_no", "a.b*", "*"),
                ((Keep) q.commands().get(2)).patterns().stream().map(NamePattern::pattern).toList());
        assertEquals(List.of("x y", "_*"),
                ((Drop) q.commands().get(3)).patterns().stream().map(NamePattern::pattern).toList());
        List<RenamePair> pairs = ((Rename) q.commands().get(4)).pairs();
        assertEquals(List.of("a->b", "d.e->c"), pairs.stream().map(p -> p.oldName() + "->" + p.newName()).toList());
        assertEquals("a.b", ((MvExpand) q.commands().get(5)).field());
        assertEquals(0, ((Limit) q.commands().get(6)).count());
        assertError("""
                from x | limit -1
                               ^""", "expected a non-negative integer");
        assertError("""
                from x | limit 99999999999999999999
                               ^""", "LIMIT 99999999999999999999 is out of range");
        assertError("""
                from x | keep a b
                                ^""", "expected '|' or end of query");
        assertError("""
                from x | rename a b
                                  ^""", "expected AS");
    }

    @Test
    void namePatternsMatchWithWildcards() {
        NamePattern pattern = new NamePattern("a*.b*", Source.EMPTY);
        assertTrue(pattern.matches("a1.b"));
        assertTrue(pattern.matches("a.bcd"));
        assertFalse(pattern.matches("b.a"));
        assertTrue(new NamePattern("*", Source.EMPTY).matches(""));
        assertFalse(new NamePattern("ab", Source.EMPTY).hasWildcard());
    }

    @Test
    void dissectAndGrokTakeStringPatterns() {
        Dissect dissect = (Dissect) command("from x | dissect a.b \"%{a} %{+a}\" append_separator = \"-\"", 1);
        assertEquals("a.b", ((FieldRef) dissect.input()).name());
        assertEquals("%{a} %{+a}", dissect.pattern());
        assertEquals("-", dissect.appendSeparator());
        Dissect plain = (Dissect) command("from x | dissect to_lower(a) \"%{a}\"", 1);
        assertEquals(null, plain.appendSeparator());
        assertInstanceOf(FunctionCall.class, plain.input());
        Grok grok = (Grok) command("from x | grok m \"\\\\[%{WORD:w}\\\\]\", \"%{NUMBER:n}\"", 1);
        assertEquals(List.of("\\[%{WORD:w}\\]", "%{NUMBER:n}"), grok.patterns());
        assertError("""
                from x | dissect a "%{a}" sep = "-"
                                          ^""", "invalid option for DISSECT: [sep]");
        assertError("""
                from x | grok a b
                                ^""", "expected a grok pattern string");
    }

    @Test
    void unsupportedCommandsParseWithTheirKeyword() {
        Query q = EsqlParser.parse("""
                from x
                | enrich policy on a with b = c
                | lookup join idx on k
                | inline stats count(*) by x
                | fork (where a | limit 1) (where b)
                | change_point v on t
                | where a == 1""");
        List<String> keywords = q.commands().stream().filter(UnsupportedCommand.class::isInstance)
                .map(c -> ((UnsupportedCommand) c).keyword()).toList();
        assertEquals(List.of("ENRICH", "LOOKUP JOIN", "INLINE STATS", "FORK", "CHANGE_POINT"), keywords);
        UnsupportedCommand enrich = (UnsupportedCommand) q.commands().get(1);
        assertEquals("2:3", enrich.source().position());
        assertEquals("enrich policy on a with b = c", enrich.source().text());
        assertInstanceOf(Where.class, q.commands().get(6));
        Query withSetting = EsqlParser.parse("set time_zone=\"+03:00\";\r\nrow a = 1");
        assertEquals("time_zone", withSetting.settings().get(0).name());
        assertEquals("1:1", withSetting.settings().get(0).source().position());
        assertInstanceOf(Row.class, withSetting.commands().get(0));
        assertEquals("SHOW", ((UnsupportedCommand) command("show info", 0)).keyword());
    }

    @Test
    void commentsMayAppearAnywhere() {
        Query q = EsqlParser.parse("""
                // leading comment
                from x // after the source
                /* between /* nested */ pipes */
                | where /* inside */ a == 1 // trailing
                // last line""");
        Where where = (Where) q.commands().get(1);
        assertEquals("(== a 1)", render(where.condition()));
        assertEquals("4:3", where.source().position());
        assertError("""
                from x | where a /* never closed
                                 ^""", "unterminated comment");
    }

    @Test
    void sourcesCarryLineColumnAndVerbatimText() {
        Query q = EsqlParser.parse("from x\n| eval  y = A + 1\n| stats COUNT( * ) by y");
        Alias alias = ((Eval) q.commands().get(1)).fields().get(0);
        assertEquals(new Source(2, 9, 15, 9, "y = A + 1"), alias.source());
        Binary plus = (Binary) alias.expr();
        assertEquals(BinaryOp.ADD, plus.op());
        assertEquals(new Source(2, 13, 19, 5, "A + 1"), plus.source());
        Alias count = ((Stats) q.commands().get(2)).aggregates().get(0).alias();
        assertEquals("COUNT( * )", count.name());
        assertEquals(3, count.source().line());
    }

    @Test
    void errorsPointAtTheOffendingToken() {
        EsqlSyntaxException e = assertError("""
                from logs-aws.cloudtrail-*
                | where event.dataset == "aws.cloudtrail" and event.provider = "s"
                                                                             ^""", "'=' assigns; use '==' to compare");
        assertEquals("""
                2:62: '=' assigns; use '==' to compare
                | where event.dataset == "aws.cloudtrail" and event.provider = "s"
                                                                             ^""", e.formatted());
        assertError("""
                sql
                ^""", "expected a source command (FROM or ROW) but found 'sql'");
        assertError("""
                from x | foo a
                         ^""", "unknown command 'foo'");
        assertError("""
                from x | where a == 1 | from y
                                        ^""", "FROM is a source command");
        assertError("""
                from x |
                        ^""", "expected a command after '|'");
        assertError("""
                from x | where a ==
                                   ^""", "expected an expression but found end of query");
        EsqlSyntaxException atEnd = assertThrows(EsqlSyntaxException.class,
                () -> EsqlParser.parse("from x | where a ==\n// nothing follows\n"));
        assertEquals("1:20: expected an expression but found end of query", atEnd.getMessage(),
                "an early end is reported just after the last token, not on a trailing blank line");
        assertError("""
                from x | where f(a
                                  ^""", "expected ',' or ')'");
        assertError("""
                from x | where a #
                                 ^""", "expected '|' or end of query but found character '#'");
        assertError("""
                from x | where `unterminated
                               ^""", "unterminated quoted identifier");
        assertError("""
                from x | where a == ?p
                                    ^""", "unsupported: query parameters");
        assertError("""
                from x | where a =~ "b"
                                 ^""", "unsupported: '=~'");
        assertError("""
                from x;
                      ^""", "unexpected ';'");
        assertError("""
                \s
                ^""", "empty query");
        assertError("""
                from x | eval and = 1
                              ^""", "unexpected 'and'");
    }

    @Test
    void deepNestingGivesAPositionedError() {
        String deep = "row a = " + "(".repeat(10_000) + "1" + ")".repeat(10_000);
        EsqlSyntaxException e = assertThrows(EsqlSyntaxException.class, () -> EsqlParser.parse(deep));
        assertTrue(e.detail().startsWith("query too deeply nested"), e.getMessage());
        assertEquals(1, e.line());
        assertTrue(e.column() > 8 && e.column() < 10_000, e.getMessage());
        for (String prefix : List.of("-", "not ", "[", "f(")) {
            String nested = "row a = " + prefix.repeat(10_000) + "1";
            EsqlSyntaxException n = assertThrows(EsqlSyntaxException.class, () -> EsqlParser.parse(nested));
            assertTrue(n.detail().startsWith("query too deeply nested"), prefix + ": " + n.getMessage());
        }
        String fine = "row a = " + "(".repeat(100) + "1" + ")".repeat(100);
        assertEquals(1, ((Literal) ((Row) EsqlParser.parse(fine).commands().get(0)).fields().get(0).expr()).value());
    }

    @Test
    void nullTextIsASyntaxError() {
        EsqlSyntaxException e = assertThrows(EsqlSyntaxException.class, () -> EsqlParser.parse(null));
        assertEquals("1:1: empty query: expected a source command (FROM or ROW)", e.getMessage());
    }
}
