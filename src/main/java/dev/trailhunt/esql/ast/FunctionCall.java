package dev.trailhunt.esql.ast;

import java.util.List;
import java.util.Objects;

/**
 * Calls a function: {@code name(arg, …)}, or {@code count(*)} with the star flag.
 *
 * @param name the function name lower-cased
 * @param args the arguments in written order, empty for {@code f()} and {@code f(*)}
 * @param star whether the only argument was {@code *}
 * @param source the expression text
 */
public record FunctionCall(String name, List<Expr> args, boolean star, Source source) implements Expr {

    /** Validates and copies the components so the record stays immutable. */
    public FunctionCall {
        Objects.requireNonNull(name, "name");
        args = List.copyOf(args);
        Objects.requireNonNull(source, "source");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitFunctionCall(this);
    }
}
