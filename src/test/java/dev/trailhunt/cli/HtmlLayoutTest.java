package dev.trailhunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report's layout on the samples: hunts with hits stand out in the summary, wide tables
 * scroll in their box with identities whole on one line, and the long list of input files is folded.
 * (Checked by eye with headless Chromium at 1280 and 800 px; this test keeps the markup that does it.)
 */
class HtmlLayoutTest {
    @TempDir Path dir;

    @Test
    void summaryProvenanceAndWideTables() throws Exception {
        Path hunts = Files.createDirectories(dir.resolve("hunts"));
        Files.copy(Path.of("src/main/resources/hunts/secretsmanager_high_frequency_get_secret_value.toml"), hunts.resolve("a.toml"));
        Files.writeString(hunts.resolve("b.esql"), "from logs-aws.cloudtrail* | where event.action == \"NoSuchAction\" | keep event.action\n");
        Path out = dir.resolve("r.html");
        Cli r = Cli.run("report", "--db", SamplesStore.get().toString(), "-o", out.toString(), hunts.toString());
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(out);
        assertTrue(html.contains("<tr class=\"hit\"><td class=\"long\">Programmatic GetSecretValue calls per identity (Secrets Manager)</td><td>a</td><td>9 rows</td>"), html);
        assertTrue(html.contains("<tr><td>b</td><td>b</td><td>0 rows</td>"), "a hunt without hits is plain: " + html);
        // 39 sample files: folded under a summary that counts them.
        assertTrue(html.contains("<details class=\"grid\"><summary>Input files (39)</summary>\n<div class=\"scroll\"><table>"), html);
        // Every table sits in a box that scrolls sideways; an ARN is one unbroken cell.
        assertEquals(count(html, "<table>"), count(html, "<div class=\"scroll\"><table>"));
        assertTrue(html.contains(".scroll{overflow-x:auto"), html);
        assertTrue(html.contains("<td>arn:aws:sts::111122223333:assumed-role/payments-eks-irsa/aws-go-sdk-1732541123456789012</td>"), html);
        assertFalse(Pattern.compile("<td class=\"long\">arn:").matcher(html).find(), "identities do not wrap");
    }

    private static long count(String s, String part) {
        return Pattern.compile(Pattern.quote(part)).matcher(s).results().count();
    }
}
