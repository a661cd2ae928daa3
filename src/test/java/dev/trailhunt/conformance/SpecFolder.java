package dev.trailhunt.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Locates the csv-spec folder: {@code -Desqlspec.dir=DIR}, else {@code ../shared/corpus/esql-spec}. */
final class SpecFolder {
    private SpecFolder() {}

    /** Returns the default corpus folder (from {@code trailhunt.shared}, else {@code ../shared}). */
    static Path defaultFolder() {
        String shared = System.getProperty("trailhunt.shared");
        Path root = shared == null || shared.isBlank() ? Path.of("..", "shared") : Path.of(shared);
        return root.resolve("corpus").resolve("esql-spec");
    }

    /** Returns the folder given with {@code -Desqlspec.dir}, if any (surefire passes an unset one as blank or unresolved). */
    static Optional<Path> override() {
        String dir = System.getProperty("esqlspec.dir");
        if (dir == null || dir.isBlank() || dir.startsWith("${")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(dir));
    }

    /** Returns the folder to run, whether or not it exists. */
    static Path chosen() {
        return override().orElseGet(SpecFolder::defaultFolder);
    }

    /** Tells whether {@code dir} holds csv-spec files to run. */
    static boolean usable(Path dir) {
        return Files.isDirectory(dir);
    }
}
