package dev.trailhunt.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.trailhunt.cli.Cli;
import dev.trailhunt.engine.Store;
import dev.trailhunt.esql.parser.QueryLimits;
import dev.trailhunt.hunt.CompiledQuery;
import dev.trailhunt.hunt.HuntException;
import dev.trailhunt.hunt.TranslatingCompiler;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, class 1: a hunt can never crash the process. Generated hostile queries (long flat
 * chains of every operator, deep nesting, huge texts and term counts, exponential SQL, many
 * DISSECT/GROK keys, invalid regexes, empty names, index overflows, a query without columns) are
 * compiled and run as a hunt is; each must answer or fail with a positioned one-line error, and
 * never with a stack overflow, an out-of-memory error, a native crash or an internal error.
 */
class CrashFreeQueryTest {
    private static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");
    private static final Pattern POSITIONED = Pattern.compile("^(\\d+:\\d+: .+|unsupported: .+ at \\d+:\\d+)$");

    private static Store store;
    private static TranslatingCompiler compiler;
    private static int cases;

    @TempDir static Path dir;

    @BeforeAll
    static void open() {
        store = Store.openInMemory().sandbox();
        compiler = TranslatingCompiler.forStore(store);
    }

    @AfterAll
    static void close() throws Exception {
        store.close();
        // The lead collects this line from every hardening class.
        System.out.println("hardening: class 1: " + cases + " cases, all held");
    }

    /** Says how a query ended: with rows, or with a positioned error (whose first line is kept). */
    private record Outcome(boolean answered, String error) {}

    /** Compiles and runs a query as a hunt does; anything but rows or a positioned hunt error fails the test. */
    private static Outcome run(String esql) {
        cases++;
        try {
            CompiledQuery q = compiler.compile(esql, NOW);
            compiler.execute(store, q);
            return new Outcome(true, "");
        } catch (HuntException e) {
            String first = e.getMessage().lines().findFirst().orElse("");
            assertTrue(POSITIONED.matcher(first).matches(), "not a positioned error: " + first + "\nfor " + abbreviate(esql));
            return new Outcome(false, first);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return fail("crashed with " + e + "\nfor " + abbreviate(esql), e);
        }
    }

    private static void answers(String esql) {
        Outcome o = run(esql);
        assertTrue(o.answered(), "expected an answer, got " + o.error() + "\nfor " + abbreviate(esql));
    }

