package dev.trailhunt.translate;

import dev.trailhunt.esql.ast.FunctionCall;
import dev.trailhunt.model.ValueType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Holds every ES|QL function trailhunt translates, scalar and aggregate, each declared once in the
 * file of its family, and renders calls of them.
 *
 * <p>Function names come from this registry, never from query text: an unknown name is reported as
 * {@code unsupported: NAME at line:col}. Before a function renders, the registry rejects options it
 * does not take, checks the number of arguments and checks and converts each argument by its
 * declared {@link ArgKind}, so the family files hold only what is particular to each function.
 * Scalar functions see a multi-valued argument as null unless it holds one value, except where a
 * kind keeps it whole (the MV_* functions, aggregates).
 */
final class FunctionRegistry {
    private static final FunctionRegistry STANDARD = of(List.of(
            StringFunctions::register, DateFunctions::register, MathFunctions::register, ConditionalFunctions::register,
            ConversionFunctions::register, MultiValueFunctions::register, IpFunctions::register, Aggregates::register, SearchFunctions::register));

    private final Map<String, FunctionDef> byName;
    private final List<FunctionDef> definitions;

    private FunctionRegistry(List<FunctionDef> definitions) {
        Map<String, FunctionDef> names = new LinkedHashMap<>();
        for (FunctionDef d : definitions) {
            for (String n : d.names()) {
                if (names.put(n, d) != null) {
                    throw new IllegalStateException("function " + n + " is declared twice");
                }
            }
        }
        this.byName = Collections.unmodifiableMap(names);
        this.definitions = List.copyOf(definitions);
    }

    /** Returns the registry of every function of trailhunt's ES|QL. */
    static FunctionRegistry standard() {
        return STANDARD;
    }

    /** Builds a registry from the registration methods of family files. */
    static FunctionRegistry of(List<Consumer<Builder>> families) {
        Builder b = new Builder();
        families.forEach(f -> f.accept(b));
        return new FunctionRegistry(b.definitions.stream().map(FunctionDef.Builder::build).toList());
    }

    /** Lists every definition, in registration order. */
    List<FunctionDef> definitions() {
        return definitions;
    }

    /** Lists every name a call may use, aliases included, sorted. */
    Set<String> names() {
        return Collections.unmodifiableSet(new TreeSet<>(byName.keySet()));
    }

    Optional<FunctionDef> lookup(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * Renders a call from its translated arguments.
     *
     * @param filter the STATS ... WHERE condition for an aggregate, or null
     * @throws EsqlException positioned at the call for an unknown function, options it does not
     *     take, a wrong number of arguments or an argument of the wrong kind
     */
    Typed render(FunctionCall node, List<Typed> args, Session session, Condition filter) {
        FunctionDef def = lookup(node.name()).orElseThrow(() -> Errors.unsupported(upper(node), node));
        if (!node.options().isEmpty() && !def.has(FunctionDef.Trait.OPTIONS)) {
            throw Errors.unsupported("options of " + upper(node), node);
        }
        List<Typed> checked = new ArrayList<>(args.size());
        if (!(def.has(FunctionDef.Trait.STAR) && (node.star() || args.isEmpty()))) {
            Signature s = def.signature(args.size()).orElseThrow(() -> def.has(FunctionDef.Trait.MORE_FORMS_UNSUPPORTED)
                    ? Errors.unsupported(upper(node) + " with " + args.size() + " arguments", node)
                    : Errors.semantic("function [" + node.name() + "] takes " + def.arity() + " arguments, got " + args.size(), node));
            for (int i = 0; i < args.size(); i++) {
                checked.add(s.kind(i).check(node, i, args.get(i)));
            }
        }
        Renderer r = def.renderer(session.dialect())
                .orElseThrow(() -> Errors.unsupportedOn(session.dialect(), upper(node), node));
        Call call = new Call(node, args, checked, session, filter, this);
        if (def.has(FunctionDef.Trait.EACH_VALUE) && args.size() == 1 && args.get(0).multiValued()) {
            session.requireDuckdb(node, upper(node) + " of a multi-valued field");
            return eachValue(r, call);
        }
        return r.render(call);
    }

    /** Applies a conversion to each value of a multi-valued argument, as ES|QL's TO_* functions do. */
    private static Typed eachValue(Renderer r, Call call) {
        Typed list = call.raw(0);
        Typed v = Typed.of(DSL.field(DSL.name(HiddenNames.VALUE), SqlTypes.of(list.type())), list.type());
        Typed each = r.render(call.withArgument(v));
        return Typed.list(DSL.field("list_transform({0}, lambda \"" + HiddenNames.VALUE + "\": {1})", Object.class, list.field(), each.field()),
                each.type());
    }

    private static String upper(FunctionCall node) {
        return node.name().toUpperCase(Locale.ROOT);
    }

    /** Collects the definitions of the family files. */
    static final class Builder {
        private final List<FunctionDef.Builder> definitions = new ArrayList<>();

        /** Starts the definition of a scalar function under its name and aliases. */
        FunctionDef.Builder scalar(String... names) {
            FunctionDef.Builder b = new FunctionDef.Builder(false, names);
            definitions.add(b);
            return b;
        }

        /** Starts the definition of an aggregate function under its name and aliases. */
        FunctionDef.Builder aggregate(String... names) {
            FunctionDef.Builder b = new FunctionDef.Builder(true, names);
            definitions.add(b);
            return b;
        }

        /** Declares a function that is one DuckDB function of the same arguments. */
        FunctionDef.Builder rename(String esql, String duckdb, ValueType returns, ArgKind... args) {
            return scalar(esql).args(args).returns(returns)
                    .duckdb(c -> Typed.of(DSL.function(duckdb, SqlTypes.of(returns), fields(c)), returns));
        }

        /** Declares a function that is one DuckDB expression of its arguments, written as a jOOQ template. */
        FunctionDef.Builder template(String esql, String duckdb, ValueType returns, ArgKind... args) {
            return scalar(esql).args(args).returns(returns)
                    .duckdb(c -> Typed.of(DSL.field(duckdb, SqlTypes.of(returns), (Object[]) fields(c)), returns));
        }

        private static Field<?>[] fields(Call c) {
            return c.args().stream().map(Typed::field).toArray(Field<?>[]::new);
        }
    }
}
