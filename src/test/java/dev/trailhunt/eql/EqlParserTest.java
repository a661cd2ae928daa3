package dev.trailhunt.eql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.eql.ast.Call;
import dev.trailhunt.eql.ast.Comparison;
import dev.trailhunt.eql.ast.Constant;
import dev.trailhunt.eql.ast.EqlQuery;
import dev.trailhunt.eql.ast.FieldName;
import dev.trailhunt.eql.ast.InsensitiveEquals;
import dev.trailhunt.eql.ast.Logical;
import dev.trailhunt.eql.ast.Lookup;
import dev.trailhunt.eql.ast.Negation;
import dev.trailhunt.eql.ast.PatternMatch;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parses EQL as Elasticsearch's syntax reference defines it, and reports errors at line:column with a caret. */
class EqlParserTest {

    private static EqlQuery.Single single(String text) {
        return (EqlQuery.Single) Eql.parse(text);
    }

    private static EqlException error(String text) {
        return assertThrows(EqlException.class, () -> Eql.parse(text));
    }

    @Test
    void parsesTheCorpusSequence() {
        EqlQuery.Sequence s = (EqlQuery.Sequence) Eql.parse("""
                sequence by aws.cloudtrail.user_identity.access_key_id with maxspan=15m
                  [any where event.action == "ListFoundationModels" and aws.cloudtrail.user_identity.access_key_id like "AKIA*"]
                  [any where event.action : ("InvokeModel", "Converse")]
                """);
        assertEquals(List.of("aws.cloudtrail.user_identity.access_key_id"), s.byNames());
        assertEquals(Duration.ofMinutes(15), s.maxspan());
        assertEquals(2, s.steps().size());
        assertNull(s.steps().get(0).category());
        assertNull(s.until());
        assertEquals("3:3", s.steps().get(1).position().toString());
        InsensitiveEquals ie = (InsensitiveEquals) s.steps().get(1).condition();
        assertEquals(List.of("InvokeModel", "Converse"), ie.candidates().stream().map(Constant::value).toList());
    }

    @Test
    void parsesStepKeysUntilAndEveryMaxspanUnit() {
        EqlQuery.Sequence s = (EqlQuery.Sequence) Eql.parse(
                "sequence with maxspan=500ms [process where true] by user.name [file where true] by user.id until [iam where true] by user.email");
        assertEquals(Duration.ofMillis(500), s.maxspan());
        assertTrue(s.byNames().isEmpty());
        assertEquals("user.id", s.keysOf(s.steps().get(1)).get(0).name());
        assertEquals("iam", s.until().category());
        assertEquals(Duration.ofDays(2), ((EqlQuery.Sequence) Eql.parse("sequence with maxspan=2d [a where true] [b where true]")).maxspan());
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        Logical or = (Logical) single("any where not a == 1 and b == 2 or c == 3").condition();
        assertFalse(or.and());
        Logical and = (Logical) or.left();
        assertTrue(and.and());
        assertTrue(and.left() instanceof Negation);
        assertTrue(((Negation) and.left()).operand() instanceof Comparison);
    }

    @Test
    void readsOperatorsFunctionsAndOptionalFields() {
        Logical l = (Logical) single("any where f not in~ (\"a\", \"b\") and startsWith~(?g, \"x\") and h regex~ (\"a.*\", \"b\")")
                .condition();
        Negation notIn = (Negation) ((Logical) l.left()).left();
        assertTrue(((Lookup) notIn.operand()).caseInsensitive());
        Call call = (Call) ((Logical) l.left()).right();
        assertEquals("startsWith", call.name());
        assertTrue(call.caseInsensitive());
        assertTrue(((FieldName) call.args().get(0)).optional());
        PatternMatch regex = (PatternMatch) l.right();
        assertTrue(regex.regex() && regex.caseInsensitive());
        assertEquals(List.of("a.*", "b"), regex.patterns());
    }

    @Test
    void decodesStringEscapesRawStringsAndSkipsComments() {
        Comparison c = (Comparison) single("any where /* note */ f == \"a\\\\*\\\"\\t\\u{41}\" // end").condition();
        assertEquals("a\\*\"\tA", ((Constant) c.right()).value());
        Comparison raw = (Comparison) single("any where f == \"\"\"C:\\temp\\\"\"\"").condition();
        assertEquals("C:\\temp\\", ((Constant) raw.right()).value());
        Comparison quoted = (Comparison) single("any where f == \"\"\"say \"hi\"\"\"\"\"").condition();
        assertEquals("say \"hi\"\"", ((Constant) quoted.right()).value());
        assertEquals("my-category", single("\"my-category\" where true").category());
        assertEquals("1:1: quote an event category that holds a dot: \"my.category\"", error("my.category where true").getMessage());
        assertEquals("\b\f", ((Constant) ((Comparison) single("any where f == \"\\b\\f\"").condition()).right()).value());
        assertEquals("1:16: unterminated string", error("any where f == \"\"\"a\nb\"\"\"").getMessage());
        assertEquals("my field", ((FieldName) ((Comparison) single("any where `my field` == 1").condition()).left()).name());
    }

    @Test
    void reportsErrorsAtLineAndColumnWithACaret() {
        EqlException e = error("any where\n  f == 'x'");
        assertEquals("2:8: Use double quotes [\"] to define string literals, not single quotes [']", e.getMessage());
        assertEquals("  f == 'x'\n       ^", e.caret());
        assertEquals("1:11: unterminated string", error("any where \"abc").getMessage());
        assertEquals(-9223372036854775808L, ((Constant) ((Comparison) single("any where f == -9223372036854775808").condition()).right()).value());
        assertEquals("1:17: number [-9223372036854775809] is too large", error("any where f == -9223372036854775809").getMessage());
        assertEquals(-2500.0, ((Constant) ((Comparison) single("any where f == -2.5e3").condition()).right()).value());
        assertEquals("1:13: illegal escape sequence [\\q]", error("any where \"a\\q\"").getMessage());
        assertEquals("1:5: expected [where] but found [f]", error("any f == 1").getMessage());
        assertEquals("1:26: expected a time unit (ms, s, m, h, d) right after the number",
                error("sequence with maxspan=15 [a where true] [b where true]").getMessage());
        assertEquals("1:30: every step needs the same number of join keys: the first has 1, this one 0",
                error("sequence [a where true] by k [b where true]").getMessage());
        assertEquals("1:40: a sequence needs at least two steps in brackets, found 1",
                error("sequence with maxspan=1h [a where true]").getMessage());
    }

    @Test
    void reportsWhatTrailhuntDoesNotSupport() {
        assertEquals("1:18: unsupported: pipes", error("any where f == 1 | head 5").getMessage());
        assertEquals("1:1: unsupported: join", error("join [a where true] [b where true]").getMessage());
        assertEquals("1:1: unsupported: sample", error("sample by host [a where true] [b where true]").getMessage());
        assertEquals("1:25: unsupported: missing-event steps ![…]",
                error("sequence [a where true] ![b where true] [c where true]").getMessage());
        assertEquals("1:13: unsupported: arithmetic [+]", error("any where f + 1 == 2").getMessage());
        assertTrue(error("any where f + 1 == 2").isUnsupported());
        assertEquals("1:21: unsupported: [of] (descendant, child or event of)",
                error("process where child of [process where true]").getMessage());
        assertEquals("1:23: unsupported: array index [0]", error("any where process.args[0] == \"x\"").getMessage());
    }
}
