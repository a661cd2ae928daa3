package dev.trailhunt.conformance;

import dev.trailhunt.translate.SourceCatalog;
import dev.trailhunt.translate.SourceColumn;
import dev.trailhunt.translate.SourceTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves csv-spec index names to the dataset tables, and remembers the names it could not resolve
 * so that a case reading a dataset we do not have counts as unsupported rather than failed.
 *
 * <p>Only exact index names resolve: a wildcard pattern such as {@code emp*} matches indices in
 * Elasticsearch's test cluster that are not in the corpus, so its answer could not be the same.
 */
final class SpecSourceCatalog implements SourceCatalog {
    private final SpecDatasets datasets;
    private final Set<String> misses = new TreeSet<>();

    SpecSourceCatalog(SpecDatasets datasets) {
        this.datasets = datasets;
    }

    @Override
    public Optional<SourceTable> resolve(String indexPattern) {
        Optional<SpecDataset> d = datasets.index(indexPattern);
        if (d.isEmpty()) {
            misses.add(indexPattern);
            return Optional.empty();
        }
        List<SourceColumn> columns = new ArrayList<>();
        for (SpecDataset.Column c : d.get().columns()) {
            columns.add(new SourceColumn(c.name(), c.esqlType(), c.multiValued()));
        }
        return Optional.of(new SourceTable(d.get().index(), columns));
    }

    @Override
    public List<String> knownSources() {
        return datasets.indices();
    }

    /** Returns the index patterns asked for since the last {@link #clearMisses()}, that did not resolve. */
    Set<String> misses() {
        return Set.copyOf(misses);
    }

    /** Forgets the recorded misses, before the next case. */
    void clearMisses() {
        misses.clear();
    }
}
