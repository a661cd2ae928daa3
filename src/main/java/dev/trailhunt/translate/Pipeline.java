package dev.trailhunt.translate;

import dev.trailhunt.esql.ast.Command;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.SelectJoinStep;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * Holds what a query has become so far: its stages in pipe order and, once a SORT that only a final
 * LIMIT follows has been read, the order the statement ends with. Each command returns a new
 * pipeline; none is ever changed.
 *
 * @param stages the stages, one CTE each
 * @param finalOrder the ORDER BY of the statement itself, empty unless a final SORT set it
 */
record Pipeline(List<Stage> stages, List<SortField<?>> finalOrder) {
    /** Stands for a query before its source command. */
    static final Pipeline EMPTY = new Pipeline(List.of(), List.of());

    Pipeline {
        stages = List.copyOf(stages);
        finalOrder = List.copyOf(finalOrder);
    }

    /** Returns the ES|QL columns of the last stage, in order. */
    List<Column> columns() {
        return stages.isEmpty() ? List.of() : last().columns();
    }

    /** Says whether the last stage carries the order of a SORT. */
    boolean ordered() {
        return !stages.isEmpty() && last().ordered();
    }

    Stage last() {
        return stages.get(stages.size() - 1);
    }

    /** Maps each column name of the last stage to its column, for expressions to refer to. */
    Map<String, Column> scope() {
        Map<String, Column> m = new HashMap<>();
        for (Column c : columns()) {
            m.put(c.name(), c);
        }
        return m;
    }

    /**
     * Appends a stage with its own SELECT.
     *
     * @param at the command the stage comes from, where errors point
     * @param columns the stage's columns, matching the select list (then the order column when ordered)
     * @param ordered whether the select list ends with the order column
     */
    Pipeline then(Command at, List<Column> columns, boolean ordered, Select<?> select) {
        Set<String> folded = new HashSet<>();
        for (Column c : columns) {
            if (!folded.add(c.name().toLowerCase(Locale.ROOT))) {
                // DuckDB matches even quoted names without regard to case, so such columns would be confused.
                throw Errors.unsupported("column names that differ only in case [" + c.name() + "]", at);
            }
        }
        if (ordered && !folded.add(HiddenNames.ORDER)) {
            throw Errors.unsupported("column names that differ only in case [" + HiddenNames.ORDER + "]", at);
        }
        List<Stage> next = new ArrayList<>(stages);
        next.add(new Stage("s" + (stages.size() + 1), columns, select, ordered));
        return new Pipeline(next, finalOrder);
    }

    /**
     * Appends a stage selecting {@code exprs} (aligned with {@code columns}) from the last stage; the
     * order of an earlier SORT is carried on when {@code keepOrder}, and {@code body} may add a
     * WHERE, GROUP BY, ORDER BY or LIMIT.
     */
    Pipeline select(Command at, List<Column> columns, List<? extends Field<?>> exprs, boolean keepOrder,
            Function<SelectJoinStep<Record>, Select<?>> body) {
        List<SelectField<?>> fields = new ArrayList<>(exprs);
        boolean carryOrder = keepOrder && ordered();
        if (carryOrder) {
            fields.add(ref(HiddenNames.ORDER));
        }
        return then(at, columns, carryOrder, body.apply(DSL.select(fields).from(last().table())));
    }

    /** Appends a stage selecting {@code exprs} from the last stage as they are. */
    Pipeline select(Command at, List<Column> columns, List<? extends Field<?>> exprs, boolean keepOrder) {
        return select(at, columns, exprs, keepOrder, s -> s);
    }

    /** Returns this pipeline ending in {@code order}, which the statement's own ORDER BY applies. */
    Pipeline endingIn(List<SortField<?>> order) {
        return new Pipeline(stages, order);
    }

    /** Refers to a column of the last stage by name. */
    static Field<Object> ref(String name) {
        return DSL.field(DSL.name(name));
    }

    /** Refers to each of {@code columns} by name. */
    static List<Field<?>> refs(List<Column> columns) {
        List<Field<?>> out = new ArrayList<>();
        for (Column c : columns) {
            out.add(ref(c.name()));
        }
        return out;
    }
}
