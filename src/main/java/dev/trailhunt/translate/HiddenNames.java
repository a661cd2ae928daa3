package dev.trailhunt.translate;

/**
 * Names the columns and lambda variables the translation adds to the SQL next to the query's own
 * columns; all start with two underscores and never reach the result.
 */
final class HiddenNames {
    /** Carries the order of a SORT through later stages. */
    static final String ORDER = "__order";
    /** Holds the struct of capture groups DISSECT or GROK matched. */
    static final String EXTRACT = "__extract";
    /** Counts the rows of a STATS without BY whose aggregates all folded to constants. */
    static final String ROWS = "__rows";
    /** Stands for one value of a LIST inside a lambda. */
    static final String VALUE = "__v";
    /** Stands for one matched struct of a multi-valued DISSECT or GROK input inside a lambda. */
    static final String STRUCT = "__s";
    /** Stands for one match result while unmatched values are filtered out. */
    static final String MATCH = "__m";
    /** Stands for one extracted output while null outputs are filtered out. */
    static final String OUTPUT = "__o";
    /** Stands for one address of a LIST of IPs inside a lambda. */
    static final String IP = "__ip";

    /** Starts the name of a source column's stored value, read by {@code $stored_contains} before ignore_above hides it. */
    static final String STORED = "__stored.";

    private HiddenNames() {}

    /** Names the FROM stage's copy of source column {@code name} as the store holds it, ignore_above or not. */
    static String stored(String name) {
        return STORED + name;
    }

    /** Names the stage column that holds computed or expanded grouping key {@code i} of a STATS. */
    static String groupingValue(int i) {
        return "__g" + i;
    }

    /** Names the column that holds grouping key {@code i} in the aggregating stage of a STATS. */
    static String groupingKey(int i) {
        return "__k" + i;
    }

    /** Names the column that holds aggregate {@code i} before expressions around it apply. */
    static String aggregate(int i) {
        return "__a" + i;
    }
}
