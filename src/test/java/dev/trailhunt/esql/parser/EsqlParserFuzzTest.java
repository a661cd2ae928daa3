package dev.trailhunt.esql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.trailhunt.esql.ast.Node;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.esql.ast.Source;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds the parser seeded random and mutated queries: each must end in a query whose sources match the text, or
 * in a positioned {@link EsqlSyntaxException}, and nothing else.
 */
class EsqlParserFuzzTest {

    private static final int CASES = 12_000;

    /** Seeds that keep the test meaningful when ../shared is absent. */
    private static final List<String> BUILT_IN_SEEDS = List.of(
            "from logs-aws.cloudtrail-*\n| where @timestamp > now() - 7 day and event.action == \"GetSecretValue\"\n"
                    + "| stats calls = count(*), users = count_distinct(user.name) by source.ip\n"
                    + "| where calls > 10 | sort calls desc nulls last | limit 20",
            "row a = [1, 2, 3], b = \"x\\ty\", c = \"\"\"raw\\\"\"\" | eval d = a::long * -2 % 3 | keep a, b*, `c`",
            "from x | dissect m \"%{a} %{+a}\" append_separator=\"-\" | grok n \"%{WORD:w}\", \"%{IP:i}\"",
            "from x | where not (a in (1, 2) or b not like \"*x?\") and c is not null and d rlike \"a.+\"",
            "from x // c\n| /* a /* b */ c */ rename a as b, c = d | drop e* | mv_expand f.g",
            "from x | enrich p on a with b | lookup join l on k | sort case(a > 1, \"x\", \"y\") asc, z",
            "from x | stats c = count(*) where a > 1, max(b) by bucket(@timestamp, 1 hour), h = to_lower(host)",
            "set tz = \"UTC\"; row x = 18446744073709551615, y = 1.5e-3, z = .5, w = null, v = true");

    /** Fragments inserted by the mutator: tokens that change the parse in interesting ways. */
    private static final List<String> FRAGMENTS = List.of("(", ")", "[", "]", "{", "}", "|", ",", ".", "==", "=",
            "!=", "<=", ">", "+", "-", "*", "/", "%", "::", ":", ";", "\"", "\"\"\"", "`", "``", "\\", "/*", "*/",
            "//", "\n", "\r\n", "\t", " ", "not", "NOT", "in", "like", "rlike", "is", "null", "by", "as", "where",
            "and", "or", "asc", "desc", "nulls", "first", "metadata", "stats", "from", "row", "enrich", "lookup",
            "join", "1", "2147483648", "99999999999999999999999", "1.5", "1e", "1e5", ".", "7 days", "1 fortnight",
            "?", "?x", "@", "@a", "_", "a.b", "count(*)", "\"s\"", "#", "é", "\uD83D\uDE00", "\uD800", "\u0000");

