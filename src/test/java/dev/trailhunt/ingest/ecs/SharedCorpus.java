package dev.trailhunt.ingest.ecs;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the read-only reference corpus ({@code ../shared}) and skips a test when it is absent. */
final class SharedCorpus {

    private SharedCorpus() {
    }

    /** Returns {@code ../shared/<relative>}, skipping the calling test when it does not exist. */
    static Path require(String relative) {
        String root = System.getProperty("trailhunt.shared", "../shared");
        Path p = Path.of(root).resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), "reference corpus absent: " + p);
        return p;
    }
}
