package dev.trailhunt.translate;

import static dev.trailhunt.translate.Pipeline.ref;
import static dev.trailhunt.translate.Pipeline.refs;

import dev.trailhunt.esql.ast.Alias;
import dev.trailhunt.esql.ast.CommandVisitor;
import dev.trailhunt.esql.ast.Dissect;
import dev.trailhunt.esql.ast.Drop;
import dev.trailhunt.esql.ast.Eval;
import dev.trailhunt.esql.ast.From;
import dev.trailhunt.esql.ast.Grok;
import dev.trailhunt.esql.ast.Keep;
import dev.trailhunt.esql.ast.Limit;
import dev.trailhunt.esql.ast.MvExpand;
import dev.trailhunt.esql.ast.NamePattern;
import dev.trailhunt.esql.ast.Order;
import dev.trailhunt.esql.ast.Command;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.esql.ast.FieldRef;
import dev.trailhunt.esql.ast.FunctionCall;
import dev.trailhunt.esql.ast.Node;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.esql.ast.Rename;
import dev.trailhunt.esql.ast.RenamePair;
import dev.trailhunt.esql.ast.Row;
import dev.trailhunt.esql.ast.Sort;
import dev.trailhunt.esql.ast.Stats;
import dev.trailhunt.esql.ast.UnsupportedCommand;
import dev.trailhunt.esql.ast.Where;
import dev.trailhunt.model.TimeBound;
import dev.trailhunt.model.ValueType;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SelectField;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Translates one command into the stages it appends to a pipeline, tracking ES|QL's column
 * placement: EVAL, DISSECT and STATS append, shadowed names disappear, FROM is alphabetical.
 *
 * <p>Only tables from the {@link SourceCatalog} are referenced; query text reaches SQL only as
 * inlined literals and quoted names.
 */
final class CommandTranslator implements CommandVisitor<Pipeline> {
    private static final String TIMESTAMP = "@timestamp";

    private final Pipeline in;
    private final SourceCatalog sources;
    private final Query query;
    private final Session session;
    private final boolean sortIsFinal;

    /**
     * Creates the translator of one command.
     *
     * @param in the pipeline before the command
     * @param sources the tables FROM may read
     * @param query the whole query, whose referenced names let FROM select fewer columns
     * @param session now, time zone and dialect
     * @param sortIsFinal whether the command is a SORT that only a final LIMIT follows, which becomes
     *     the statement's ORDER BY so that DuckDB can use a top-N
     */
    CommandTranslator(Pipeline in, SourceCatalog sources, Query query, Session session, boolean sortIsFinal) {
        this.in = in;
        this.sources = sources;
        this.query = query;
        this.session = session;
        this.sortIsFinal = sortIsFinal;
    }

    private ExpressionTranslator rows(Pipeline p) {
        return new ExpressionTranslator(p.scope(), session, null);
    }

    // ---------------------------------------------------------------- source commands