    private static void refuses(String esql, String what) {
        Outcome o = run(esql);
        assertFalse(o.answered(), "expected an error for " + abbreviate(esql));
        assertTrue(o.error().contains(what), o.error() + " does not say " + what);
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 150) + " … " + s.substring(s.length() - 150);
    }

    private static String chain(int terms, String operator, IntFunction<String> term) {
        StringBuilder sb = new StringBuilder(term.apply(0));
        for (int i = 1; i < terms; i++) {
            sb.append(' ').append(operator).append(' ').append(term.apply(i));
        }
        return sb.toString();
    }

    private static String nest(int levels, String open, String inner, String close) {
        return open.repeat(levels) + inner + close.repeat(levels);
    }

    @Test
    void flatArithmeticChainsAnswerUpToTheDepthBoundAndAreRefusedBeyond() {
        for (String op : List.of("+", "-", "*", "/", "%")) {
            for (int terms : List.of(2, 50, QueryLimits.MAX_DEPTH)) {
                answers("row x = 1 | eval y = " + chain(terms, op, i -> "x"));
            }
            for (int terms : List.of(QueryLimits.MAX_DEPTH + 2, 450, 1_000, 5_000)) {
                refuses("row x = 1 | eval y = " + chain(terms, op, i -> "x"), "query too large: an expression nests deeper than");
            }
        }
        refuses("row x = 1.5 | eval y = " + chain(1_000, "+", i -> "x"), "query too large");
    }

    @Test
    void longAndOrChainsAreBalancedSoThousandsOfTermsAnswer() {
        for (String op : List.of("and", "or")) {
            // Each comparison is two terms, so 4,000 of them stay under the term bound.
            for (int terms : List.of(2, 3, 4, 101, 1_000, 4_000)) {
                answers("row x = 1 | where " + chain(terms, op, i -> "x == " + (i % 7)));
                answers("row x = 1 | eval y = " + chain(terms, op, i -> "x > " + i) + " | where y or not y");
            }
            refuses("row x = 1 | where " + chain(QueryLimits.MAX_TERMS + 1, op, i -> "x"), "query too large");
            refuses("row x = 1 | where " + chain(50_000, op, i -> "x"), "query too large");
        }
        // Mixed: an OR of AND chains, and a chain of comparisons joined by AND with arithmetic inside.
        answers("row x = 1 | where " + chain(200, "or", i -> "(" + chain(20, "and", j -> "x != " + j) + ")"));
        answers("row x = 1 | where " + chain(500, "and", i -> "x + " + i + " > 0"));
    }

    @Test
    void deepNestingIsRefusedWithAPosition() {
        for (int levels : List.of(10, QueryLimits.MAX_DEPTH - 2)) {
            answers("row x = " + nest(levels, "abs(", "-1", ")"));
            answers("row x = " + nest(levels, "(", "1", ")") + " + 1");
            answers("row x = true | where " + nest(levels, "not ", "x", ""));
            answers("row x = 1 | eval y = " + nest(levels, "-(", "x", ")"));
            answers("row x = \"a\" | eval y = " + nest(levels, "to_upper(", "x", ")"));
        }
        // Parentheses add no level to the tree; the parser bounds their nesting on its own.
        answers("row x = " + nest(150, "(", "1", ")"));
        for (int levels : List.of(250, 2_000, 40_000)) {
            refuses("row x = " + nest(levels, "(", "1", ")"), "nested");
        }
        for (int levels : List.of(QueryLimits.MAX_DEPTH + 1, 150, 250, 2_000)) {
            refuses("row x = " + nest(levels, "abs(", "-1", ")"), "nest");
            refuses("row x = true | where " + nest(levels, "not ", "x", ""), "nest");
            refuses("row x = 1 | eval y = " + nest(levels, "-(", "x", ")"), "nest");
            refuses("row x = [1, 2] | eval y = " + nest(levels, "mv_first(", "x", ")"), "nest");
        }
    }

    @Test
    void hugeTextsAndTermCountsAreRefused() {
        refuses("row x = \"" + "a".repeat(QueryLimits.MAX_LENGTH) + "\"", "query too large: more than " + QueryLimits.MAX_LENGTH + " characters");
        refuses("row x = 1 " + "| eval y = x ".repeat(10_000), "query too large");
        answers("row x = 1 | where x in (" + chain(5_000, ",", i -> String.valueOf(i)).replace(" , ", ", ") + ")");
        refuses("row x = 1 | where x in (" + chain(QueryLimits.MAX_TERMS + 5, ",", i -> String.valueOf(i)).replace(" , ", ", ") + ")",
                "more than " + QueryLimits.MAX_TERMS + " terms");
        refuses("row x = [" + chain(QueryLimits.MAX_TERMS + 5, ",", i -> String.valueOf(i)).replace(" , ", ", ") + "]", "terms");
    }

    @Test
    void exponentiallyGrowingSqlIsRefusedBeforeItIsRendered() {
        // SQRT and GREATEST use their argument twice, so their SQL doubles with every level.
        for (String fn : List.of("sqrt(", "greatest(")) {
            String close = fn.equals("sqrt(") ? ")" : ", 1.0)";
            answers("row x = 2.0 | eval y = " + nest(8, fn, "x", close));
            for (int levels : List.of(22, 30, 60)) {
                refuses("row x = 2.0 | eval y = " + nest(levels, fn, "x", close), "query too large: the SQL of this query would exceed");
            }
        }
        refuses("row x = [1, 2, 3] | eval y = " + nest(40, "mv_slice(", "x", ", 0, 1)"), "query too large");
    }

    @Test
    void dissectAndGrokKeysAreBounded() {
        for (int keys : List.of(1, 20, 256)) {
            answers("row s = \"" + chain(keys, "", i -> "v" + i).replace("  ", " ") + "\" | dissect s \""
                    + chain(keys, "", i -> "%{k" + i + "}").replace("  ", " ") + "\"");
            answers("row s = \"a\" | grok s \"" + chain(keys, "", i -> "(?<k" + i + ">a?)").replace(" ", "") + "\"");
        }
        for (int keys : List.of(257, 1_000, 20_000)) {
            refuses("row s = \"a\" | dissect s \"" + chain(keys, "", i -> "%{k" + i + "}").replace("  ", " ") + "\"",
                    keys < 5_000 ? "query too large: DISSECT" : "query too large");
            refuses("row s = \"a\" | grok s \"" + chain(keys, "", i -> "(?<k" + i + ">a?)").replace(" ", "") + "\"", "query too large");
        }
    }

    @Test
    void invalidRegexesAreErrorsAtTheirCommand() {
        for (String re : List.of("(", "a)", "[a", "a{2,1}", "(?<x", "a**", "\\", "\"")) {
            String literal = re.replace("\\", "\\\\").replace("\"", "\\\"");
            Outcome rlike = run("row s = \"a\" | where s rlike \"" + literal + "\"");
            assertFalse(rlike.answered(), "RLIKE " + re);
            Outcome mvRlike = run("row s = [\"a\", \"b\"] | eval y = mv_rlike(s, \"" + literal + "\")");
            assertFalse(mvRlike.answered(), "MV_RLIKE " + re);
        }
        for (String pattern : List.of("(?<w>[a)", "%{WORD:w} (", "%{WORD:w} [", "(?<w>a{3,2})", "%{NOSUCH:w}")) {
            String q = "row s = \"a b\" | grok s \"" + pattern + "\"";
            Outcome o = run(q);
            assertFalse(o.answered(), pattern);
            String at = "1:" + (q.indexOf("grok") + 1);
            assertTrue(o.error().endsWith("at " + at) || o.error().startsWith(at + ": "), "GROK error not at its command: " + o.error());
        }
        answers("row s = \"ab\" | where s rlike \"a.\" and s rlike \"[ab]+\"");
    }

    @Test
    void emptyNamesInBackquotesAreRefusedWithAPosition() {
        for (String q : List.of("row `` = 1", "row x = 1 | eval `` = 2", "row x = 1 | eval y = ``", "row x = 1 | rename x as ``",
                "row x = 1 | stats `` = count(*)", "row x = 1 | stats c = count(*) by ``", "row x = [1] | mv_expand ``", "row `a`.`` = 1")) {
            refuses(q, "a name in backquotes cannot be empty");
        }
        // A KEEP or DROP pattern names no column to create, so an empty one is just unknown.
        refuses("row x = 1 | keep ``", "1:18: Unknown column []");
        refuses("row x = 1 | drop ``", "1:18: Unknown column []");
    }

    @Test
    void sliceIndicesNearTheIntegerLimitsAnswer() {
        List<String> indices = List.of("0", "1", "-1", "2147483647", "-2147483648", "2147483646", "-2147483647");
        for (String start : indices) {
            for (String end : indices) {
                answers("row x = [1, 2, 3] | eval y = mv_slice(x, " + start + ", " + end + ")");
            }
            answers("row x = [1, 2, 3], i = " + start + " | eval y = mv_slice(x, i)");
        }
    }

    @Test
    void aQueryWithoutColumnsIsAUserError() {
        refuses("row x = 1 | drop x", "1:13: query returns no columns");
        refuses("row x = 1, y = 2 | drop x, y | limit 5", "query returns no columns");
        refuses("row x = 1, y = 2 | drop x | drop y", "1:29: query returns no columns");
        answers("row x = 1, y = 2 | drop x, y | eval z = 1");
        answers("row x = 1 | drop x | eval y = 2 | stats c = count(y)");
    }

    @Test
    void theCommandLineAnswersExitFourNotSeventy() {
        Path db = dir.resolve("s.duckdb");
        Cli ingest = Cli.run("ingest", "--db", db.toString(), "samples/cloudtrail");
        assertEquals(0, ingest.code(), ingest.err());
        List<String> queries = new ArrayList<>(List.of("row x = 1 | drop x", "row `` = 1", "row x = \"a\" | grok x \"(?<w>[a)\"",
                "row x = 1 | eval y = " + chain(450, "+", i -> "1"), "row x = 1 | where " + chain(4_000, "and", i -> "x > 0") + " | drop x",
                "row x = 2.0 | eval y = " + nest(30, "sqrt(", "x", ")")));
        for (String q : queries) {
            cases++;
            Cli r = Cli.run("query", "--db", db.toString(), "--esql", q);
            assertEquals(4, r.code(), abbreviate(q) + "\n" + r.err());
            String first = r.err().lines().findFirst().orElse("");
            assertTrue(first.startsWith("query: ") && POSITIONED.matcher(first.substring("query: ".length())).matches(),
                    "not a one-line positioned error: " + first);
            assertFalse(r.err().toLowerCase(Locale.ROOT).contains("exception"), r.err());
        }
        cases++;
        Cli ok = Cli.run("query", "--db", db.toString(), "--esql", "row x = 1 | where " + chain(4_000, "or", i -> "x == " + i));
        assertEquals(0, ok.code(), ok.err());
    }
}
