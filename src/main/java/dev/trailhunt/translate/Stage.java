package dev.trailhunt.translate;

import java.util.ArrayList;
import java.util.List;
import org.jooq.CommonTableExpression;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Holds one pipe stage, which becomes one CTE: its name, the ES|QL columns it holds in order, its
 * SELECT, and whether it also carries the hidden order column of an earlier SORT.
 *
 * @param name the CTE name, {@code s1}, {@code s2}, … in pipe order
 * @param columns the stage's columns, in ES|QL order
 * @param select the query that computes the columns (and the order column last when ordered)
 * @param ordered whether the stage carries {@link HiddenNames#ORDER}
 */
record Stage(String name, List<Column> columns, Select<?> select, boolean ordered) {
    Stage {
        columns = List.copyOf(columns);
    }

    /** Returns the stage as a table later stages select from. */
    Table<?> table() {
        return DSL.table(DSL.name(name));
    }

    /** Returns the CTE with its explicit column list. */
    CommonTableExpression<?> cte() {
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.name()));
        if (ordered) {
            names.add(HiddenNames.ORDER);
        }
        return DSL.name(name).fields(names.toArray(String[]::new)).as(select);
    }
}
