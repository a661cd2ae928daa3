package dev.trailhunt.translate;

import dev.trailhunt.model.ValueType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Declares one ES|QL function once: its names, the argument kinds of each form it takes, its result
 * type, a few traits, and one rendering per SQL dialect.
 *
 * @param names the name and then its aliases, lower-case
 * @param signatures the forms the function takes, by number of arguments
 * @param returns the result type for non-null arguments
 * @param traits what sets the function apart from a plain scalar
 * @param renderers the rendering of each dialect that has one
 */
record FunctionDef(List<String> names, List<Signature> signatures, ResultType returns, Set<Trait> traits,
        Map<Dialect, Renderer> renderers) {

    /** Names what sets a function apart from a plain scalar. */
    enum Trait {
        /** Gathers the rows of a STATS group into one value. */
        AGGREGATE,
        /** Takes a trailing {@code {"name": value}} argument of options. */
        OPTIONS,
        /** Takes {@code *} or no argument at all, as COUNT does. */
        STAR,
        /** Applies to each value of a multi-valued argument, as the TO_* conversions do. */
        EACH_VALUE,
        /** Reports another number of arguments as unsupported rather than wrong, as Elasticsearch takes more forms. */
        MORE_FORMS_UNSUPPORTED
    }

    FunctionDef {
        names = List.copyOf(names);
        signatures = List.copyOf(signatures);
        traits = Set.copyOf(traits);
        renderers = Map.copyOf(renderers);
        if (names.isEmpty() || signatures.isEmpty() || returns == null) {
            throw new IllegalArgumentException("a function needs a name, a signature and a result type: " + names);
        }
    }

    /** Returns the primary name. */
    String name() {
        return names.get(0);
    }

    boolean has(Trait trait) {
        return traits.contains(trait);
    }

    /** Returns the form that takes {@code count} arguments, if any. */
    Optional<Signature> signature(int count) {
        return signatures.stream().filter(s -> s.accepts(count)).findFirst();
    }

    /** Describes the accepted numbers of arguments as arity errors print them: {@code 2}, {@code 1..3}, {@code 2..n}. */
    String arity() {
        int min = signatures.stream().mapToInt(Signature::min).min().orElseThrow();
        int max = signatures.stream().mapToInt(Signature::max).max().orElseThrow();
        return min == max ? String.valueOf(min) : min + ".." + (max == Integer.MAX_VALUE ? "n" : String.valueOf(max));
    }

    Optional<Renderer> renderer(Dialect dialect) {
        return Optional.ofNullable(renderers.get(dialect));
    }

    /** Collects the parts of a definition in the order a family file writes them. */
    static final class Builder {
        private final List<String> names;
        private final boolean aggregate;
        private final List<Signature> signatures = new ArrayList<>();
        private final Set<Trait> traits = EnumSet.noneOf(Trait.class);
        private final Map<Dialect, Renderer> renderers = new EnumMap<>(Dialect.class);
        private ResultType returns;

        Builder(boolean aggregate, String... names) {
            this.names = List.of(names);
            this.aggregate = aggregate;
        }

        /** Adds a form with these required arguments; optional and rest arguments of it follow. */
        Builder args(ArgKind... required) {
            signatures.add(new Signature(List.of(required), List.of(), null));
            return this;
        }

        /** Lets the last form take these arguments after its required ones. */
        Builder optional(ArgKind... kinds) {
            Signature s = last();
            List<ArgKind> optional = new ArrayList<>(s.optional());
            optional.addAll(List.of(kinds));
            signatures.set(signatures.size() - 1, new Signature(s.required(), optional, s.rest()));
            return this;
        }

        /** Lets the last form take any number of further arguments of this kind. */
        Builder rest(ArgKind kind) {
            Signature s = last();
            signatures.set(signatures.size() - 1, new Signature(s.required(), s.optional(), kind));
            return this;
        }

        Builder returns(ValueType type) {
            return returns(ResultType.of(type));
        }

        Builder returns(ResultType type) {
            this.returns = type;
            return this;
        }

        Builder with(Trait trait) {
            traits.add(trait);
            return this;
        }

        /** Sets how DuckDB renders the function. */
        Builder duckdb(Renderer renderer) {
            renderers.put(Dialect.DUCKDB, renderer);
            return this;
        }

        /** Sets how Trino (and Athena engine v3) renders the function; without it the function is unsupported on trino. */
        Builder trino(Renderer renderer) {
            renderers.put(Dialect.TRINO, renderer);
            return this;
        }

        /** Renders the function on Trino with its DuckDB renderer, for renderers whose SQL both engines run alike. */
        Builder trinoAsDuckdb() {
            return trino(renderers.get(Dialect.DUCKDB));
        }

        private Signature last() {
            if (signatures.isEmpty()) {
                throw new IllegalStateException("declare args(...) before optional or rest arguments of " + names);
            }
            return signatures.get(signatures.size() - 1);
        }

        FunctionDef build() {
            Set<Trait> all = EnumSet.noneOf(Trait.class);
            all.addAll(traits);
            if (aggregate) {
                all.add(Trait.AGGREGATE);
            }
            return new FunctionDef(names, signatures, returns, all, renderers);
        }
    }
}
