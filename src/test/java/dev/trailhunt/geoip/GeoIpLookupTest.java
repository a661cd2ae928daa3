package dev.trailhunt.geoip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.model.EcsSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads MaxMind's public test databases (the ones Elasticsearch's geoip tests use) as Elastic's processor does. */
class GeoIpLookupTest {
    @TempDir Path dir;

    static Path corpus() {
        Path p = Path.of(System.getProperty("trailhunt.shared", "../shared")).resolve("corpus/geoip");
        Assumptions.assumeTrue(Files.isDirectory(p), "reference corpus absent: " + p);
        return p;
    }

    @Test
    void writesTheFieldsOfElasticsDocumentedExample() {
        // Elastic's geoip processor docs: 89.160.20.128 → Linköping, Östergötland County, Sweden; AS 29518 Bredband2 AB.
        try (GeoIpLookup geo = GeoIpLookup.open(corpus(), "test")) {
            assertEquals(List.of("Europe", "SE", "Sweden", "SE-E", "Östergötland County", "Linköping",
                    "POINT (15.6167 58.4167)", 29518L, "Bredband2 AB"), Arrays.asList(geo.values("89.160.20.128")));
        }
    }

    @Test
    void fillsAnEcsRowFromItsSourceIpAndLeavesOtherRowsAlone() {
        try (GeoIpLookup geo = GeoIpLookup.open(corpus(), "test")) {
            Object[] row = new Object[EcsSchema.columns().size()];
            row[EcsSchema.indexOf("source.ip")] = "216.160.83.56";
            geo.fill(row);
            // Elastic's expected document test-get-caller-identity-json.log: Milton, Washington; AS 209 without a name.
            assertEquals("Milton", row[EcsSchema.indexOf("source.geo.city_name")]);
            assertEquals("US-WA", row[EcsSchema.indexOf("source.geo.region_iso_code")]);
            assertEquals("POINT (-122.3149 47.2513)", row[EcsSchema.indexOf("source.geo.location")]);
            assertEquals(209L, row[EcsSchema.indexOf("source.as.number")]);
            assertNull(row[EcsSchema.indexOf("source.as.organization.name")]);
            Object[] none = new Object[EcsSchema.columns().size()];
            geo.fill(none);
            assertTrue(Arrays.stream(none).allMatch(v -> v == null));
        }
    }

    @Test
    void looksUpIpv6AndLeavesUnknownAndPrivateAddressesNull() {
        try (GeoIpLookup geo = GeoIpLookup.open(corpus(), "test")) {
            // MaxMind's test data: 2001:218::/32 is Japan with no city or subdivision; 62/10 print as doubles in WKT.
            Object[] jp = geo.values("2001:218::1");
            assertEquals(Arrays.asList("Asia", "JP", "Japan", null, null, null, "POINT (139.75309 35.68536)", null, null),
                    Arrays.asList(jp));
            assertEquals("POINT (10.0 62.0)", geo.values("2a02:cf40::1")[6]);
            assertArrayEquals(new Object[GeoIpLookup.COLUMNS.size()], geo.values("10.0.0.1"));
            assertArrayEquals(new Object[GeoIpLookup.COLUMNS.size()], geo.values("not-an-address.example.com"));
            assertEquals(4, geo.distinctAddresses());
        }
    }

