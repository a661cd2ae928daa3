package dev.trailhunt.esql.ast;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Calls a function: {@code name(arg, …)}, or {@code count(*)} with the star flag.
 *
 * @param name the function name lower-cased
 * @param args the arguments in written order, empty for {@code f()} and {@code f(*)}
 * @param star whether the only argument was {@code *}
 * @param source the expression text
 * @param options the named options of a trailing {@code {"name": value, …}} argument, in written order
 */
public record FunctionCall(String name, List<Expr> args, boolean star, Source source, Map<String, Literal> options) implements Expr {

    /** Validates and copies the components so the record stays immutable. */
    public FunctionCall {
        Objects.requireNonNull(name, "name");
        args = List.copyOf(args);
        Objects.requireNonNull(source, "source");
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
    }

    /** Creates a call without options. */
    public FunctionCall(String name, List<Expr> args, boolean star, Source source) {
        this(name, args, star, source, Map.of());
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitFunctionCall(this);
    }
}
