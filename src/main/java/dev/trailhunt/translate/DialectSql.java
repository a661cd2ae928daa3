package dev.trailhunt.translate;

import org.jooq.Context;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.CustomField;
import org.jooq.impl.DSL;

/**
 * Renders the few list and regex expressions that the translator's shared code builds (outside the
 * function registry) in the syntax of the dialect the statement is rendered in.
 *
 * <p>The choice happens when jOOQ renders, so code that has no session, such as
 * {@link ExpressionTranslator#single}, still emits Trino SQL for a Trino translation.
 */
final class DialectSql {
    private DialectSql() {}

    /** Returns one expression written twice, as a DuckDB and as a Trino jOOQ template over the same arguments. */
    static <T> Field<T> either(Class<T> type, String duckdb, String trino, Field<?>... args) {
        return new Either<>(DSL.field(duckdb, type, (Object[]) args), DSL.field(trino, type, (Object[]) args));
    }

    /** Returns the number of elements of a list: DuckDB's {@code len}, Trino's {@code cardinality}. */
    static Field<Long> len(Field<?> list) {
        return either(Long.class, "len({0})", "cardinality({0})", list);
    }

    /** Returns a list of the values: DuckDB's {@code list_value(…)}, Trino's {@code ARRAY[…]}. */
    static Field<Object> listOf(Field<?>... items) {
        return new Either<>(DSL.function("list_value", Object.class, items),
                DSL.field("ARRAY[{0}]", Object.class, DSL.list(items)));
    }

    /** Says whether the whole text matches a regex: DuckDB's {@code regexp_full_match}; Trino's substring match, anchored. */
    static Field<Boolean> fullMatch(Field<?> text, String regex) {
        return new Either<>(DSL.function("regexp_full_match", Boolean.class, text, DSL.inline(regex)),
                DSL.function("regexp_like", Boolean.class, text, DSL.inline("^(?:" + regex + ")$")));
    }

    /** Renders the first field on DuckDB and the second on Trino. */
    private static final class Either<T> extends CustomField<T> {
        private static final long serialVersionUID = 1L;
        private final Field<T> duckdb;
        private final Field<T> trino;

        Either(Field<T> duckdb, Field<T> trino) {
            super("either", duckdb.getDataType());
            this.duckdb = duckdb;
            this.trino = trino;
        }

        @Override
        public void accept(Context<?> ctx) {
            ctx.visit(ctx.family() == SQLDialect.TRINO ? trino : duckdb);
        }
    }
}
