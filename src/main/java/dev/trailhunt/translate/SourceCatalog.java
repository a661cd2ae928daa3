package dev.trailhunt.translate;

import java.util.List;
import java.util.Optional;

/** Resolves the index patterns of ES|QL {@code FROM} to the tables a hunt may read. */
public interface SourceCatalog {
    /** Returns the table an index pattern names, or empty when the pattern is not known. */
    Optional<SourceTable> resolve(String indexPattern);

    /** Lists the index patterns this catalog accepts, for error messages. */
    List<String> knownSources();
}
