package dev.trailhunt.hunt;

import dev.trailhunt.esql.ast.Binary;
import dev.trailhunt.esql.ast.BinaryOp;
import dev.trailhunt.esql.ast.Command;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.esql.ast.FieldRef;
import dev.trailhunt.esql.ast.From;
import dev.trailhunt.esql.ast.In;
import dev.trailhunt.esql.ast.Literal;
import dev.trailhunt.esql.ast.LiteralType;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.esql.ast.Where;
import dev.trailhunt.esql.parser.EsqlParser;
import dev.trailhunt.ingest.RecordFilter;
import dev.trailhunt.model.EcsColumn;
import dev.trailhunt.model.EcsSchema;
import dev.trailhunt.translate.SourceColumns;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Works out what a one-off run ({@code --data}) must load for its hunts to give the rows a full
 * ingest gives: the ECS columns their queries can observe, and a byte filter that leaves out the
 * records none of their first WHERE commands can accept.
 *
 * @param columns the ECS columns to store, or null for all
 * @param filter  the record filter, or null to keep every record
 */
public record DataNeeds(Set<String> columns, RecordFilter filter) {
    /** Loads everything, as {@code ingest} does. */
    public static final DataNeeds ALL = new DataNeeds(null, null);

    /**
     * Names the fields whose value the ingest pipeline copies verbatim from one JSON scalar of the
     * record, so that an equality on them implies the literal's bytes occur in the record.
     */
    private static final Set<String> VERBATIM = Set.of("event.action", "event.provider");

    /** Matches literals a JSON number could render differently (1e2 is event.action "100.0"). */
    private static final Pattern NUMBER_LIKE = Pattern.compile("[-+0-9.eE]+");

    /** Decides what the hunts need; a hunt or query that cannot run needs nothing. */
    public static DataNeeds of(List<HuntDefinition> hunts) {
        Set<String> columns = new TreeSet<>();
        boolean allColumns = false;
        List<List<List<String>>> alternatives = new ArrayList<>();
        boolean anyRecord = false;
        for (HuntDefinition hunt : hunts) {
            if (!hunt.loaded()) {
                continue;
            }
            for (HuntQuery q : hunt.queries()) {
                if (q.language() == QueryLanguage.DUCKDB_SQL) {
                    return ALL;
                }
                if (q.language() != QueryLanguage.ESQL) {
                    continue;
                }
                Query query;
                try {
                    query = EsqlParser.parse(q.text());
                } catch (RuntimeException e) {
                    // A query that does not parse fails on its own and needs no data.
                    continue;
                }
                if (query.commands().isEmpty() || !(query.commands().get(0) instanceof From)) {
                    continue;
                }
                Predicate<String> observed = SourceColumns.observedBy(query);
                if (observed == null) {
                    allColumns = true;
                } else {
                    for (EcsColumn c : EcsSchema.columns()) {
                        if (observed.test(c.name())) {
                            columns.add(c.name());
                        }
                    }
                }
                // The byte filter drops records, which moves the record offsets of those kept.
                List<List<String>> groups = observed == null || observed.test("log.offset") ? List.of() : groups(query);
                if (groups.isEmpty()) {
                    anyRecord = true;
                } else {
                    alternatives.add(groups);
                }
            }
        }
        // The store's time range (now = latest) is read from @timestamp, and event.created tells the
        // events dated at ingest apart, whatever the queries read.
        columns.add("@timestamp");
        columns.add("event.created");
        RecordFilter filter = anyRecord || alternatives.isEmpty() ? null : RecordFilter.anyQuery(alternatives);
        return new DataNeeds(allColumns ? null : Set.copyOf(columns), filter);
    }

    /** Returns, for the WHERE commands right after FROM, the literal groups every accepted record must contain. */
    private static List<List<String>> groups(Query query) {
        List<List<String>> groups = new ArrayList<>();
        List<Command> commands = query.commands();
        for (int i = 1; i < commands.size() && commands.get(i) instanceof Where w; i++) {
            List<Expr> conjuncts = new ArrayList<>();
            conjuncts(w.condition(), conjuncts);
            for (Expr c : conjuncts) {
                Set<String> literals = literals(c);
                if (literals != null && !literals.isEmpty()) {
                    groups.add(List.copyOf(new TreeSet<>(literals)));
                }
            }
        }
        return groups;
    }

    private static void conjuncts(Expr e, List<Expr> out) {
        if (e instanceof Binary b && b.op() == BinaryOp.AND) {
            conjuncts(b.left(), out);
            conjuncts(b.right(), out);
        } else {
            out.add(e);
        }
    }

    /** Returns the literals of which the record must hold one for {@code e} to be true, or null when there is no such set. */
    private static Set<String> literals(Expr e) {
        if (e instanceof Binary b && b.op() == BinaryOp.EQ) {
            String v = verbatimEquality(b.left(), b.right());
            return v != null ? Set.of(v) : null;
        }
        if (e instanceof Binary b && b.op() == BinaryOp.OR) {
            Set<String> l = literals(b.left());
            Set<String> r = literals(b.right());
            if (l == null || r == null) {
                return null;
            }
            Set<String> both = new HashSet<>(l);
            both.addAll(r);
            return both;
        }
        if (e instanceof In in && !in.negated() && in.value() instanceof FieldRef f && VERBATIM.contains(f.name())) {
            Set<String> out = new HashSet<>();
            for (Expr item : in.list()) {
                String v = usable(item);
                if (v == null) {
                    return null;
                }
                out.add(v);
            }
            return out;
        }
        return null;
    }

    private static String verbatimEquality(Expr left, Expr right) {
        if (left instanceof FieldRef f && VERBATIM.contains(f.name())) {
            return usable(right);
        }
        if (right instanceof FieldRef f && VERBATIM.contains(f.name())) {
            return usable(left);
        }
        return null;
    }

    private static String usable(Expr e) {
        if (e instanceof Literal l && l.type() == LiteralType.KEYWORD && l.value() instanceof String s
                && RecordFilter.plain(s) && !NUMBER_LIKE.matcher(s).matches()) {
            return s;
        }
        return null;
    }
}
