package dev.trailhunt.translate;

import static dev.trailhunt.translate.Pipeline.ref;
import static dev.trailhunt.translate.Pipeline.refs;

import dev.trailhunt.esql.ast.Aggregate;
import dev.trailhunt.esql.ast.Alias;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.esql.ast.FieldRef;
import dev.trailhunt.esql.ast.FunctionCall;
import dev.trailhunt.esql.ast.Stats;
import dev.trailhunt.model.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Translates one STATS command: grouping keys (multi-values expanded, one stage per computed key),
 * then one stage computing every aggregate over the original rows as hidden columns, then one
 * stage applying the expressions around them.
 */
final class StatsBuilder {
    private final Pipeline in;
    private final Stats stats;
    private final Session session;

    StatsBuilder(Pipeline in, Stats stats, Session session) {
        this.in = in;
        this.stats = stats;
        this.session = session;
    }

    Pipeline build() {
        Map<String, Column> rowScope = in.scope();
        // A grouping shadowed by a later one of the same name does not group at all.
        List<Alias> groupings = new ArrayList<>();
        for (Alias g : stats.groupings()) {
            groupings.removeIf(o -> o.name().equals(g.name()));
            groupings.add(g);
        }
        List<Typed> keys = new ArrayList<>();
        boolean needKeyStage = false;
        for (Alias g : groupings) {
            Typed t = new ExpressionTranslator(rowScope, session, null).translate(g.expr());
            if (t.isSpan()) {
                throw Errors.unsupported("grouping by a time span", g);
            }
            keys.add(t);
            needKeyStage |= t.multiValued() || !(g.expr() instanceof FieldRef);
        }
        Pipeline p = in;
        List<Field<?>> keyFields = new ArrayList<>();
        if (needKeyStage) {
            for (int i = 0; i < keys.size(); i++) {
                Typed k = keys.get(i);
                List<Column> next = new ArrayList<>(p.columns());
                List<Field<?>> exprs = refs(p.columns());
                String name = HiddenNames.groupingValue(i);
                next.add(new Column(name, k.type(), false));
                if (k.multiValued()) {
                    session.requireDuckdb(stats, "STATS ... BY a multi-valued field");
                }
                // One key per stage: DuckDB zips several unnests, ES|QL takes their cross product.
                exprs.add(k.multiValued()
                        ? DSL.field("unnest(CASE WHEN len({0}) > 0 THEN {0} ELSE [NULL] END)", Object.class, k.field())
                        : k.field());
                p = p.select(stats, next, exprs, false);
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
                aggRowScope.put(g.name(), new Column(HiddenNames.groupingValue(i), keys.get(i).type(), false));
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
                    : new ExpressionTranslator(aggRowScope, session, null).condition(a.filter());
            ExpressionTranslator aggs = new ExpressionTranslator(keyScope(groupings, keys), session, call -> {
                Typed agg = aggregate(call, aggRowScope, filter);
                if (agg.constant()) {
                    return agg;
                }
                String hidden = HiddenNames.aggregate(aggCols.size());
                aggCols.add(new Column(hidden, agg.type(), agg.multiValued()));
                aggFields.add(agg.field());
                Field<?> r = DSL.field(DSL.name(hidden), SqlTypes.of(agg.type()));
                return agg.multiValued() ? Typed.list(r, agg.type()) : Typed.of(r, agg.type());
            });
            // An expression without aggregates may still use the grouping keys, which the scope provides.
            Typed t = aggs.translate(a.alias().expr());
            outCols.add(Column.of(a.alias().name(), t, a.alias().expr()));
            outValues.add(t);
        }
        List<Column> groupCols = new ArrayList<>(aggCols);
        List<Field<?>> groupFields = new ArrayList<>(aggFields);
        if (aggCols.isEmpty() && keys.isEmpty()) {
            // STATS without BY returns exactly one row even when every aggregate folded to a constant.
            groupCols.add(new Column(HiddenNames.ROWS, ValueType.LONG, false));
            groupFields.add(DSL.count());
        }
        for (int i = 0; i < keys.size(); i++) {
            Typed k = keys.get(i);
            String hidden = HiddenNames.groupingKey(i);
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
        Pipeline grouped = p.select(stats, groupCols, groupFields, false, s -> groupBy.isEmpty() ? s : s.groupBy(groupBy));
        List<Field<?>> outFields = new ArrayList<>();
        outValues.forEach(v -> outFields.add(v.field()));
        return grouped.select(stats, outCols, outFields, false);
    }

    /** Lets an expression around aggregates refer to the grouping keys, which the projection stage holds as hidden columns. */
    private static Map<String, Column> keyScope(List<Alias> groupings, List<Typed> keys) {
        Map<String, Column> m = new HashMap<>();
        for (int i = 0; i < groupings.size(); i++) {
            m.put(groupings.get(i).name(), new Column(HiddenNames.groupingKey(i), keys.get(i).type(), false));
        }
        return m;
    }

    private Typed aggregate(FunctionCall call, Map<String, Column> rowScope, Condition filter) {
        ExpressionTranslator row = new ExpressionTranslator(rowScope, session, null);
        List<Typed> args = new ArrayList<>();
        for (Expr e : call.args()) {
            args.add(row.translate(e));
        }
        return FunctionRegistry.standard().render(call, args, session, filter);
    }
}