    @Override
    public Pipeline visitFrom(From from) {
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
        Predicate<String> observed = ReferencedNames.of(query);
        for (SourceColumn c : table.columns()) {
            if (observed == null || observed.test(c.name())) {
                cols.add(new Column(c.name(), c.type(), c.multiValued()));
            }
        }
        cols.sort(Comparator.comparing(Column::name));
        List<SelectField<?>> fields = new ArrayList<>();
        for (Column c : cols) {
            fields.add(IgnoreAbove.read(c.name(), session.dialect()));
        }
        boolean raw = table.columns().stream().anyMatch(c -> c.name().equals("event.original"));
        for (String name : ReferencedNames.mentioned(query)) {
            // aws.cloudtrail.flattened.* leaves are derived from the raw record only when a query names them.
            if (raw && FlattenedFields.isFlattened(name) && cols.stream().noneMatch(c -> c.name().equals(name))) {
                if (session.trino()) {
                    // Its leaves come from DuckDB's JSON list functions; Trino has no rendering of them yet.
                    throw Errors.unsupportedOn(Dialect.TRINO, name + " (derived from event.original)", reference(query, name, from));
                }
                cols.add(new Column(name, ValueType.KEYWORD, true));
                fields.add(FlattenedFields.leaves(name).as(DSL.name(name)));
            }
        }
        for (String name : storedTexts(query)) {
            // $stored_contains reads the value as stored, before ignore_above hides a long one: a test DuckDB can push into its scan.
            if (table.columns().stream().anyMatch(c -> c.name().equals(name))) {
                cols.add(new Column(HiddenNames.stored(name), ValueType.KEYWORD, false));
                fields.add(DSL.field(DSL.name(name)).as(DSL.name(HiddenNames.stored(name))));
            }
        }
        for (String m : from.metadata()) {
            // Only _index has a faithful answer, and only when every row comes from one known index.
            if (!m.equals("_index") || table.index() == null || from.indexPatterns().size() != 1) {
                throw Errors.unsupported("FROM ... METADATA " + m, from);
            }
            cols.removeIf(c -> c.name().equals(m));
            fields.removeIf(f -> f.getName().equals(m));
            cols.add(new Column(m, ValueType.KEYWORD, false));
            fields.add(DSL.inline(table.index()));
        }
        var select = DSL.select(fields).from(DSL.table(DSL.name(table.table())));
        Condition days = table.partitions() == null ? null : PartitionWindow.of(query, table.partitions(), session);
        Condition where = days == null ? bound(table, from) : bound(table, from).and(days);
        return in.then(from, cols, false, select.where(where));
    }

    /** Returns the fields whose stored value a {@code $stored_contains} call of the query's WHERE commands tests, sorted. */
    static java.util.SortedSet<String> storedTexts(Query query) {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        for (Expr e : whereExpressions(query)) {
            if (e instanceof FunctionCall f && f.name().equals(SearchFunctions.STORED_CONTAINS) && !f.args().isEmpty()
                    && f.args().get(0) instanceof FieldRef field) {
                names.add(field.name());
            }
        }
        return names;
    }

    /** Returns the first reference to a field in the query's WHERE commands, for an error's position; else {@code fallback}. */
    private static Node reference(Query query, String name, Node fallback) {
        for (Expr e : whereExpressions(query)) {
            if (e instanceof FieldRef f && f.name().equals(name)) {
                return f;
            }
        }
        return fallback;
    }

    /** Lists every expression of the query's WHERE commands, breadth first, conditions in command order. */
    private static List<Expr> whereExpressions(Query query) {
        List<Expr> out = new ArrayList<>();
        java.util.ArrayDeque<Expr> todo = new java.util.ArrayDeque<>();
        for (Command c : query.commands()) {
            if (c instanceof Where w) {
                todo.add(w.condition());
            }
        }
        while (!todo.isEmpty()) {
            Expr e = todo.poll();
            out.add(e);
            todo.addAll(dev.trailhunt.esql.ast.ExprChildren.of(e));
        }
        return out;
    }

    /** Returns the run's time bound on the table's {@code @timestamp}, applied before any command sees a row. */
    private Condition bound(SourceTable table, From from) {
        TimeBound b = session.bound();
        if (b.isNone()) {
            return DSL.noCondition();
        }
        if (table.columns().stream().noneMatch(c -> c.name().equals(TIMESTAMP))) {
            throw Errors.unsupported("a time bound (--from, --to, --now) on a source without @timestamp", from);
        }
        Field<LocalDateTime> ts = DSL.field(DSL.name(TIMESTAMP), SQLDataType.LOCALDATETIME);
        Condition c = DSL.noCondition();
        if (b.from() != null) {
            c = c.and(ts.ge(DSL.inline(LocalDateTime.ofInstant(b.from(), ZoneOffset.UTC), SQLDataType.LOCALDATETIME)));
        }
        if (b.until() != null) {
            Field<LocalDateTime> until = DSL.inline(LocalDateTime.ofInstant(b.until(), ZoneOffset.UTC), SQLDataType.LOCALDATETIME);
            c = c.and(b.untilInclusive() ? ts.le(until) : ts.lt(until));
        }
        return c;
    }