    @Test
    void prefersElasticsFileNamesAndRecordsNameBuildDateAndSha256() throws Exception {
        Files.copy(corpus().resolve("GeoIP2-City-Test.mmdb"), dir.resolve("GeoIP2-City-Test.mmdb"));
        Files.copy(corpus().resolve("GeoLite2-City-Test.mmdb"), dir.resolve("GeoLite2-City.mmdb"));
        Files.copy(corpus().resolve("GeoLite2-ASN-Test.mmdb"), dir.resolve("GeoLite2-ASN.mmdb"));
        Files.writeString(dir.resolve("notes.txt"), "not a database");
        try (GeoIpLookup geo = GeoIpLookup.open(dir, "--geoip")) {
            List<String> names = geo.databases().stream().map(GeoDatabase::name).toList();
            assertEquals(List.of("GeoLite2-ASN.mmdb", "GeoLite2-City.mmdb"), names);
            GeoDatabase city = geo.databases().get(1);
            assertEquals("city", city.kind());
            assertEquals("GeoLite2-City", city.type());
            assertTrue(city.buildDate().matches("\\d{4}-\\d{2}-\\d{2}T.*Z"), city.buildDate());
            assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(dir.resolve("GeoLite2-City.mmdb")))), city.sha256());
        }
    }

    @Test
    void badFoldersAndFilesAreOneLineErrors() throws Exception {
        GeoIpException missing = assertThrows(GeoIpException.class, () -> GeoIpLookup.open(dir.resolve("none"), "--geoip"));
        assertTrue(missing.getMessage().startsWith("--geoip: "), missing.getMessage());
        GeoIpException empty = assertThrows(GeoIpException.class, () -> GeoIpLookup.open(dir, "--geoip"));
        assertTrue(empty.getMessage().contains("holds no City or ASN .mmdb database"), empty.getMessage());
        Files.writeString(dir.resolve("broken.mmdb"), "garbage");
        GeoIpException broken = assertThrows(GeoIpException.class, () -> GeoIpLookup.open(dir, "--geoip"));
        assertTrue(broken.getMessage().contains("broken.mmdb is not a readable MaxMind database"), broken.getMessage());
        assertTrue(broken.getMessage().lines().count() == 1, broken.getMessage());
    }

    @Test
    void aDamagedDatabaseLeavesTheFieldsNullAndSaysSoInsteadOfLosingEvents() throws Exception {
        byte[] b = Files.readAllBytes(corpus().resolve("GeoLite2-City-Test.mmdb"));
        // Keep the metadata at the end readable, wreck the search tree and data before it.
        Arrays.fill(b, 0, (int) (b.length * 0.8), (byte) 0xff);
        Files.write(dir.resolve("GeoLite2-City.mmdb"), b);
        try (GeoIpLookup geo = GeoIpLookup.open(dir, "--geoip")) {
            assertArrayEquals(new Object[GeoIpLookup.COLUMNS.size()], geo.values("81.2.69.144"));
            assertEquals(1, geo.failures());
            assertTrue(geo.failureLine().startsWith("geoip: 1 address lookup failed; their source.geo.* and source.as.*"
                    + " are null (first: GeoIP lookup of 81.2.69.144 failed: "), geo.failureLine());
            geo.values("81.2.69.144");
            assertEquals(1, geo.failures(), "a failed address is not looked up again");
        }
    }

    @Test
    void findsTheFolderFromTheOptionThenTheVariableThenGeoipupdatesFolders() throws Exception {
        Assumptions.assumeTrue(GeoIpFolders.defaults(null).stream().noneMatch(Files::isDirectory),
                "this machine has a system GeoIP folder");
        Path home = dir.resolve("home");
        Path user = Files.createDirectories(home.resolve(".local/share/GeoIP"));
        Files.copy(corpus().resolve("GeoLite2-ASN-Test.mmdb"), user.resolve("GeoLite2-ASN.mmdb"));
        try (GeoIpLookup g = GeoIpFolders.open(null, Map.of("HOME", home.toString()))) {
            assertEquals(user.resolve("GeoLite2-ASN.mmdb"), g.databases().get(0).path());
        }
        try (GeoIpLookup g = GeoIpFolders.open(null, Map.of("HOME", home.toString(), GeoIpFolders.ENV, corpus().toString()))) {
            assertEquals(2, g.databases().size());
        }
        try (GeoIpLookup g = GeoIpFolders.open(corpus(), Map.of(GeoIpFolders.ENV, user.toString()))) {
            assertEquals(2, g.databases().size());
        }
        assertNull(GeoIpFolders.open(null, Map.of("HOME", dir.resolve("nobody").toString())));
    }
}
