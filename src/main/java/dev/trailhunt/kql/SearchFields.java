package dev.trailhunt.kql;

import dev.trailhunt.model.EcsColumn;
import dev.trailhunt.model.EcsSchema;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Lists the fields a KQL query can search, with their Elasticsearch search type: every store column, plus
 * the {@code .text} multi-fields of the aws package and ECS, which search their parent column analysed.
 *
 * <p>Types come from the aws package's fields.yml and ECS: keyword fields index strings up to
 * {@code ignore_above} (1024 by Fleet's and ECS's default, 8191 for request_parameters and response_elements),
 * constant_keyword fields have no limit, {@code error.message} is match_only_text and {@code event.original}
 * is not indexed.
 */
public final class SearchFields {
    private static final Set<String> TEXT_FIELDS = Set.of("error.message");
    /** Keyword fields with a {@code .text} multi-field: the aws package's four, and ECS's match_only_text ones. */
    private static final Set<String> TEXT_MULTI_FIELDS = Set.of(
            "aws.cloudtrail.request_parameters", "aws.cloudtrail.response_elements",
            "aws.cloudtrail.additional_eventdata", "aws.cloudtrail.service_event_details",
            "user_agent.original", "user_agent.os.name", "user_agent.os.full", "user.name", "user.target.name",
            "user.changes.name", "source.as.organization.name", "file.path");
    private static final Set<String> NOT_INDEXED = Set.of("event.original");

    private static final java.util.regex.Pattern FLATTENED = java.util.regex.Pattern.compile(
            "aws\\.cloudtrail\\.flattened\\.(request_parameters|response_elements|additional_eventdata|service_event_details)\\.[^*]+");

    private static final SearchFields ECS = new SearchFields(build());

    private final Map<String, SearchField> byName;
    private final List<SearchField> defaultFields;

    private SearchFields(Map<String, SearchField> byName) {
        this.byName = Collections.unmodifiableMap(byName);
        // Fleet's index.query.default_field: keyword and text fields, not constant_keyword, not multi-fields
        // (the aws package marks its .text ones default_field: false), not unindexed ones.
        this.defaultFields = byName.values().stream()
                .filter(f -> f.name().equals(f.column()) && !EcsSchema.isConstantKeyword(f.name())
                        && (f.type() == SearchField.SearchType.KEYWORD || f.type() == SearchField.SearchType.TEXT))
                .toList();
    }

    /** Returns the fields a value without a field name searches, sorted by name. */
    public List<SearchField> defaultFields() {
        return defaultFields;
    }

    /** Returns the fields of the events table of the store. */
    public static SearchFields ecs() {
        return ECS;
    }

    /** Returns the field of this name, if the store has it. */
    public Optional<SearchField> lookup(String name) {
        SearchField f = byName.get(name);
        if (f == null && FLATTENED.matcher(name).matches()) {
            // aws.cloudtrail.flattened.* is a flattened mapping: every leaf a keyword under its dotted path; the
            // translator derives the leaves from event.original.
            return Optional.of(new SearchField(name, name, SearchField.SearchType.KEYWORD, 0, true));
        }
        return Optional.ofNullable(f);
    }

    /** Returns every field, sorted by name. */
    public Map<String, SearchField> all() {
        return byName;
    }

    private static Map<String, SearchField> build() {
        Map<String, SearchField> m = new TreeMap<>();
        for (EcsColumn c : EcsSchema.columns()) {
            String n = c.name();
            SearchField.SearchType type = switch (c.esqlType()) {
                case BOOLEAN -> SearchField.SearchType.BOOLEAN;
                case INTEGER, LONG, UNSIGNED_LONG, DOUBLE -> SearchField.SearchType.NUMBER;
                case DATETIME, DATE_NANOS -> SearchField.SearchType.DATE;
                case IP -> SearchField.SearchType.IP;
                case TEXT -> SearchField.SearchType.TEXT;
                // A geo_point takes geo queries only, which KQL cannot write; a lenient field-less search skips it.
                case GEO_POINT -> SearchField.SearchType.NOT_INDEXED;
                default -> SearchField.SearchType.KEYWORD;
            };
            if (TEXT_FIELDS.contains(n)) {
                type = SearchField.SearchType.TEXT;
            } else if (NOT_INDEXED.contains(n)) {
                type = SearchField.SearchType.NOT_INDEXED;
            }
            int ignoreAbove = type == SearchField.SearchType.KEYWORD ? EcsSchema.keywordIgnoreAbove(n) : 0;
            m.put(n, new SearchField(n, n, type, ignoreAbove, c.multiValued()));
            if (TEXT_MULTI_FIELDS.contains(n)) {
                m.put(n + ".text", new SearchField(n + ".text", n, SearchField.SearchType.TEXT, 0, c.multiValued()));
            }
        }
        return m;
    }
}
