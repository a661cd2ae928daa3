package dev.trailhunt.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trailhunt.engine.Store;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the dissect, LIKE, RLIKE and date-format conversions on DuckDB against Elasticsearch's documented results. */
class PatternConversionTest {
    private static Store store;

    @BeforeAll
    static void open() {
        store = Store.openInMemory();
    }

    @AfterAll
    static void close() throws Exception {
        store.close();
    }

    /** Runs a one-value query with each {@code ?} replaced by the next argument as a string literal. */
    private static Object query(String sql, String... args) {
        StringBuilder text = new StringBuilder();
        int arg = 0;
        for (char ch : sql.toCharArray()) {
            text.append(ch == '?' ? "'" + args[arg++].replace("'", "''") + "'" : String.valueOf(ch));
        }
        return store.runSql(text.toString(), 1).table().rows().get(0).get(0);
    }

    private static boolean like(String value, String esqlPattern) throws Exception {
        return (Boolean) query("SELECT ? LIKE ? ESCAPE '\\'", value, LikePattern.toSqlLike(esqlPattern));
    }

    private static boolean rlike(String value, String lucene) throws Exception {
        return (Boolean) query("SELECT regexp_full_match(?, ?)", value, LikePattern.toRe2(lucene));
    }

    @Test
    void likeMatchesWholeStringsWithStarQuestionAndEscapes() throws Exception {
        assertEquals(true, like("foobar", "foo*"));
        assertEquals(false, like("foo", "fo"));
        assertEquals(true, like("abc", "a?c"));
        assertEquals(true, like("a%c", "a%c"));
        assertEquals(false, like("abc", "a%c"));
        assertEquals(false, like("a_c", "a\\_x"));
        assertEquals(true, like("Eberhar*", "Eberhar\\*"));
        assertEquals(false, like("Eberhardt", "Eberhar\\*"));
        assertEquals(true, like("C:\\foo\\bar.exe", "C:\\\\*"));
    }

    @Test
    void rlikeIsALuceneRegexOverTheWholeString() throws Exception {
        assertEquals(true, rlike("abc", "a.c"));
        assertEquals(false, rlike("abc", "b"));
        assertEquals(false, rlike("abc", "#"));
        assertEquals(true, rlike("anything", "@"));
        assertEquals(true, rlike("a^b$", "a^b$"));
        assertEquals(true, rlike("a.b", "a\".\"b"));
        assertEquals(false, rlike("axb", "a\".\"b"));
        assertEquals(true, rlike("x{minCount=1, maxCount=2}", ".*minCount.*maxCount.*"));
        assertThrows(IllegalArgumentException.class, () -> LikePattern.toRe2("a&b"));
    }

    private static List<String> dissect(String input, String pattern, String sep) throws Exception {
        DissectPattern p = DissectPattern.parse(pattern, sep);
        Object matched = query("SELECT regexp_matches(?, ?)", input, p.regex());
        if (!(Boolean) matched) {
            return null;
        }
        List<String> out = new java.util.ArrayList<>();
        for (DissectPattern.Output o : p.outputs()) {
            StringBuilder v = new StringBuilder();
            for (int i = 0; i < o.groups().size(); i++) {
                v.append(i == 0 ? "" : p.appendSeparator())
                        .append(query("SELECT regexp_extract(?, ?, " + o.groups().get(i) + ")", input, p.regex()));
            }
            out.add(o.name() + "=" + v);
        }
        return out;
    }

