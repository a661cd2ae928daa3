package dev.trailhunt.ingest.ecs;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves that the production parser (uap-java's rules plus {@link UapCoreOverrides}) names every agent in
 * the reference corpus exactly as Elasticsearch's own rules (uap-core e9fd8c6, loaded from ../shared) do.
 */
class UserAgentParserTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Test
    void matchesElasticsearchRulesOnEveryCorpusAgent() throws IOException {
        UserAgentParser reference = new UserAgentParser(UaRuleSet.read(
                Files.newInputStream(SharedCorpus.require("corpus/user-agents/uap-core-e9fd8c6-regexes.yaml"))));
        TreeSet<String> agents = corpusAgents(SharedCorpus.require("corpus"));
        List<String> differences = new ArrayList<>();
        for (String agent : agents) {
            UserAgent expected = reference.parse(agent);
            UserAgent actual = UserAgentParser.elastic().parse(agent);
            if (!expected.equals(actual)) {
                differences.add(agent + "\n  es:   " + expected + "\n  ours: " + actual);
            }
        }
        System.out.println("user agents: " + (agents.size() - differences.size()) + "/" + agents.size()
                + " corpus agents parsed as Elasticsearch does");
        assertTrue(agents.size() > 300, "corpus agents found: " + agents.size());
        assertEquals(List.of(), differences);
    }

    @Test
    void overridesAreNeededForCorpusAgents() throws IOException {
        SharedCorpus.require("corpus/user-agents");
        UserAgentParser bundled;
        try (InputStream in = UserAgentParser.class.getResourceAsStream("/ua_parser/regexes.yaml")) {
            bundled = new UserAgentParser(UaRuleSet.read(in));
        }
        // Without the override list, uap-core 0.18.0 names these differently from Elasticsearch.
        assertEquals("11.0.8", bundled.parse("Java/11.0.8").version());
        assertEquals("0.8", UserAgentParser.elastic().parse("Java/11.0.8").version());
        assertEquals("Jersey", bundled.parse("Jersey/2.35").name());
        assertEquals("Other", UserAgentParser.elastic().parse("Jersey/2.35").name());
    }

    @Test
    void matchesElasticsearchOutputForAwsSamples() throws IOException {
        Path dir = SharedCorpus.require("corpus/user-agents");
        List<String> agents = Files.readAllLines(dir.resolve("sample-aws-user-agents.txt"), StandardCharsets.UTF_8);
        List<String> parsed = Files.readAllLines(dir.resolve("sample-aws-user-agents.es-parse.txt"), StandardCharsets.UTF_8);
        assertEquals(agents.size(), parsed.size());
        int checked = 0;
        for (int i = 0; i < agents.size(); i++) {
            if (agents.get(i).isBlank()) {
                continue;
            }
            String expected = parsed.get(i).substring(parsed.get(i).indexOf("  =>  ") + 6);
            assertEquals(expected, esParseText(UserAgentParser.elastic().parse(agents.get(i))), agents.get(i));
            checked++;
        }
        assertTrue(checked >= 30, "samples checked: " + checked);
    }

    @Test
    void followsElasticsearchOutputRules() {
        UserAgentParser p = UserAgentParser.elastic();
        UserAgent firefox = p.parse("Mozilla/5.0 (Windows NT 6.1; WOW64; rv:24.0) Gecko/20100101 Firefox/24.0");
        // Since ES 8.16.2 the version stops at the first empty component: 24.0, not 24.0.
        assertEquals("24.0", firefox.version());
        assertEquals("Windows 7", firefox.osFull());
        UserAgent chrome = p.parse("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36");
        assertEquals("140.0.0.0", chrome.version());
        assertEquals("Mac", chrome.deviceName());
        assertEquals("Mac OS X 10.15.7", chrome.osFull());
        UserAgent console = p.parse("console.amazonaws.com");
        assertEquals(new UserAgent("console.amazonaws.com", "Other", null, null, null, null, "Other"), console);
        UserAgent boto = p.parse("Boto3/1.35.50 md/Botocore#1.35.50 ua/2.0 os/linux#6.8.0-1016-aws md/arch#x86_64 "
                + "lang/python#3.12.3 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.50");
        assertEquals("Boto3", boto.name());
        assertEquals("Spider", boto.deviceName());
        assertEquals("Linux", boto.osName());
        assertNull(boto.osVersion());
        assertNull(boto.osFull());
        assertEquals("Other", p.parse("aws-sdk-go-v2/1.18.0 os/linux lang/go#1.20.3").name());
        assertNull(p.parse("aws-cli/2.17.60 md/awscrt#0.21.2 ua/2.0 os/macos#23.6.0").osName());
    }

    @Test
    void cachesRepeatedAgents() {
        UserAgentParser p = UserAgentParser.elastic();
        String agent = "aws-cli/2.13.0 Python/3.11.4 Linux/5.15.0-1040-aws exe/x86_64.ubuntu.22";
        assertSame(p.parse(agent), p.parse(agent));
        assertNotEquals(p.parse(agent), p.parse(agent + " extra"));
    }

    @Test
    void namesAHugeAgentFromItsHeadAndKeepsItWhole() {
        UserAgentParser p = UserAgentParser.elastic();
        String browser = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
        String[] tails = {"a", "Mozilla/5.0 ", "1", " ", "(", "/", "0.", "\uD83D\uDE00"};
        long started = System.nanoTime();
        for (String tail : tails) {
            // 8 MiB per agent: uap's rules took about 10 µs per character, some 80 s each, before the bound.
            String agent = browser + " " + tail.repeat((8 << 20) / tail.length());
            UserAgent ua = p.parse(agent);
            assertSame(agent, ua.original());
            UserAgent head = p.parse(agent.substring(0, UserAgentParser.MAX_PARSED_CHARS));
            assertEquals(head.withOriginal(agent), ua);
            assertEquals("Chrome", ua.name());
            assertEquals("Windows", ua.osName());
        }
        assertTrue(System.nanoTime() - started < 20_000_000_000L, "parsing huge agents takes seconds, not minutes");
        // A cut never splits a surrogate pair.
        String emoji = "x".repeat(UserAgentParser.MAX_PARSED_CHARS - 1) + "\uD83D\uDE00";
        assertEquals(UserAgentParser.MAX_PARSED_CHARS - 1, UserAgentParser.head(emoji).length());
        assertSame(browser, UserAgentParser.head(browser));
    }

    /** Renders fields as the es-parse file does: Java TreeMap text of the user_agent object without original. */
    private static String esParseText(UserAgent ua) {
        Map<String, Object> m = new TreeMap<>();
        m.put("name", ua.name());
        m.put("device", Map.of("name", ua.deviceName()));
        if (ua.version() != null) {
            m.put("version", ua.version());
        }
        if (ua.osName() != null) {
            Map<String, String> os = new TreeMap<>();
            os.put("name", ua.osName());
            if (ua.osVersion() != null) {
                os.put("version", ua.osVersion());
            }
            if (ua.osFull() != null) {
                os.put("full", ua.osFull());
            }
            m.put("os", os);
        }
        return m.toString();
    }

    /** Collects every userAgent string in the corpus: JSON and NDJSON logs, zips, CSV exports, samples. */
    static TreeSet<String> corpusAgents(Path corpus) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(corpus)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            String rel = corpus.relativize(f).toString();
            if (rel.startsWith("esql-spec") || rel.startsWith("elastic-hunting")) {
                continue;
            }
            String name = f.getFileName().toString();
            if (name.endsWith(".zip")) {
                try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(f))) {
                    for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                        text(new String(zip.readAllBytes(), StandardCharsets.UTF_8), e.getName(), out);
                    }
                }
            } else if (name.endsWith(".json") || name.endsWith(".ndjson") || name.endsWith(".log")) {
                text(Files.readString(f, StandardCharsets.UTF_8), name, out);
            } else if (name.equals("sample-aws-user-agents.txt")) {
                Files.readAllLines(f, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).forEach(out::add);
            }
        }
        return out;
    }

    private static void text(String content, String name, TreeSet<String> out) {
        if (name.endsWith(".csv")) {
            csvAgents(content, out);
            return;
        }
        try {
            collect(JSON.readTree(content), out);
            return;
        } catch (IOException notOneDocument) {
            // NDJSON, or a deliberately malformed file: read what parses line by line.
        }
        for (String line : content.split("\n")) {
            try {
                JsonNode n = JSON.readTree(line);
                if (n != null) {
                    collect(n, out);
                }
            } catch (IOException malformed) {
                // The corpus holds a malformed CloudTrail file on purpose.
            }
        }
    }

    private static void collect(JsonNode n, TreeSet<String> out) {
        if (n.isObject()) {
            n.properties().forEach(e -> {
                if (e.getKey().equals("userAgent") && e.getValue().isTextual()) {
                    out.add(e.getValue().textValue());
                } else {
                    collect(e.getValue(), out);
                }
            });
        } else if (n.isArray()) {
            n.forEach(e -> collect(e, out));
        }
    }

    /** Reads the "Request User Agent" column of a console CSV export (quoted fields, "" escapes). */
    private static void csvAgents(String content, TreeSet<String> out) {
        List<List<String>> rows = csv(content);
        if (rows.isEmpty()) {
            return;
        }
        int column = rows.get(0).indexOf("Request User Agent");
        if (column < 0) {
            return;
        }
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() > column) {
                out.add(row.get(column));
            }
        }
    }

    private static List<List<String>> csv(String content) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < content.length() && content.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