    @Test
    void randomAndMutatedInputsEndInAQueryOrAPositionedError() {
        List<String> seeds = new ArrayList<>(BUILT_IN_SEEDS);
        ParserCorpus.shared().ifPresent(shared -> {
            ParserCorpus.huntQueries(shared.resolve("corpus/elastic-hunting")).forEach(q -> seeds.add(q.text()));
            ParserCorpus.specQueries(shared.resolve("corpus/esql-spec")).forEach(q -> seeds.add(q.text()));
        });
        Random random = new Random(20261130L);
        int parsed = 0;
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            String input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            try {
                Query query = EsqlParser.parse(input);
                checkSources(query, input);
                parsed++;
            } catch (EsqlSyntaxException e) {
                checkPosition(e, input);
                rejected++;
            } catch (RuntimeException | StackOverflowError e) {
                fail("case " + i + " threw " + e + " for input:\n" + input, e);
            }
        }
        System.out.println("esql parser fuzz: " + CASES + " inputs, " + parsed + " parsed, " + rejected
                + " positioned errors, " + seeds.size() + " seeds");
        assertEquals(CASES, parsed + rejected);
        assertTrue(parsed > CASES / 20, "mutations should not all be invalid: " + parsed);
        assertTrue(rejected > CASES / 4, "mutations should mostly be invalid: " + rejected);
    }

    private static String mutate(String seed, Random random) {
        String text = seed;
        int rounds = 1 + random.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            List<Token> tokens = Lexer.tokenize(text);
            int kind = random.nextInt(9);
            Token a = tokens.get(random.nextInt(tokens.size()));
            Token b = tokens.get(random.nextInt(tokens.size()));
            text = switch (kind) {
                case 0 -> text.substring(0, a.start()) + text.substring(a.end());
                case 1 -> text.substring(0, a.start()) + FRAGMENTS.get(random.nextInt(FRAGMENTS.size()))
                        + text.substring(a.start());
                case 2 -> swap(text, a, b);
                case 3 -> text.substring(0, random.nextInt(text.length() + 1));
                case 4 -> replaceChar(text, random);
                case 5 -> randomText(random);
                case 6 -> text.substring(0, a.start()) + text.substring(a.start(), a.end()).repeat(2)
                        + text.substring(a.end());
                case 7 -> nest(text, a, random);
                default -> text.substring(0, a.start()) + FRAGMENTS.get(random.nextInt(FRAGMENTS.size()))
                        + text.substring(a.end());
            };
        }
        return text;
    }

    private static String swap(String text, Token a, Token b) {
        Token first = a.start() <= b.start() ? a : b;
        Token second = first == a ? b : a;
        if (first.end() > second.start()) {
            return text;
        }
        return text.substring(0, first.start()) + text.substring(second.start(), second.end())
                + text.substring(first.end(), second.start()) + text.substring(first.start(), first.end())
                + text.substring(second.end());
    }

    private static String replaceChar(String text, Random random) {
        if (text.isEmpty()) {
            return String.valueOf((char) random.nextInt(0x10000));
        }
        int at = random.nextInt(text.length());
        char c = random.nextBoolean() ? (char) random.nextInt(128) : (char) random.nextInt(0x10000);
        return text.substring(0, at) + c + text.substring(at + 1);
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(80);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(4) == 0 ? FRAGMENTS.get(random.nextInt(FRAGMENTS.size()))
                    : String.valueOf((char) (32 + random.nextInt(95))));
        }
        return random.nextBoolean() ? "from x | where " + text : text.toString();
    }

    private static String nest(String text, Token at, Random random) {
        int depth = random.nextInt(50) == 0 ? 10_000 : 1 + random.nextInt(300);
        String open = List.of("(", "-", "not ", "[", "f(").get(random.nextInt(5));
        String close = open.equals("(") || open.equals("f(") ? ")" : open.equals("[") ? "]" : "";
        return text.substring(0, at.start()) + open.repeat(depth) + text.substring(at.start(), at.end())
                + close.repeat(depth) + text.substring(at.end());
    }

    private static void checkPosition(EsqlSyntaxException e, String input) {
        int lines = input.split("\n", -1).length;
        assertTrue(e.line() >= 1 && e.line() <= lines, e.getMessage() + " for input:\n" + input);
        assertTrue(e.column() >= 1 && e.column() <= e.sourceLine().length() + 2, e.getMessage() + " for:\n" + input);
        assertTrue(e.formatted().startsWith(e.line() + ":" + e.column() + ": "), e.formatted());
    }

    /** Walks every node of the tree and checks that its source is the slice of the input it claims. */
    private static void checkSources(Object value, String input) {
        if (value instanceof List<?> list) {
            list.forEach(element -> checkSources(element, input));
            return;
        }
        if (!(value instanceof Record record)) {
            return;
        }
        if (record instanceof Node node) {
            Source source = node.source();
            assertEquals(input.substring(source.offset(), source.offset() + source.length()), source.text());
            int lineStart = input.lastIndexOf('\n', source.offset() - 1) + 1;
            assertEquals(source.offset() - lineStart + 1, source.column(), "column of " + source.text());
            assertEquals(input.substring(0, source.offset()).split("\n", -1).length, source.line());
        }
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                checkSources(component.getAccessor().invoke(record), input);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
