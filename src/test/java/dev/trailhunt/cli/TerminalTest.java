package dev.trailhunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalTest {
    @Test
    void colourOnlyOnATerminalWithoutNoColor() {
        assertTrue(Terminal.colour(Map.of(), true));
        assertFalse(Terminal.colour(Map.of(), false));
        assertFalse(Terminal.colour(Map.of("NO_COLOR", "1"), true));
        assertTrue(Terminal.colour(Map.of("NO_COLOR", ""), true), "an empty NO_COLOR does not count (no-color.org)");
        assertFalse(Terminal.colour(Map.of("TERM", "dumb"), true));
    }

    @Test
    void widthFromOptionThenColumnsOnlyOnATerminal() {
        assertEquals(60, Terminal.width(60, Map.of("COLUMNS", "100"), true));
        assertEquals(0, Terminal.width(null, Map.of("COLUMNS", "100"), false), "pipes get whole values");
        assertEquals(100, Terminal.width(null, Map.of("COLUMNS", "100"), true));
        assertEquals(120, Terminal.width(null, Map.of("COLUMNS", "wide"), true));
    }

    @Test
    void dataThatDoesNotExistIsADataProblem() {
        Cli r = Cli.run("hunt", "--data", "no/such/dir", "secretsmanager_high_frequency_get_secret_value");
        assertEquals(3, r.code());
        assertEquals("trailhunt hunt: no such file or directory: no/such/dir\n", r.err());
    }

    @Test
    void markdownGoesToStdoutWhenNoFileIsGiven() throws Exception {
        Cli r = Cli.run("hunt", "--db", SamplesStore.get().toString(), "-f", "markdown", "secretsmanager_high_frequency_get_secret_value");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("# Programmatic GetSecretValue calls per identity (Secrets Manager)\n"));
    }
}
