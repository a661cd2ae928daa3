package dev.trailhunt.kql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the parse trees of KQL as Kibana's documentation describes it (printed by {@link Kql#describe}), and
 * that invalid text fails at the right line and column.
 */
class KqlParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // the commonest rule shape: unquoted terms joined by and
        "data_stream.dataset:aws.cloudtrail and event.provider:ec2.amazonaws.com"
                + " | (and (data_stream.dataset: <aws.cloudtrail>) (event.provider: <ec2.amazonaws.com>))",
        // a value list of wildcards that contain spaces
        "user_agent.original: (*S3 Browser* or *Cyberduck*) | (user_agent.original: (or wildcard<*S3 Browser*> wildcard<*Cyberduck*>))",
        // escaped colons, a trailing wildcard
        "related.entity: arn\\:aws\\:iam\\:\\:aws\\:policy* | (related.entity: wildcard<arn:aws:iam::aws:policy*>)",
        // precedence: not binds tighter than and, and tighter than or
        "a:b or c:d and not e:f | (or (a: <b>) (and (c: <d>) (not (e: <f>))))",
        "(a:b or c:d) and e:f | (and (or (a: <b>) (c: <d>)) (e: <f>))",
        "NOT a:b Or c:d AND e:f | (or (not (a: <b>)) (and (c: <d>) (e: <f>)))",
        // value lists with and / not, nested parentheses
        "f:(* and not (Amazon* or AMAZON*)) | (f: (and wildcard<*> (not (or wildcard<Amazon*> wildcard<AMAZON*>))))",
        "f:(a or (b and c)) | (f: (or <a> (and <b> <c>)))",
        // quoted strings: a star is literal, backslash escapes quote and backslash
        "f:\"a*b\" | (f: \"a*b\")",
        "f:\"say \\\"hi\\\" \\\\ now\" | (f: \"say \"hi\" \\ now\")",
        // unquoted escapes: special characters, the star, keywords and unicode
        "f:a\\*b | (f: <a*b>)",
        "f:\\(x\\) | (f: <(x)>)",
        "f:\\or | (f: <or>)",
        "f:\\u0041z | (f: <Az>)",
        // exists, and a value with inner spaces
        "f:* | (f: wildcard<*>)",
        "f:hello world | (f: <hello world>)",
        // ranges
        "f >= 10 | (f >= <10>)",
        "f<5 | (f < <5>)",
        "@timestamp > \"2024-01-01\" | (@timestamp > \"2024-01-01\")",
        // nested queries
        "f:{ g:1 and h:2 } | (f {(and (g: <1>) (h: <2>))})",
        // wildcard field names, quoted field names
        "event.*:x | (fields<event.*>: <x>)",
        "\"event.action\":x | (event.action: <x>)",
        // a value alone is free text
        "foo | <foo>",
        "f:21 or 22 | (or (f: <21>) <22>)",
    })
    void parsesAsDocumented(String kql, String tree) {
        assertEquals(tree.trim(), Kql.describe(Kql.parse(kql)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "f:(a or b | 1:10: expected ')' to close the '(' at 1:3 but found the end of the query",
        "f: | 1:3: expected a field or value but found the end of the query",
        "a:b c:d | 1:6: expected 'and', 'or' or the end of the query but found ':'",
        "f:\"abc | 1:3: unterminated quoted string",
        "f:a\\qb | 1:4: invalid escape '\\q': only \\ ( ) : < > \" * { } t r n u and the keywords or, and, not may follow a backslash",
        "f < a* | 1:5: a range bound cannot hold a wildcard",
        "f: not x | 1:4: expected a value but found 'not'; negate a value inside parentheses: field:(not value)",
        "(a:b | 1:5: expected ')' to close the '(' at 1:1 but found the end of the query",
        "a:\"b\" and | 1:10: expected a query after 'and' but found the end of the query",
        "f:{ g:1 | 1:8: expected '}' to close the '{' at 1:3 but found the end of the query",
        "f:\\u00zz | 1:3: a unicode escape needs four hex digits: \\uXXXX",
    })
    void rejectsWithPosition(String kql, String message) {
        KqlException e = assertThrows(KqlException.class, () -> Kql.parse(kql));
        assertEquals(message.trim(), e.getMessage());
    }

    @Test
    void pointsACaretAtTheErrorOnItsLine() {
        KqlException e = assertThrows(KqlException.class, () -> Kql.parse("a:b and\n  (c:d"));
        assertEquals(2, e.line());
        assertEquals(7, e.column());
        assertEquals("2:7: expected ')' to close the '(' at 2:3 but found the end of the query\n  (c:d\n      ^", e.formatted());
    }

    @Test
    void readsLineBreaksAsWhitespace() {
        assertEquals("(and (a: <b>) (c: <d>))", Kql.describe(Kql.parse("a:b and\n  c:d")));
        assertEquals("(a: <b and>)", Kql.describe(Kql.parse("a:b and")));
    }

    @Test
    void readsKibanasEscapedWildcardExample() {
        // From elastic/kibana#161377: escape ':' and leave the wildcard unquoted; AND NOT is case-insensitive.
        assertEquals("(and (span.name: wildcard<Elasticsearch: POST /*/_search>) (not wildcard<Elasticsearch: POST /.*/_search>))",
                Kql.describe(Kql.parse("span.name: Elasticsearch\\: POST /*/_search AND NOT Elasticsearch\\: POST /.*/_search")));
    }

    @Test
    void boundsTheSizeOfAQuery() {
        String deep = "(".repeat(51) + "a:b" + ")".repeat(51);
        assertEquals("1:51: query too large: nested deeper than 50 levels", assertThrows(KqlException.class, () -> Kql.parse(deep)).getMessage());
        String nots = "not ".repeat(60) + "a:b";
        assertEquals("1:201: query too large: nested deeper than 50 levels", assertThrows(KqlException.class, () -> Kql.parse(nots)).getMessage());
        String many = "a:(" + "x or ".repeat(10_000) + "x)";
        assertEquals("1:49999: query too large: more than 10000 fields and values",
                assertThrows(KqlException.class, () -> Kql.parse(many)).getMessage());
        String longText = "a:" + "x".repeat(100_000);
        assertEquals("1:100001: query too large: more than 100000 characters",
                assertThrows(KqlException.class, () -> Kql.parse(longText)).getMessage());
    }

    @Test
    void anEmptyQueryMatchesEverything() {
        assertEquals("(and )", Kql.describe(Kql.parse(" \n ")));
    }
}
