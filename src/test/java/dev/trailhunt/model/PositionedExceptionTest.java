package dev.trailhunt.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.eql.Eql;
import dev.trailhunt.esql.parser.EsqlParser;
import dev.trailhunt.kql.Kql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The three front-ends' errors are one kind: a position, a detail, and whether the text is merely unsupported. */
class PositionedExceptionTest {
    private static PositionedException thrown(Executable parse) {
        RuntimeException e = assertThrows(RuntimeException.class, parse);
        assertTrue(e instanceof PositionedException, e.getClass().getName());
        PositionedException p = (PositionedException) e;
        assertEquals(p.line() + ":" + p.column() + ": " + p.detail(), p.getMessage());
        assertTrue(p.formatted().startsWith(p.getMessage() + "\n"), "the source line and a caret follow: " + p.formatted());
        return p;
    }

    @Test
    void esqlKqlAndEqlErrorsSharePositionDetailAndUnsupported() {
        // A second-line mistake in each language: the position counts lines and columns from 1.
        PositionedException esql = thrown(() -> EsqlParser.parse("from logs-*\n| where = 1"));
        assertEquals(2, esql.line());
        assertFalse(esql.isUnsupported(), esql.getMessage());
        PositionedException kql = thrown(() -> Kql.lower("event.action:StopLogging and\n  event.outcome:(success or )"));
        assertEquals(2, kql.line());
        assertFalse(kql.isUnsupported(), kql.getMessage());
        PositionedException eql = thrown(() -> Eql.parse("any where true\n| head 5"));
        assertEquals(2, eql.line());
        assertTrue(eql.isUnsupported(), "EQL pipes are valid EQL that trailhunt does not run: " + eql.getMessage());
        assertTrue(eql.detail().startsWith("unsupported: "), eql.detail());
    }
}
