package dev.trailhunt.translate;

import dev.trailhunt.esql.ast.FunctionCall;
import java.util.List;
import java.util.Locale;
import org.jooq.AggregateFunction;
import org.jooq.Condition;
import org.jooq.Field;

/**
 * Holds one call of a function as its renderer sees it: the syntax node (errors point at it), the
 * arguments as translated and as their declared kinds converted them, the session, and for an
 * aggregate the STATS ... WHERE filter.
 *
 * @param node the call in the query
 * @param raw the arguments as translated: a multi-value is a LIST
 * @param args the arguments after their kinds' checks and conversions (see {@link ArgKind})
 * @param session now, time zone and dialect of the query
 * @param filter the condition an aggregate counts rows under, or null
 * @param registry the registry the call came from, for functions defined through others
 */
record Call(FunctionCall node, List<Typed> raw, List<Typed> args, Session session, Condition filter, FunctionRegistry registry) {
    Call {
        raw = List.copyOf(raw);
        args = List.copyOf(args);
    }

    /** Returns argument {@code i} as its kind converted it. */
    Typed arg(int i) {
        return args.get(i);
    }

    /** Returns argument {@code i} as translated, a multi-value whole. */
    Typed raw(int i) {
        return raw.get(i);
    }

    int size() {
        return raw.size();
    }

    /** Returns the function name as written, lower-cased: an alias stays an alias. */
    String name() {
        return node.name();
    }

    /** Returns the name in upper case, as unsupported-feature messages print it. */
    String upperName() {
        return node.name().toUpperCase(Locale.ROOT);
    }

    /** Returns the call's source text, as semantic errors quote it. */
    String text() {
        return node.source().text();
    }

    /** Returns argument {@code i} as a string known at translation time, or reports it unsupported. */
    String constantString(int i) {
        Typed t = raw.get(i);
        if (!t.isKnownString()) {
            throw unsupported("non-constant argument " + (i + 1) + " of " + upperName());
        }
        return (String) t.value();
    }

    EsqlException unsupported(String what) {
        return Errors.unsupported(what, node);
    }

    EsqlException semantic(String message) {
        return Errors.semantic(message, node);
    }

    /** Restricts an aggregate to the rows of the STATS ... WHERE filter, when there is one. */
    Field<?> filtered(AggregateFunction<?> aggregate) {
        return filter == null ? aggregate : aggregate.filterWhere(filter);
    }

    /** Returns this call applied to one value instead of its arguments, for functions mapped over a multi-value. */
    Call withArgument(Typed value) {
        return new Call(node, List.of(value), List.of(value), session, filter, registry);
    }

    /** Renders another function of the registry on some of this call's arguments, at this call's position. */
    Typed delegate(String function, List<Typed> arguments) {
        FunctionCall other = new FunctionCall(function, node.args().subList(0, arguments.size()), false, node.source());
        return registry.render(other, arguments, session, filter);
    }
}
