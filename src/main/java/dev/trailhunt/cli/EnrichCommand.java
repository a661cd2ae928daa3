package dev.trailhunt.cli;

import dev.trailhunt.engine.Store;
import dev.trailhunt.engine.StoreException;
import dev.trailhunt.geoip.GeoDatabase;
import dev.trailhunt.geoip.GeoIpException;
import dev.trailhunt.geoip.GeoIpFolders;
import dev.trailhunt.geoip.GeoIpLookup;
import dev.trailhunt.report.Visible;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Fills or refreshes the GeoIP/ASN fields of an existing store without ingesting again. */
@Command(name = "enrich",
        description = {
            "Fill or refresh source.geo.* and source.as.* of every event in a store from MaxMind-format databases"
                + " (GeoLite2/GeoIP2 City and ASN, or DB-IP lite), as Elastic's geoip processor does.",
            "",
            "Each distinct source.ip is looked up once. The store records which databases enriched it (name,"
                + " build date, sha256); reports show them in their provenance."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  trailhunt enrich --db case.duckdb --geoip /usr/share/GeoIP",
            "  TRAILHUNT_GEOIP=~/GeoIP trailhunt enrich --db case.duckdb"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:the store was enriched",
            "1:the store or a database could not be read or written",
            "2:usage error (no store, no databases found)"},
        mixinStandardHelpOptions = true)
public final class EnrichCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--db", paramLabel = "FILE", defaultValue = "trailhunt.duckdb",
            description = "Store file to enrich (default: ${DEFAULT-VALUE}).")
    Path db;

    @Option(names = "--geoip", paramLabel = "DIR", description = "Folder of .mmdb databases (default: $TRAILHUNT_GEOIP,"
            + " else the folders geoipupdate writes to: /usr/share/GeoIP, /var/lib/GeoIP, /usr/local/share/GeoIP, ~/.local/share/GeoIP).")
    Path geoip;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(db)) {
            err.println("trailhunt enrich: " + Visible.text("no store at " + db + " (run `trailhunt ingest --db " + db + " PATH...` first)"));
            return 2;
        }
        GeoIpLookup lookup;
        try {
            lookup = GeoIpFolders.open(geoip, System.getenv());
        } catch (GeoIpException e) {
            err.println("trailhunt enrich: " + Visible.text(e.getMessage()));
            return 1;
        }
        if (lookup == null) {
            err.println("trailhunt enrich: no GeoIP databases found: pass --geoip DIR or set " + GeoIpFolders.ENV
                    + " (see README: GeoIP)");
            return 2;
        }
        long started = System.nanoTime();
        try (lookup; Store store = Store.openForWriting(db.toAbsolutePath())) {
            long[] done = store.enrichSourceIps(GeoIpLookup.COLUMNS, lookup::values);
            List<List<String>> rows = lookup.databases().stream()
                    .map(d -> List.of(d.kind(), d.name(), d.type(), d.buildDate(), d.sha256())).toList();
            store.recordGeoDatabases(rows, true);
            out.printf(Locale.ROOT, "enriched: %d events from %d distinct source.ip addresses in %.1f s%n",
                    done[1], done[0], (System.nanoTime() - started) / 1e9);
            if (lookup.failureLine() != null) {
                err.println(Visible.text(lookup.failureLine()));
            }
            for (GeoDatabase d : lookup.databases()) {
                out.println("geoip: " + Visible.text(d.describe()));
            }
            out.flush();
            return 0;
        } catch (StoreException | GeoIpException e) {
            err.println("trailhunt enrich: " + Visible.text(e.getMessage()));
            return 1;
        }
    }
}
