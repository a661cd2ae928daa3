package dev.trailhunt.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trailhunt.engine.Store;
import dev.trailhunt.model.ValueType;
import dev.trailhunt.translate.SourceColumn;
import dev.trailhunt.translate.SourceTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecDatasetTest {
    private static final List<String> LINES = List.of(
            "// comment",
            "name:keyword   , n:integer,h:half_float,f:float,s:scaled_float,d:date,ip:ip,ok:boolean,txt:text",
            "b ,[3,1,3],2.05,2.05,2.059,1953-09-02T00:00:00Z,[fe80::1, 127.0.0.1, ::1],[true,false,false],\"x\\, y\"",
            "[a\\,z, c, a, c],[],,1,1,2023-10-23T13:55:01.543Z,10.0.0.1,true,[q]",
            "[solo],7,1,1,1,,[::ffff:1.2.3.4],[],");

    @Test
    void convertsEntriesAsElasticsearchIndexesThem() {
        SpecDataset d = SpecDataset.parse("t", LINES);
        assertEquals(List.of("name", "n", "h", "f", "s", "d", "ip", "ok", "txt"), d.columns().stream().map(SpecDataset.Column::name).toList());
        List<Object> r0 = d.rows().get(0);
        assertEquals("b", r0.get(0));
        assertEquals(List.of(1L, 3L, 3L), r0.get(1), "numbers are sorted, duplicates kept");
        assertEquals(2.05078125d, r0.get(2));
        assertEquals(2.049999952316284d, r0.get(3));
        assertEquals(2.05d, r0.get(4));
        assertEquals(Instant.parse("1953-09-02T00:00:00Z"), r0.get(5));
        assertEquals(List.of("::1", "127.0.0.1", "fe80::1"), r0.get(6), "ips sort by their bytes");
        assertEquals(List.of(false, false, true), r0.get(7));
        assertEquals("x, y", r0.get(8), "a quoted entry is one string with \\, unescaped");

        List<Object> r1 = d.rows().get(1);
        assertEquals(List.of("a", "a\\", "c", "z"), r1.get(0), "keywords sort by code point and de-duplicate; \\, only protects the split");
        assertNull(r1.get(1), "[] is null");
        assertNull(r1.get(2), "an empty entry is null");
        assertEquals("q", r1.get(8), "[q] is the plain value");

        List<Object> r2 = d.rows().get(2);
        assertEquals("solo", r2.get(0));
        assertEquals("1.2.3.4", r2.get(6));
        assertNull(r2.get(7));
        assertNull(r2.get(8));

        assertTrue(d.column("name").multiValued());
        assertTrue(d.column("n").multiValued());
        assertFalse(d.column("h").multiValued());
        assertFalse(d.column("txt").multiValued());
        assertEquals(ValueType.DOUBLE, d.column("h").esqlType());
        assertEquals(ValueType.TEXT, d.column("txt").esqlType());
    }

    @Test
    void rejectsRowsOfTheWrongWidthAndUnknownTypes() {
        assertThrows(SpecFormatException.class, () -> SpecDataset.parse("t", List.of("a:keyword,b:integer", "x")));
        assertThrows(SpecFormatException.class, () -> SpecDataset.parse("t", List.of("a:int", "1")));
        assertThrows(SpecFormatException.class, () -> SpecDataset.parse("t", List.of("a:integer", "x")));
    }

    @Test
    void loadsIntoDuckDbWithListsForMultiValuedColumns() throws Exception {
        SpecDatasets datasets = SpecDatasets.of(List.of(SpecDataset.parse("t", LINES)));
        try (Store store = Store.openInMemory()) {
            datasets.createTables(store);
            // DuckDB's own text shows the stored lists as they are; ES|QL's value model would unwrap one-element lists.
            List<Object> row = store.runSql("SELECT typeof(\"name\"), typeof(\"n\"), typeof(\"d\"), typeof(\"txt\"), "
                    + "CAST(\"name\" AS VARCHAR), CAST(\"n\" AS VARCHAR), CAST(\"d\" AS VARCHAR), \"h\" FROM \"t\" ORDER BY \"h\" DESC", 1)
                    .table().rows().get(0);
            assertEquals(List.of("VARCHAR[]", "INTEGER[]", "TIMESTAMP", "VARCHAR"), row.subList(0, 4));
            assertEquals("[b]", row.get(4), "single values of an MV column are one-element lists");
            assertEquals("[1, 3, 3]", row.get(5));
            assertEquals("1953-09-02 00:00:00", row.get(6));
            assertEquals(2.05078125d, row.get(7));
        }
        SourceTable table = new SpecSourceCatalog(datasets).resolve("t").orElseThrow();
        assertEquals("t", table.table());
        assertTrue(table.columns().contains(new SourceColumn("n", ValueType.INTEGER, true)));
        assertTrue(table.columns().contains(new SourceColumn("s", ValueType.DOUBLE, false)));
    }

    @Test
    void unknownAndWildcardIndicesDoNotResolveAndAreRemembered() {
        SpecSourceCatalog catalog = new SpecSourceCatalog(SpecDatasets.of(List.of(SpecDataset.parse("employees", List.of("a:keyword", "x")))));
        assertTrue(catalog.resolve("employees").isPresent());
        assertFalse(catalog.resolve("emp*").isPresent());
        assertFalse(catalog.resolve("airports").isPresent());
        assertEquals(java.util.Set.of("emp*", "airports"), catalog.misses());
        catalog.clearMisses();
        assertTrue(catalog.misses().isEmpty());
    }

    @Test
    void loadsTheSharedEmployeesAsTheSpecsExpect() throws Exception {
        Path data = SpecFolder.defaultFolder().resolve("data");
        assumeTrue(Files.isDirectory(data), "no corpus at " + data);
        SpecDatasets datasets = SpecDatasets.read(data);
        assertEquals(List.of("addresses", "apps", "employees", "hosts", "sample_data"), datasets.indices());
        try (Store store = Store.openInMemory()) {
            datasets.createTables(store);
            // Expected values from keep.csv-spec whereWithEvalGeneratedValue (emp_no 10007) and
            // mv_expand.csv-spec keepStarMvExpand (10001): ES's own rendering of the same rows.
            List<List<Object>> rows = store.runSql("SELECT \"height.float\", \"height.half_float\", \"height.scaled_float\", "
                    + "\"is_rehired\", \"salary_change.keyword\", \"job_positions\", \"first_name\" FROM \"employees\" "
                    + "WHERE \"emp_no\" IN (10007, 10001) ORDER BY \"emp_no\"", 10).table().rows();
            assertEquals(2, rows.size());
            List<Object> first = rows.get(0);
            assertEquals(2.0299999713897705d, first.get(0));
            assertEquals(2.029296875d, first.get(1));
            assertEquals(List.of("Accountant", "Senior Python Developer"), first.get(5));
            assertEquals("Georgi", first.get(6), "entries are trimmed");
            List<Object> second = rows.get(1);
            assertEquals(1.7000000476837158d, second.get(0));
            assertEquals(1.7001953125d, second.get(1));
            assertEquals(1.7d, second.get(2));
            assertEquals(List.of(false, false, true, true), second.get(3));
            assertEquals(List.of("-7.06", "0.57", "1.99"), second.get(4));
            assertNull(second.get(5));
            assertEquals(100L, store.runSql("SELECT count(*) FROM \"employees\"", 1).table().rows().get(0).get(0));
        }
    }
}