    @Override
    public Pipeline visitRow(Row row) {
        Map<String, Typed> values = new LinkedHashMap<>();
        Map<String, Alias> aliases = new HashMap<>();
        for (Alias a : row.fields()) {
            values.remove(a.name());
            values.put(a.name(), rows(in).translate(a.expr()));
            aliases.put(a.name(), a);
        }
        List<Column> cols = new ArrayList<>();
        List<SelectField<?>> fields = new ArrayList<>();
        for (Map.Entry<String, Typed> e : values.entrySet()) {
            cols.add(Column.of(e.getKey(), e.getValue(), aliases.get(e.getKey()).expr()));
            fields.add(e.getValue().field());
        }
        return in.then(row, cols, false, DSL.select(fields));
    }

    // ---------------------------------------------------------------- row-wise commands

    @Override
    public Pipeline visitWhere(Where where) {
        Condition c = rows(in).condition(where.condition());
        return in.select(where, in.columns(), refs(in.columns()), true, s -> s.where(c));
    }

    @Override
    public Pipeline visitEval(Eval eval) {
        Pipeline p = in;
        for (Alias a : eval.fields()) {
            Typed t = rows(p).translate(a.expr());
            List<Column> next = without(p.columns(), a.name());
            List<Field<?>> exprs = refs(next);
            next.add(Column.of(a.name(), t, a.expr()));
            exprs.add(t.field());
            p = p.select(eval, next, exprs, true);
        }
        return p;
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

    @Override
    public Pipeline visitDissect(Dissect d) {
        return new Extraction(in, session).dissect(d);
    }

    @Override
    public Pipeline visitGrok(Grok g) {
        return new Extraction(in, session).grok(g);
    }

    @Override
    public Pipeline visitMvExpand(MvExpand m) {
        Column c = in.scope().get(m.field());
        if (c == null) {
            throw Errors.semantic("Unknown column [" + m.field() + "]", m);
        }
        if (!c.multiValued()) {
            return in;
        }
        session.requireDuckdb(m, "MV_EXPAND of a multi-valued field");
        List<Column> next = new ArrayList<>();
        List<SelectField<?>> exprs = new ArrayList<>();
        Field<?> values = DSL.field("CASE WHEN len({0}) > 0 THEN {0} ELSE [NULL] END", Object.class, ref(c.name()));
        for (Column col : in.columns()) {
            if (col == c) {
                next.add(new Column(c.name(), c.type(), false));
                // A null or empty field keeps its row, with a null value.
                exprs.add(DSL.field("unnest({0})", Object.class, values));
            } else {
                next.add(col);
                exprs.add(ref(col.name()));
            }
        }
        if (in.ordered()) {
            // The expanded rows keep their value order within the earlier SORT: DuckDB zips the two
            // unnests, so each value gets its position as a fraction added to the row's rank.
            exprs.add(DSL.field("{0} + unnest(range(len({1}))) / (len({1}) + 1.0)", Object.class, ref(HiddenNames.ORDER), values));
        }
        return in.then(m, next, in.ordered(), DSL.select(exprs).from(in.last().table()));
    }

    // ---------------------------------------------------------------- ordering and limits

    @Override
    public Pipeline visitSort(Sort sort) {
        List<SortField<?>> keys = new ArrayList<>();
        for (Order o : sort.orders()) {
            Typed t = rows(in).translate(o.expr());
            if (t.isSpan()) {
                throw Errors.semantic("cannot sort on a time span", o);
            }
            if (t.type() == ValueType.VERSION) {
                throw Errors.unsupported("SORT on version", o);
            }
            if (t.type() == ValueType.GEO_POINT) {
                // Elasticsearch's verifier refuses it; ordering WKT text would be a made-up order.
                throw Errors.unsupported("SORT on geo_point", o);
            }
            Field<?> f = t.field();
            if (t.type() == ValueType.IP) {
                if (t.multiValued()) {
                    session.requireDuckdb(o, "SORT on a multi-valued ip");
                }
                f = t.multiValued() ? IpOrder.extremeKey(f, o.descending()) : IpOrder.key(f);
            } else if (t.multiValued()) {
                session.requireDuckdb(o, "SORT on a multi-valued field");
                // ES|QL sorts a multi-value by its minimum ascending and its maximum descending.
                f = DSL.function(o.descending() ? "list_max" : "list_min", SqlTypes.of(t.type()), f);
            }
            SortField<?> k = o.descending() ? f.desc() : f.asc();
            keys.add(o.nullsFirst() ? k.nullsFirst() : k.nullsLast());
        }
        if (in.ordered()) {
            // Ties keep the order of an earlier SORT, as Elasticsearch's results show.
            keys.add(ref(HiddenNames.ORDER).asc());
        }
        if (sortIsFinal) {
            return in.endingIn(keys);
        }
        List<SelectField<?>> fields = new ArrayList<>(refs(in.columns()));
        fields.add(DSL.rowNumber().over(DSL.orderBy(keys)));
        return in.then(sort, in.columns(), true, DSL.select(fields).from(in.last().table()));
    }

    @Override
    public Pipeline visitLimit(Limit limit) {
        boolean ordered = in.ordered();
        return in.select(limit, in.columns(), refs(in.columns()), true, s -> ordered
                ? s.orderBy(ref(HiddenNames.ORDER)).limit(DSL.inline(limit.count()))
                : s.limit(DSL.inline(limit.count())));
    }

    // ---------------------------------------------------------------- column-list commands

    @Override
    public Pipeline visitKeep(Keep keep) {
        List<Column> schema = in.columns();
        // Precedence: an exact name beats a partial wildcard, which beats a lone '*'; among equals the last pattern decides.
        Map<String, int[]> claim = new HashMap<>();
        for (int i = 0; i < keep.patterns().size(); i++) {
            NamePattern p = keep.patterns().get(i);
            int rank = !p.hasWildcard() ? 2 : p.pattern().equals("*") ? 0 : 1;
            boolean any = false;
            for (Column c : schema) {
                if (matches(p, c)) {
                    any = true;
                    int[] old = claim.get(c.name());
                    if (old == null || rank >= old[0]) {
                        claim.put(c.name(), new int[] {rank, i});
                    }
                }
            }
            if (!any) {
                throw noMatch(p);
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
        return in.select(keep, next, refs(next), true);
    }

    @Override
    public Pipeline visitDrop(Drop drop) {
        List<Column> schema = in.columns();
        List<Column> next = new ArrayList<>(schema);
        for (NamePattern p : drop.patterns()) {
            if (schema.stream().noneMatch(c -> matches(p, c))) {
                throw noMatch(p);
            }
            next.removeIf(c -> matches(p, c));
        }
        return in.select(drop, next, refs(next), true);
    }

    private static boolean matches(NamePattern p, Column c) {
        return p.hasWildcard() ? p.matches(c.name()) : p.pattern().equals(c.name());
    }

    private static EsqlException noMatch(NamePattern p) {
        return Errors.semantic(p.hasWildcard() ? "No matches found for pattern [" + p.pattern() + "]"
                : "Unknown column [" + p.pattern() + "]", p);
    }

    @Override
    public Pipeline visitRename(Rename rename) {
        List<Column> cols = new ArrayList<>(in.columns());
        List<String> sourceNames = new ArrayList<>(cols.stream().map(Column::name).toList());
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
        return in.select(rename, cols, exprs, true);
    }

    // ---------------------------------------------------------------- STATS and the rest

    @Override
    public Pipeline visitStats(Stats stats) {
        return new StatsBuilder(in, stats, session).build();
    }

    @Override
    public Pipeline visitUnsupportedCommand(UnsupportedCommand c) {
        throw Errors.unsupported(c.keyword(), c);
    }
}
