package dev.trailhunt.translate;

import dev.trailhunt.engine.ResultColumn;
import dev.trailhunt.engine.ValueType;
import dev.trailhunt.esql.ast.Aggregate;
import dev.trailhunt.esql.ast.Alias;
import dev.trailhunt.esql.ast.Command;
import dev.trailhunt.esql.ast.CommandVisitor;
import dev.trailhunt.esql.ast.Dissect;
import dev.trailhunt.esql.ast.Drop;
import dev.trailhunt.esql.ast.Eval;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.esql.ast.FieldRef;
import dev.trailhunt.esql.ast.From;
import dev.trailhunt.esql.ast.FunctionCall;
import dev.trailhunt.esql.ast.Grok;
import dev.trailhunt.esql.ast.Keep;
import dev.trailhunt.esql.ast.Limit;
import dev.trailhunt.esql.ast.MvExpand;
import dev.trailhunt.esql.ast.NamePattern;
import dev.trailhunt.esql.ast.Order;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.esql.ast.Rename;
import dev.trailhunt.esql.ast.RenamePair;
import dev.trailhunt.esql.ast.Row;
import dev.trailhunt.esql.ast.Sort;
import dev.trailhunt.esql.ast.Stats;
import dev.trailhunt.esql.ast.UnsupportedCommand;
import dev.trailhunt.esql.ast.Where;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.SelectJoinStep;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;

/**
 * Translates a parsed ES|QL query into one DuckDB SQL statement with Elasticsearch's semantics.
 *
 * <p>Every pipe stage becomes a CTE with an explicit column list, so ES|QL's column placement
 * (EVAL, DISSECT and STATS append; shadowed names disappear; FROM is alphabetical) is tracked here
 * rather than left to SQL. Only tables from the {@link SourceCatalog} are referenced, and function
 * names come from the {@link FunctionCatalog}; query text reaches SQL only as inlined literals.
 */
public final class EsqlTranslator {
    /** Names the hidden column that carries the order of a SORT through later stages. */
    static final String ORDER = "__order";
    private static final String EXTRACT = "__extract";

    private final SourceCatalog sources;
    private final TranslateOptions options;
    private final FunctionCatalog functions;
    private final DSLContext dsl;

