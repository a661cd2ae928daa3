package dev.trailhunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion script works for {@code trailhunt} on the PATH and for the clone's launcher {@code ./trailhunt}. */
class CompletionCommandTest {
    @TempDir Path dir;

    @Test
    void registersTheInstalledNameAndTheLauncher() {
        Cli r = Cli.run("completion");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\ncomplete -F _complete_trailhunt -o default trailhunt ./trailhunt\n"), r.out());
    }

    @Test
    void bashCompletesSubcommandsForBothNames() throws Exception {
        Path bash = Path.of("/bin/bash");
        assumeTrue(Files.isExecutable(bash), "bash is not installed");
        Path script = Files.writeString(dir.resolve("completion.bash"), Cli.run("completion").out());
        // What bash does on TAB after "<word> hu": look the compspec up for the command word, call its function.
        String probe = "source " + script + "\n"
                + "for word in trailhunt ./trailhunt; do\n"
                + "  spec=$(complete -p \"$word\") || { echo \"no completion for $word\"; continue; }\n"
                + "  fn=$(sed -n 's/.* -F \\([^ ]*\\) .*/\\1/p' <<<\"$spec\")\n"
                + "  COMP_WORDS=(\"$word\" hu); COMP_CWORD=1; COMP_LINE=\"$word hu\"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()\n"
                + "  \"$fn\" \"$word\" hu \"$word\"\n"
                + "  echo \"$word: $(printf '%s\\n' \"${COMPREPLY[@]}\" | sort | paste -sd' ')\"\n"
                + "done\n";
        Process p = new ProcessBuilder(bash.toString(), "--norc", "--noprofile", "-c", probe)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals("trailhunt: hunt hunts\n./trailhunt: hunt hunts\n", out);
    }

    @Test
    void bashCompletesHuntNamesAndLowerCaseFormatsThroughTheLauncher() throws Exception {
        Path bash = Path.of("/bin/bash");
        assumeTrue(Files.isExecutable(bash), "bash is not installed");
        Path script = Files.writeString(dir.resolve("completion.bash"), Cli.run("completion").out());
        assertEquals("secretsmanager_get_secret_value_by_secret secretsmanager_high_frequency_get_secret_value secretsmanager_list_then_read_secrets",
                complete(bash, script, "./trailhunt", "hunt", "secretsmanager_"));
        assertEquals("csv", complete(bash, script, "./trailhunt", "query", "-f", "cs"));
        assertEquals("vertical", complete(bash, script, "trailhunt", "hunt", "--format", "ve"));
        assertEquals("html", complete(bash, script, "./trailhunt", "report", "-f", "h"));
        assertEquals("shell", complete(bash, script, "./trailhunt", "she"));
    }

    /** Returns what bash offers on TAB after the words, sorted and joined by spaces. */
    private static String complete(Path bash, Path script, String... words) throws Exception {
        String line = String.join(" ", words);
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append(" '").append(w).append('\'');
        }
        String probe = "source " + script + "\n"
                + "spec=$(complete -p '" + words[0] + "')\n"
                + "fn=$(sed -n 's/.* -F \\([^ ]*\\) .*/\\1/p' <<<\"$spec\")\n"
                + "COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1) + "; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; COMPREPLY=()\n"
                + "\"$fn\" '" + words[0] + "' '" + words[words.length - 1] + "' '" + words[words.length - 2] + "'\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\" | sort | paste -sd' '\n";
        // compopt complains outside a real completion; what it would set does not change the candidates.
        Process p = new ProcessBuilder(bash.toString(), "--norc", "--noprofile", "-c", probe).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        return out.strip();
    }
}
