package dev.trailhunt.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HuntLibraryTest {
    @TempDir Path dir;

    static Path shared() {
        String p = System.getProperty("trailhunt.shared", "../shared");
        return Path.of(p);
    }

    @Test
    void indexListsEveryBuiltInResource() throws IOException {
        Path resources = Path.of("src/main/resources/hunts");
        assumeTrue(Files.isDirectory(resources), "run from the project root");
        List<String> onDisk;
        try (Stream<Path> s = Files.list(resources)) {
            onDisk = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".toml")).sorted().toList();
        }
        List<String> ids = HuntLibrary.load().builtIns().stream().map(h -> h.id() + ".toml").sorted().toList();
        assertEquals(onDisk, ids);
    }

    @Test
    void builtInSeedResolvesByNameAndUuid() {
        HuntLibrary lib = HuntLibrary.load();
        HuntDefinition seed = lib.resolve("secretsmanager_high_frequency_get_secret_value").get(0);
        assertEquals(HuntOrigin.BUILT_IN, seed.origin());
        assertEquals(List.of("T1555.006"), seed.mitre());
        assertEquals(QueryLanguage.ESQL, seed.queries().get(0).language());
        assertEquals(64, seed.sha256().length());
        assertEquals(seed, lib.resolve(seed.uuid().toUpperCase(java.util.Locale.ROOT)).get(0));
        assertTrue(seed.matchesTechnique("T1555"));
        assertTrue(seed.matchesTechnique("t1555.006"));
        assertTrue(!seed.matchesTechnique("T155"));
    }

    @Test
    void builtInSeedAnswersToTheUuidOfElasticsHunt() throws IOException {
        // The uuid of hunting/aws/secretsmanager_high_frequency_get_secret_value.toml in Elastic's repository.
        Path elastic = Path.of(System.getProperty("trailhunt.shared", "../shared"),
                "corpus/elastic-hunting/aws/secretsmanager_high_frequency_get_secret_value.toml");
        assumeTrue(Files.exists(elastic), "reference corpus absent");
        String uuid = Files.readAllLines(elastic, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("uuid = "))
                .findFirst().orElseThrow().replaceAll("uuid = \"(.*)\"", "$1");
        assertEquals("ef244ca0-5e32-11ef-a8d3-f661ea17fbce", uuid);
        HuntLibrary lib = HuntLibrary.load();
        assertEquals("secretsmanager_high_frequency_get_secret_value", lib.resolve(uuid).get(0).id());
        assertEquals("secretsmanager_high_frequency_get_secret_value", lib.resolve(uuid.toUpperCase(java.util.Locale.ROOT)).get(0).id());
    }

    @Test
    void searchFindsByTextAndTechnique() {
        HuntLibrary lib = HuntLibrary.load();
        assertEquals(3, lib.search("SECRETS MANAGER").size());
        assertEquals(3, lib.search("t1555.006").size());
        assertEquals(0, lib.search("kerberoast").size());
    }

    @Test
    void unknownHuntIsAUsageErrorNamingIt() {
        HuntNotFoundException e = assertThrows(HuntNotFoundException.class, () -> HuntLibrary.load().resolve("no_such_hunt"));
        assertTrue(e.getMessage().startsWith("unknown hunt 'no_such_hunt'"), e.getMessage());
        assertThrows(HuntNotFoundException.class, () -> HuntLibrary.load().resolve("missing/file.toml"));
    }

    @Test
    void filesOfEachKindAreRead() throws IOException {
        Files.writeString(dir.resolve("q.esql"), "from logs-* | limit 1\n");
        Files.writeString(dir.resolve("q.sql"), "SELECT 1 AS one");
        Files.writeString(dir.resolve("bad.toml"), "[hunt\nname = 1");
        Files.writeString(dir.resolve("nohunt.toml"), "[other]\nname = \"x\"\n");
        HuntLibrary lib = HuntLibrary.load();
        HuntDefinition esql = lib.resolve(dir.resolve("q.esql").toString()).get(0);
        assertEquals("q", esql.id());
        assertEquals(HuntOrigin.ESQL_FILE, esql.origin());
        assertEquals(QueryLanguage.DUCKDB_SQL, lib.resolve(dir.resolve("q.sql").toString()).get(0).queries().get(0).language());
        HuntException bad = assertThrows(HuntException.class, () -> lib.resolve(dir.resolve("bad.toml").toString()));
        assertTrue(bad.getMessage().contains("bad.toml: not valid TOML"), bad.getMessage());
        HuntException none = assertThrows(HuntException.class, () -> lib.resolve(dir.resolve("nohunt.toml").toString()));
        assertTrue(none.getMessage().endsWith("no [hunt] table (expected Elastic's hunting schema)"), none.getMessage());
    }

    @Test
    void sha256IsOfTheFileBytes() throws Exception {
        byte[] bytes = "from logs-* | limit 1\n".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("q.esql"), bytes);
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        assertEquals(expected, HuntLibrary.load().resolve(dir.resolve("q.esql").toString()).get(0).sha256());
    }

    @Test
    void elasticLibraryReadsWithEveryQueryClassified() {
        Path lib = shared().resolve("corpus/elastic-hunting");
        assumeTrue(Files.isDirectory(lib), "../shared absent");
        List<HuntDefinition> hunts = HuntLibrary.load().resolve(lib.toString());
        Map<QueryLanguage, Integer> counts = new TreeMap<>();
        for (HuntDefinition h : hunts) {
            for (HuntQuery q : h.queries()) {
                counts.merge(q.language(), 1, Integer::sum);
            }
        }
        System.out.println("elastic hunting library: " + hunts.size() + " hunts, queries by language " + counts);
        assertTrue(hunts.size() >= 100, "hunts: " + hunts.size());
        assertEquals(null, counts.get(QueryLanguage.UNKNOWN), "every query is classified: " + counts);
        assertTrue(counts.get(QueryLanguage.OSQUERY_SQL) > 0);
        HuntDefinition seed = hunts.stream().filter(h -> h.id().equals("secretsmanager_high_frequency_get_secret_value")).findFirst().orElseThrow();
        assertEquals("ef244ca0-5e32-11ef-a8d3-f661ea17fbce", seed.uuid());
        assertEquals(HuntOrigin.TOML_FILE, seed.origin());
    }
}