    @Test
    void dissectFollowsElasticsearchExamples() throws Exception {
        assertEquals(List.of("b=foo", "c=bar baz"), dissect("foo bar baz", "%{b} %{c}", null));
        assertEquals(null, dissect("foo bar", "%{b} %{c} baz", null));
        assertEquals(List.of("b=bazbarfoo", "c=1", "d=2"), dissect("foo 1 bar 2 baz", "%{+b/3} %{c} %{+b/2} %{d} %{+b/1}", null));
        assertEquals(List.of("b=foo", "c=bar"), dissect("foo           bar", "%{b->} %{c}", null));
        assertEquals(List.of("a=x", "c="), dissect("x  y", "%{a} %{c} %{}", null));
        assertEquals(List.of("foo=2"), dissect("1 2", "%{foo} %{foo}", null));
        assertEquals(List.of("b=a,b"), dissect("a b", "%{+b} %{+b}", ","));
        assertEquals(List.of("secret_value=db-AbCd"), dissect("{secretId=arn:aws:secretsmanager:us-east-1:1:secret:db-AbCd}",
                "%{}secret:%{secret_value}}", null));
        assertEquals(List.of("v=1"), dissect("[k=1]\nrest", "[k=%{v}]", null));
    }

    @Test
    void rejectsReferenceKeysAndPatternsWithoutKeys() {
        assertThrows(IllegalArgumentException.class, () -> DissectPattern.parse("%{*k} %{&k}", null));
        assertThrows(IllegalArgumentException.class, () -> DissectPattern.parse("no keys", null));
    }

    @Test
    void dateFormatsMapJavaLettersToStrftime() throws Exception {
        assertEquals("%G-%M-%d", JavaDateFormat.toStrftime("YYYY-mm-dd"));
        assertEquals("%Y-%m-%dT%H:%M:%S.%gZ", JavaDateFormat.toStrftime("yyyy-MM-dd'T'HH:mm:ss.SSSX"));
        assertEquals("2024-01-02 03:04", query("SELECT strftime(TIMESTAMP '2024-01-02 03:04:05', ?)", JavaDateFormat.toStrftime("yyyy-MM-dd HH:mm")));
        // 2021-01-01 lies in ISO week 53 of 2020, so the week-based year is 2020.
        assertEquals("2020", query("SELECT strftime(TIMESTAMP '2021-01-01 00:00:00', ?)", JavaDateFormat.toStrftime("YYYY")));
        assertThrows(IllegalArgumentException.class, () -> JavaDateFormat.toStrftime("yyyy GG"));
    }

    @Test
    void grokExpandsBankPatternsAndSortsFields() throws Exception {
        GrokPattern p = GrokPattern.compile("%{IP:client} %{WORD:method} %{NUMBER:bytes:int}");
        assertEquals(List.of("bytes", "client", "method"), p.fields().stream().map(GrokPattern.Field::name).toList());
        assertEquals("10.0.0.1", query("SELECT regexp_extract(?, ?, " + p.fields().get(1).groups().get(0) + ")",
                "at 10.0.0.1 GET 512 done", p.regex()));
        assertThrows(IllegalArgumentException.class, () -> GrokPattern.compile("%{NOSUCHPATTERN:x}"));
    }

    @Test
    void ipLiteralsTakeTheStoresCanonicalForm() {
        dev.trailhunt.esql.ast.Node at = new dev.trailhunt.esql.ast.FieldRef("x", dev.trailhunt.esql.ast.Source.EMPTY);
        assertEquals("2001:db8::1", Comparisons.canonicalIp("2001:0DB8:0:0:0:0:0:1", at));
        assertEquals("::1", Comparisons.canonicalIp("0:0:0:0:0:0:0:1", at));
        assertEquals("2001:db8:0:1::", Comparisons.canonicalIp("2001:db8:0:1:0:0:0:0", at));
        assertEquals("2001:0:0:1::1", Comparisons.canonicalIp("2001:0:0:1:0:0:0:1", at));
        assertEquals("10.0.0.1", Comparisons.canonicalIp("::ffff:10.0.0.1", at));
        assertThrows(EsqlException.class, () -> Comparisons.canonicalIp("example.com", at));
        // Elasticsearch's InetAddresses rejects what java.net.InetAddress would accept: octal-looking octets, scopes, brackets.
        for (String bad : List.of("1.2.3.04", "fe80::1%1", "[::1]", "999.1.1.1")) {
            assertThrows(EsqlException.class, () -> Comparisons.canonicalIp(bad, at), bad);
        }
    }
}
