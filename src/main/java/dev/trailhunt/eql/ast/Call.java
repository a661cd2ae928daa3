package dev.trailhunt.eql.ast;

import java.util.List;
import java.util.Objects;

/**
 * Calls an EQL function such as {@code stringContains(f, "x")} or its case-insensitive form {@code startsWith~(f, "x")}.
 *
 * @param name the function name as written, without {@code ~}
 * @param caseInsensitive whether {@code ~} followed the name
 * @param args the arguments in written order
 * @param position where the name starts
 */
public record Call(String name, boolean caseInsensitive, List<EqlExpr> args, Position position) implements EqlExpr {
    /** Validates and copies the components. */
    public Call {
        Objects.requireNonNull(name, "name");
        args = List.copyOf(args);
        Objects.requireNonNull(position, "position");
    }

    @Override
    public <R> R accept(EqlExprVisitor<R> visitor) {
        return visitor.visitCall(this);
    }
}
