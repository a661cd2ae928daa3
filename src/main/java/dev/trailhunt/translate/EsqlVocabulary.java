package dev.trailhunt.translate;

import java.util.List;
import java.util.Set;

/** Lists the words of trailhunt's ES|QL that an editor can offer: its function names and its processing commands. */
public final class EsqlVocabulary {
    /** The source and processing commands the parser reads, lower-case as the hunts write them. */
    private static final List<String> COMMANDS = List.of("from", "row", "show", "where", "eval", "stats", "by", "keep", "drop",
            "rename", "sort", "limit", "dissect", "grok", "mv_expand", "enrich", "lookup", "inlinestats", "metadata",
            "asc", "desc", "nulls", "first", "last", "and", "or", "not", "like", "rlike", "in", "is", "null", "as", "on",
            "with");

    private EsqlVocabulary() {}

    /** Returns every function name the translator accepts, aliases included, sorted. */
    public static Set<String> functionNames() {
        return FunctionRegistry.standard().names();
    }

    /** Returns the command and keyword words, lower-case. */
    public static List<String> keywords() {
        return COMMANDS;
    }
}