    /** Creates a translator reading from {@code sources} with the given run options. */
    public EsqlTranslator(SourceCatalog sources, TranslateOptions options) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.options = Objects.requireNonNull(options, "options");
        this.functions = new FunctionCatalog(options);
        this.dsl = DSL.using(SQLDialect.DUCKDB, new Settings()
                .withStatementType(StatementType.STATIC_STATEMENT)
                .withRenderFormatted(true));
    }

    /**
     * Translates a query.
     *
     * @throws EsqlException positioned, when the query uses an unsupported feature or is invalid
     */
    public Translation translate(Query query) {
        try {
            return new Pipeline(query).build();
        } catch (ArithmeticException e) {
            // A time span or constant too large for java.time or int: a user error, reported in one line.
            throw EsqlException.semantic("number out of range: " + e.getMessage(), query.source().line(), query.source().column());
        }
    }

    /** Holds the state of one translation: the CTEs built so far and the current ES|QL schema. */
    private final class Pipeline implements CommandVisitor<Void> {
        private final Query query;
        private final List<CommonTableExpression<?>> ctes = new ArrayList<>();
        private Table<?> current;
        private List<Column> schema = List.of();
        private boolean ordered;
        private long finalLimit = -1;
        private Command command;
        private boolean sortIsFinal;
        private List<SortField<?>> finalOrder;

        Pipeline(Query query) {
            this.query = query;
        }

        Translation build() {
            List<Command> commands = query.commands();
            if (commands.isEmpty()) {
                throw EsqlException.semantic("empty query", 1, 1);
            }
            for (int i = 0; i < commands.size(); i++) {
                Command c = commands.get(i);
                boolean source = c instanceof From || c instanceof Row;
                if (source != (i == 0)) {
                    throw Errors.semantic(i == 0 ? "a query must start with FROM or ROW" : "FROM and ROW can only start a query", c);
                }
                command = c;
                int n = commands.size();
                // A SORT that only a final LIMIT follows becomes the statement's ORDER BY, so DuckDB can use a top-N.
                sortIsFinal = c instanceof Sort && (i == n - 1 || (i == n - 2 && commands.get(n - 1) instanceof Limit));
                if (i == commands.size() - 1 && c instanceof Limit l) {
                    finalLimit = Math.min(l.count(), options.maxLimit());
                } else {
                    c.accept(this);
                }
            }
            long limit = finalLimit >= 0 ? finalLimit : Math.min(options.defaultLimit(), options.maxLimit());
            List<SelectField<?>> out = new ArrayList<>();
            List<ResultColumn> columns = new ArrayList<>();
            for (Column c : schema) {
                out.add(ref(c.name()));
                columns.add(new ResultColumn(c.name(), c.type()));
            }
            var select = ctes.isEmpty() ? DSL.select(out) : DSL.with(ctes).select(out);
            Select<?> q = current == null
                    ? select.limit(DSL.inline(limit))
                    : finalOrder != null
                            ? select.from(current).orderBy(finalOrder).limit(DSL.inline(limit))
                            : ordered
                                    ? select.from(current).orderBy(ref(ORDER)).limit(DSL.inline(limit))
                                    : select.from(current).limit(DSL.inline(limit));
            return new Translation(q, dsl.renderInlined(q), columns);
        }

        // ------------------------------------------------------------ stage plumbing

        private Map<String, Column> scope() {
            Map<String, Column> m = new HashMap<>();
            for (Column c : schema) {
                m.put(c.name(), c);
            }
            return m;
        }

        private ExpressionTranslator rows() {
            return new ExpressionTranslator(scope(), functions, null);
        }

        /** Adds a stage selecting {@code exprs} (aligned with {@code next}) from the current stage. */
        private void push(List<Column> next, List<? extends Field<?>> exprs, boolean keepOrder,
                UnaryOperator<Select<?>> body) {
            List<SelectField<?>> fields = new ArrayList<>(exprs);
            List<String> names = new ArrayList<>();
            next.forEach(c -> names.add(c.name()));
            boolean carryOrder = keepOrder && ordered;
            if (carryOrder) {
                fields.add(ref(ORDER));
                names.add(ORDER);
            }
            SelectJoinStep<Record> from = DSL.select(fields).from(current);
            Select<?> select = body.apply(from);
            pushSelect(next, names, select);
            ordered = carryOrder;
        }

        private void pushSelect(List<Column> next, List<String> names, Select<?> select) {
            java.util.Set<String> folded = new java.util.HashSet<>();
            for (String n : names) {
                if (!folded.add(n.toLowerCase(java.util.Locale.ROOT))) {
                    // DuckDB matches even quoted names without regard to case, so such columns would be confused.
                    throw Errors.unsupported("column names that differ only in case [" + n + "]", command);
                }
            }
            String name = "s" + (ctes.size() + 1);
            ctes.add(DSL.name(name).fields(names.toArray(String[]::new)).as(select));
            current = DSL.table(DSL.name(name));
            schema = List.copyOf(next);
        }

        private List<Field<?>> refs(List<Column> cols) {
            List<Field<?>> out = new ArrayList<>();
            for (Column c : cols) {
                out.add(ref(c.name()));
            }
            return out;
        }

        private static Field<Object> ref(String name) {
            return DSL.field(DSL.name(name));
        }

        private static List<Column> without(List<Column> cols, String name) {
            List<Column> out = new ArrayList<>();
            for (Column c : cols) {
                if (!c.name().equals(name)) {
                    out.add(c);
                }
            }
            return out;
        }

        private static Column column(String name, Typed t, Expr at) {
            if (t.type() == null) {
                throw Errors.unsupported("a time span as a column value", at);
            }
            return new Column(name, t.type(), t.multiValued());
        }

        // ------------------------------------------------------------ source commands

        @Override
        public Void visitFrom(From from) {
            if (!from.metadata().isEmpty()) {
                throw Errors.unsupported("FROM ... METADATA", from);
            }
            SourceTable table = null;
            for (String pattern : from.indexPatterns()) {
                SourceTable t = sources.resolve(pattern).orElseThrow(() -> Errors.semantic("Unknown index [" + pattern
                        + "]; known sources: " + String.join(", ", sources.knownSources()), from));
                if (table != null && !table.table().equals(t.table())) {
                    throw Errors.unsupported("FROM over several tables", from);
                }
                table = t;
            }
            List<Column> cols = new ArrayList<>();
            var observed = ReferencedNames.of(query);
            for (SourceColumn c : table.columns()) {
                if (observed == null || observed.test(c.name())) {
                    cols.add(new Column(c.name(), c.type(), c.multiValued()));
                }
            }
            cols.sort(Comparator.comparing(Column::name));
            List<String> names = cols.stream().map(Column::name).toList();
            pushSelect(cols, names, DSL.select(refs(cols)).from(DSL.table(DSL.name(table.table()))));
            return null;
        }

        @Override
        public Void visitRow(Row row) {
            Map<String, Typed> values = new LinkedHashMap<>();
            Map<String, Alias> aliases = new HashMap<>();
            for (Alias a : row.fields()) {
                values.remove(a.name());
                values.put(a.name(), rows().translate(a.expr()));
                aliases.put(a.name(), a);
            }
            List<Column> cols = new ArrayList<>();
            List<SelectField<?>> fields = new ArrayList<>();
            for (Map.Entry<String, Typed> e : values.entrySet()) {
                cols.add(column(e.getKey(), e.getValue(), aliases.get(e.getKey()).expr()));
                fields.add(e.getValue().field());
            }
            pushSelect(cols, cols.stream().map(Column::name).toList(), DSL.select(fields));
            return null;
        }

        // ------------------------------------------------------------ row-wise commands

        @Override
        public Void visitWhere(Where where) {
            Condition c = rows().condition(where.condition());
            push(schema, refs(schema), true, s -> ((SelectJoinStep<?>) s).where(c));
            return null;
        }

        @Override
        public Void visitEval(Eval eval) {
            for (Alias a : eval.fields()) {
                Typed t = rows().translate(a.expr());
                List<Column> next = without(schema, a.name());
                List<Field<?>> exprs = refs(next);
                next.add(column(a.name(), t, a.expr()));
                exprs.add(t.field());
                push(next, exprs, true, UnaryOperator.identity());
            }
            return null;
        }

        @Override
        public Void visitDissect(Dissect d) {
            Typed in = extractInput(d.input(), d, "DISSECT");
            DissectPattern p;
            try {
                p = DissectPattern.parse(d.pattern(), d.appendSeparator());
            } catch (IllegalArgumentException e) {
                throw Errors.semantic(e.getMessage(), d);
            }
            if (p.outputs().isEmpty()) {
                return null;
            }
            List<Column> outCols = new ArrayList<>();
            List<Field<?>> outFields = new ArrayList<>();
            for (DissectPattern.Output o : p.outputs()) {
                outCols.add(new Column(o.name(), ValueType.KEYWORD, false));
                Field<?> value = null;
                for (int g : o.groups()) {
                    Field<?> piece = group(g, in.multiValued());
                    value = value == null ? piece
                            : DSL.field("({0} || {1} || {2})", String.class, value, DSL.inline(p.appendSeparator()), piece);
                }
                outFields.add(value);
            }
            extract(in, p.regex(), p.groupCount(), outCols, outFields);
            return null;
        }

        /**
         * Returns capture group {@code g} of the struct an extraction stage computed; for a multi-valued
         * input the struct is the lambda variable of a {@code list_transform} over the matched values.
         */
        private Field<?> group(int g, boolean multiValued) {
            Field<?> struct = multiValued ? DSL.field(DSL.name("__s")) : ref(EXTRACT);
            return DSL.function("struct_extract", String.class, struct, DSL.inline("g" + g));
        }

        /**
         * Adds the two stages of DISSECT and GROK: one matches {@code regex} once per row into a struct
         * (null when it does not match, so every output is null and the row stays), the next appends
         * the outputs, replacing columns of the same names.
         */
        private void extract(Typed in, String regex, int groupCount, List<Column> outCols, List<Field<?>> outFields) {
            List<Field<?>> names = new ArrayList<>();
            for (int g = 1; g <= groupCount; g++) {
                names.add(DSL.inline("g" + g));
            }
            Field<?> re = DSL.inline(regex);
            Field<?> nameList = DSL.function("list_value", Object.class, names.toArray(Field<?>[]::new));
            // regexp_extract yields '' for every group when nothing matches; ES|QL yields null.
            String match = "CASE WHEN regexp_matches({0}, {1}) THEN regexp_extract({0}, {1}, {2}) END";
            Field<?> struct = DSL.field(match, Object.class, in.field(), re, nameList);
            if (in.multiValued()) {
                // Each value is matched on its own; values that do not match contribute nothing.
                Field<?> one = DSL.field(match, Object.class, DSL.field(DSL.name("__v")), re, nameList);
                struct = DSL.field("list_filter(list_transform({0}, lambda \"__v\": {1}), lambda \"__m\": \"__m\" IS NOT NULL)", Object.class, in.field(), one);
                List<Column> cols = new ArrayList<>();
                List<Field<?>> fields = new ArrayList<>();
                for (int i = 0; i < outCols.size(); i++) {
                    Column c = outCols.get(i);
                    String collect = c.multiValued() ? "flatten(list_transform({0}, lambda \"__s\": {1}))" : "list_transform({0}, lambda \"__s\": {1})";
                    fields.add(DSL.field("list_filter(" + collect + ", lambda \"__o\": \"__o\" IS NOT NULL)", Object.class, ref(EXTRACT), outFields.get(i)));
                    cols.add(new Column(c.name(), c.type(), true));
                }
                outCols = cols;
                outFields = fields;
            }
            List<Column> withStruct = new ArrayList<>(schema);
            List<Field<?>> exprs = refs(schema);
            withStruct.add(new Column(EXTRACT, ValueType.UNSUPPORTED, false));
            exprs.add(struct);
            push(withStruct, exprs, true, UnaryOperator.identity());
            List<Column> next = new ArrayList<>(schema);
            List<Column> outputs = outCols;
            next.removeIf(c -> c.name().equals(EXTRACT) || outputs.stream().anyMatch(o -> o.name().equals(c.name())));
            List<Field<?>> out = refs(next);
            next.addAll(outCols);
            out.addAll(outFields);
            push(next, out, true, UnaryOperator.identity());
        }

        private Typed extractInput(Expr input, Command at, String command) {
            Typed in = rows().translate(input);
            if (!in.isNullConstant() && (in.type() == null || !(SqlTypes.isString(in.type()) || in.type() == ValueType.NULL))) {
                throw Errors.semantic(command + " only supports KEYWORD or TEXT values, found expression [" + input.source().text()
                        + "] type [" + ExpressionTranslator.typeName(in) + "]", at);
            }
            return in;
        }

        @Override
        public Void visitGrok(Grok g) {
            if (g.patterns().size() != 1) {
                throw Errors.unsupported("GROK with several patterns", g);
            }
            Typed in = extractInput(g.input(), g, "GROK");
            GrokPattern p;
            try {
                p = GrokPattern.compile(g.patterns().get(0));
            } catch (IllegalArgumentException e) {
                throw Errors.unsupported(e.getMessage(), g);
            }
            List<Column> outCols = new ArrayList<>();
            List<Field<?>> outFields = new ArrayList<>();
            for (GrokPattern.Field f : p.fields()) {
                String cast = switch (f.type()) {
                    case INTEGER -> "try_cast(%s AS INTEGER)";
                    case LONG -> "try_cast(%s AS BIGINT)";
                    case DOUBLE -> "try_cast(%s AS DOUBLE)";
                    case BOOLEAN -> "(lower(%s) = 'true')";
                    default -> "%s";
                };
                // RE2 reports a group that did not take part as ''; grok leaves such a field unset.
                List<Field<?>> pieces = new ArrayList<>();
                for (int group : f.groups()) {
                    pieces.add(DSL.function("nullif", String.class, group(group, in.multiValued()), DSL.inline("")));
                }
                if (pieces.size() == 1) {
                    outCols.add(new Column(f.name(), f.type(), false));
                    outFields.add(DSL.field(cast.replace("%s", "{0}"), SqlTypes.of(f.type()), pieces.get(0)));
                } else {
                    outCols.add(new Column(f.name(), f.type(), true));
                    Field<?> list = DSL.function("list_value", Object.class, pieces.toArray(Field<?>[]::new));
                    outFields.add(DSL.field("list_transform(list_filter({0}, lambda v: v IS NOT NULL), lambda v: " + cast.replace("%s", "v") + ")", Object.class, list));
                }
            }
            extract(in, p.regex(), p.groupCount(), outCols, outFields);
            return null;
        }

        @Override
        public Void visitMvExpand(MvExpand m) {
            Column c = scope().get(m.field());
            if (c == null) {
                throw Errors.semantic("Unknown column [" + m.field() + "]", m);
            }
            if (!c.multiValued()) {
                return null;
            }
            List<Column> next = new ArrayList<>();
            List<SelectField<?>> exprs = new ArrayList<>();
            Field<?> values = DSL.field("CASE WHEN len({0}) > 0 THEN {0} ELSE [NULL] END", Object.class, ref(c.name()));
            for (Column col : schema) {
                if (col == c) {
                    next.add(new Column(c.name(), c.type(), false));
                    // A null or empty field keeps its row, with a null value.
                    exprs.add(DSL.field("unnest({0})", Object.class, values));
                } else {
                    next.add(col);
                    exprs.add(ref(col.name()));
                }
            }
            List<String> names = new ArrayList<>(next.stream().map(Column::name).toList());
            if (ordered) {
                // The expanded rows keep their value order within the earlier SORT: DuckDB zips the two
                // unnests, so each value gets its position as a fraction added to the row's rank.
                exprs.add(DSL.field("{0} + unnest(range(len({1}))) / (len({1}) + 1.0)", Object.class, ref(ORDER), values));
                names.add(ORDER);
            }
            pushSelect(next, names, DSL.select(exprs).from(current));
            return null;
        }

        // ------------------------------------------------------------ ordering and limits

        @Override
        public Void visitSort(Sort sort) {
            List<SortField<?>> keys = new ArrayList<>();
            for (Order o : sort.orders()) {
                Typed t = rows().translate(o.expr());
                if (t.type() == null) {
                    throw Errors.semantic("cannot sort on a time span", o);
                }
                if (t.type() == ValueType.VERSION) {
                    throw Errors.unsupported("SORT on version", o);
                }
                Field<?> f = t.field();
                if (t.type() == ValueType.IP) {
                    f = t.multiValued() ? IpOrder.extremeKey(f, o.descending()) : IpOrder.key(f);
                } else if (t.multiValued()) {
                    // ES|QL sorts a multi-value by its minimum ascending and its maximum descending.
                    f = DSL.function(o.descending() ? "list_max" : "list_min", SqlTypes.of(t.type()), f);
                }
                SortField<?> k = o.descending() ? f.desc() : f.asc();
                keys.add(o.nullsFirst() ? k.nullsFirst() : k.nullsLast());
            }
            if (ordered) {
                // Ties keep the order of an earlier SORT, as Elasticsearch's results show.
                keys.add(ref(ORDER).asc());
            }
            if (sortIsFinal) {
                finalOrder = keys;
                return null;
            }
            List<SelectField<?>> fields = new ArrayList<>(refs(schema));
            fields.add(DSL.rowNumber().over(DSL.orderBy(keys)));
            List<String> names = new ArrayList<>(schema.stream().map(Column::name).toList());
            names.add(ORDER);
            pushSelect(schema, names, DSL.select(fields).from(current));
            ordered = true;
            return null;
        }

        @Override
        public Void visitLimit(Limit limit) {
            boolean wasOrdered = ordered;
            push(schema, refs(schema), true, s -> wasOrdered
                    ? ((SelectJoinStep<?>) s).orderBy(ref(ORDER)).limit(DSL.inline(limit.count()))
                    : ((SelectJoinStep<?>) s).limit(DSL.inline(limit.count())));
            return null;
        }

        // ------------------------------------------------------------ column-list commands

        @Override
        public Void visitKeep(Keep keep) {
            // Precedence: an exact name beats a partial wildcard, which beats a lone '*'; among equals the last pattern decides.
            Map<String, int[]> claim = new HashMap<>();
            for (int i = 0; i < keep.patterns().size(); i++) {
                NamePattern p = keep.patterns().get(i);
                int rank = !p.hasWildcard() ? 2 : p.pattern().equals("*") ? 0 : 1;
                boolean any = false;
                for (Column c : schema) {
                    if (p.hasWildcard() ? p.matches(c.name()) : p.pattern().equals(c.name())) {
                        any = true;
                        int[] old = claim.get(c.name());
                        if (old == null || rank >= old[0]) {
                            claim.put(c.name(), new int[] {rank, i});
                        }
                    }
                }
                if (!any) {
                    throw Errors.semantic(p.hasWildcard() ? "No matches found for pattern [" + p.pattern() + "]"
                            : "Unknown column [" + p.pattern() + "]", p);
                }
            }
            List<Column> next = new ArrayList<>();
            for (int i = 0; i < keep.patterns().size(); i++) {
                for (Column c : schema) {
                    int[] cl = claim.get(c.name());
                    if (cl != null && cl[1] == i) {
                        next.add(c);
                    }
                }
            }
            push(next, refs(next), true, UnaryOperator.identity());
            return null;
        }

        @Override
        public Void visitDrop(Drop drop) {
            List<Column> next = new ArrayList<>(schema);
            for (NamePattern p : drop.patterns()) {
                boolean any = schema.stream().anyMatch(c -> p.hasWildcard() ? p.matches(c.name()) : p.pattern().equals(c.name()));
                if (!any) {
                    throw Errors.semantic(p.hasWildcard() ? "No matches found for pattern [" + p.pattern() + "]"
                            : "Unknown column [" + p.pattern() + "]", p);
                }
                next.removeIf(c -> p.hasWildcard() ? p.matches(c.name()) : p.pattern().equals(c.name()));
            }
            push(next, refs(next), true, UnaryOperator.identity());
            return null;
        }

        @Override
        public Void visitRename(Rename rename) {
            List<Column> cols = new ArrayList<>(schema);
            List<String> sourceNames = new ArrayList<>(schema.stream().map(Column::name).toList());
            for (RenamePair p : rename.pairs()) {
                int at = -1;
                for (int i = 0; i < cols.size(); i++) {
                    if (cols.get(i).name().equals(p.oldName())) {
                        at = i;
                    }
                }
                if (at < 0) {
                    throw Errors.semantic("Unknown column [" + p.oldName() + "]", p);
                }
                Column c = cols.get(at);
                cols.set(at, new Column(p.newName(), c.type(), c.multiValued()));
                for (int i = cols.size() - 1; i >= 0; i--) {
                    if (i != at && cols.get(i).name().equals(p.newName())) {
                        cols.remove(i);
                        sourceNames.remove(i);
                    }
                }
            }
            List<Field<?>> exprs = new ArrayList<>();
            for (String s : sourceNames) {
                exprs.add(ref(s));
            }
            push(cols, exprs, true, UnaryOperator.identity());
            return null;
        }

        // ------------------------------------------------------------ STATS

        @Override
        public Void visitStats(Stats stats) {
            new StatsBuilder(stats).build();
            return null;
        }

        @Override
        public Void visitUnsupportedCommand(UnsupportedCommand c) {
            throw Errors.unsupported(c.keyword(), c);
        }

        /** Translates one STATS command: keys (multi-values expanded) and aggregates over the original rows. */
        private final class StatsBuilder {
            private final Stats stats;

            StatsBuilder(Stats stats) {
                this.stats = stats;
            }

            void build() {
                Map<String, Column> rowScope = scope();
                List<Typed> keys = new ArrayList<>();
                boolean needKeyStage = false;
                // A grouping shadowed by a later one of the same name does not group at all.
                List<Alias> groupings = new ArrayList<>();
                for (Alias g : stats.groupings()) {
                    groupings.removeIf(o -> o.name().equals(g.name()));
                    groupings.add(g);
                }
                for (Alias g : groupings) {
                    Typed t = new ExpressionTranslator(rowScope, functions, null).translate(g.expr());
                    if (t.type() == null) {
                        throw Errors.unsupported("grouping by a time span", g);
                    }
                    keys.add(t);
                    needKeyStage |= t.multiValued() || !(g.expr() instanceof FieldRef);
                }
                List<Field<?>> keyFields = new ArrayList<>();
                if (needKeyStage) {
                    List<Column> base = new ArrayList<>(schema);
                    for (int i = 0; i < keys.size(); i++) {
                        Typed k = keys.get(i);
                        List<Column> next = new ArrayList<>(base);
                        List<Field<?>> exprs = refs(base);
                        String name = "__g" + i;
                        next.add(new Column(name, k.type(), false));
                        // One key per stage: DuckDB zips several unnests, ES|QL takes their cross product.
                        exprs.add(k.multiValued()
                                ? DSL.field("unnest(CASE WHEN len({0}) > 0 THEN {0} ELSE [NULL] END)", Object.class, k.field())
                                : k.field());
                        push(next, exprs, false, UnaryOperator.identity());
                        base = next;
                        keyFields.add(ref(name));
                    }
                } else {
                    for (Typed k : keys) {
                        keyFields.add(k.field());
                    }
                }
                // Aggregate arguments and filters see a computed grouping by its name, as Elasticsearch resolves them.
                Map<String, Column> aggRowScope = new HashMap<>(rowScope);
                for (int i = 0; i < groupings.size(); i++) {
                    Alias g = groupings.get(i);
                    if (g.expr() instanceof FieldRef f) {
                        aggRowScope.put(g.name(), rowScope.get(f.name()));
                    } else {
                        aggRowScope.put(g.name(), new Column("__g" + i, keys.get(i).type(), false));
                    }
                }
                // Aggregates are computed in one stage as hidden columns; a second stage applies any
                // expression around them, because DuckDB forbids aggregates inside try().
                List<Column> aggCols = new ArrayList<>();
                List<Field<?>> aggFields = new ArrayList<>();
                List<Column> outCols = new ArrayList<>();
                List<Typed> outValues = new ArrayList<>();
                for (Aggregate a : stats.aggregates()) {
                    Condition filter = a.filter() == null ? null
                            : new ExpressionTranslator(aggRowScope, functions, null).condition(a.filter());
                    ExpressionTranslator aggs = new ExpressionTranslator(keyScope(groupings, keys), functions, call -> {
                        Typed agg = aggregate(call, aggRowScope, filter);
                        if (agg.constant()) {
                            return agg;
                        }
                        String hidden = "__a" + aggCols.size();
                        aggCols.add(new Column(hidden, agg.type(), agg.multiValued()));
                        aggFields.add(agg.field());
                        Field<?> r = DSL.field(DSL.name(hidden), SqlTypes.of(agg.type()));
                        return agg.multiValued() ? Typed.list(r, agg.type()) : Typed.of(r, agg.type());
                    });
                    // An expression without aggregates may still use the grouping keys, which the scope provides.
                    Typed t = aggs.translate(a.alias().expr());
                    outCols.add(column(a.alias().name(), t, a.alias().expr()));
                    outValues.add(t);
                }
                List<Column> groupCols = new ArrayList<>(aggCols);
                List<Field<?>> groupFields = new ArrayList<>(aggFields);
                if (aggCols.isEmpty() && keys.isEmpty()) {
                    // STATS without BY returns exactly one row even when every aggregate folded to a constant.
                    groupCols.add(new Column("__rows", ValueType.LONG, false));
                    groupFields.add(DSL.count());
                }
                for (int i = 0; i < keys.size(); i++) {
                    Typed k = keys.get(i);
                    String hidden = "__k" + i;
                    groupCols.add(new Column(hidden, k.type(), false));
                    groupFields.add(keyFields.get(i));
                    outCols.add(new Column(groupings.get(i).name(), k.type(), false));
                    outValues.add(Typed.of(DSL.field(DSL.name(hidden), SqlTypes.of(k.type())), k.type()));
                }
                // When two columns share a name the last one wins, as in Elasticsearch.
                for (int i = outCols.size() - 1; i >= 0; i--) {
                    for (int j = i - 1; j >= 0; j--) {
                        if (outCols.get(j).name().equals(outCols.get(i).name())) {
                            outCols.remove(j);
                            outValues.remove(j);
                            i--;
                        }
                    }
                }
                List<Field<?>> groupBy = List.copyOf(keyFields);
                push(groupCols, groupFields, false, s -> groupBy.isEmpty() ? s : ((SelectJoinStep<?>) s).groupBy(groupBy));
                List<Field<?>> outFields = new ArrayList<>();
                outValues.forEach(v -> outFields.add(v.field()));
                push(outCols, outFields, false, UnaryOperator.identity());
            }

            /** Lets an expression around aggregates refer to the grouping keys, which the projection stage holds as hidden columns. */
            private Map<String, Column> keyScope(List<Alias> groupings, List<Typed> keys) {
                Map<String, Column> m = new HashMap<>();
                for (int i = 0; i < groupings.size(); i++) {
                    m.put(groupings.get(i).name(), new Column("__k" + i, keys.get(i).type(), false));
                }
                return m;
            }

            private Typed aggregate(FunctionCall call, Map<String, Column> rowScope, Condition filter) {
                ExpressionTranslator row = new ExpressionTranslator(rowScope, functions, null);
                List<Typed> args = new ArrayList<>();
                for (Expr e : call.args()) {
                    args.add(row.translate(e));
                }
                return functions.aggregate(call, args, filter);
            }
        }
    }
}
