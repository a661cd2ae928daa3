package dev.trailhunt.hunt;

import dev.trailhunt.esql.ast.Alias;
import dev.trailhunt.esql.ast.Command;
import dev.trailhunt.esql.ast.Dissect;
import dev.trailhunt.esql.ast.Eval;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.esql.ast.ExprChildren;
import dev.trailhunt.esql.ast.FieldRef;
import dev.trailhunt.esql.ast.FunctionCall;
import dev.trailhunt.esql.ast.Grok;
import dev.trailhunt.esql.ast.MvExpand;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.esql.ast.Rename;
import dev.trailhunt.esql.ast.RenamePair;
import dev.trailhunt.esql.ast.Source;
import dev.trailhunt.esql.parser.EsqlText;
import dev.trailhunt.esql.ast.Stats;
import dev.trailhunt.esql.ast.UnsupportedCommand;
import dev.trailhunt.model.CaretExcerpt;
import dev.trailhunt.model.EcsColumn;
import dev.trailhunt.model.EcsSchema;
import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Derives, for each row of an aggregating ES|QL query, the ES|QL that lists the events behind it: the
 * query's commands before its STATS (source, filters, EVALs), then a WHERE that pins every BY key to the
 * row's value. A multi-valued field is pinned with {@code MV_CONTAINS}, as STATS puts a row in the group of
 * each of its values; a null key with {@code IS NULL}.
 *
 * <p>Where that cannot be exact the derivation says {@code unsupported: …} at the command's position: a second
 * STATS or an MV_EXPAND, DISSECT or GROK after the STATS (rows no longer map to one group), an EVAL or RENAME
 * after the STATS that overwrites a key (the row shows another value than the group's), a key dropped from
 * the result, or a key grouped by {@code BUCKET}.
 *
 * @param prefix the query text up to its STATS, without the pipe
 * @param keys the BY keys, in written order
 * @param listing the SORT and KEEP that end the listing (oldest first, {@link #LISTED} and the keys), or empty when
 *     the commands before STATS may have removed a column they name
 */
public record EventsBehind(String prefix, List<Key> keys, String listing) {
    /** Names the columns an events listing keeps, enough to recognise each event and find its record in the logs. */
    public static final List<String> LISTED = List.of("@timestamp", "event.action", "event.outcome", "aws.cloudtrail.error_code",
            "aws.cloudtrail.user_identity.arn", "source.ip", "user_agent.original", "event.id", "log.file.path", "log.offset");

    /**
     * Names one BY key: how to test it on an event and which result column holds the row's value.
     *
     * @param expression the key's ES|QL text on the rows before STATS
     * @param column the result column that holds its value
     * @param multiValued whether the key is a multi-valued field
     */
    public record Key(String expression, String column, boolean multiValued) {}

    public EventsBehind {
        keys = List.copyOf(keys);
    }

    /** Returns the SORT and KEEP of a listing when every source column is still there before STATS, else empty. */
    private static String listing(List<Command> commands, int statsAt, List<Alias> groupings) {
        for (int i = 0; i < statsAt; i++) {
            Command c = commands.get(i);
            if (c instanceof dev.trailhunt.esql.ast.Keep || c instanceof dev.trailhunt.esql.ast.Drop || c instanceof Rename
                    || c instanceof dev.trailhunt.esql.ast.Row || c instanceof Eval e && e.fields().stream().anyMatch(a -> LISTED.contains(a.name()))) {
                return "";
            }
        }
        java.util.LinkedHashSet<String> keep = new java.util.LinkedHashSet<>(LISTED);
        for (Alias g : groupings) {
            if (g.expr() instanceof FieldRef f) {
                keep.add(f.name());
            }
        }
        return "\n| SORT @timestamp ASC, event.id ASC\n| KEEP " + String.join(", ", keep.stream().map(EsqlText::name).toList());
    }

    /**
     * Derives the pivot of a parsed query.
     *
     * @param esql the text {@code query} was parsed from
     * @param columns the query's result columns
     * @return the pivot, or null when the query has no STATS (its rows are the events)
     * @throws HuntException with {@code unsupported: …} at a position when the events cannot be derived exactly
     */
    public static EventsBehind of(String esql, Query query, List<ResultColumn> columns) {
        List<Command> commands = query.commands();
        int statsAt = -1;
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i) instanceof Stats) {
                if (statsAt >= 0) {
                    throw unsupported("the events behind rows of a second STATS", commands.get(i).source(), esql);
                }
                statsAt = i;
            }
        }
        if (statsAt < 0) {
            return null;
        }
        Stats stats = (Stats) commands.get(statsAt);
        List<String> names = new ArrayList<>();
        List<Key> keys = new ArrayList<>();
        for (Alias g : stats.groupings()) {
            if (mentionsBucket(g.expr())) {
                throw unsupported("the events behind a row grouped by BUCKET", g.source(), esql);
            }
            names.add(g.name());
        }
        for (int i = statsAt + 1; i < commands.size(); i++) {
            Command c = commands.get(i);
            if (c instanceof MvExpand || c instanceof Dissect || c instanceof Grok || c instanceof UnsupportedCommand) {
                throw unsupported("the events behind rows changed by " + keyword(c) + " after STATS", c.source(), esql);
            }
            if (c instanceof Eval e) {
                for (Alias a : e.fields()) {
                    if (names.contains(a.name())) {
                        throw unsupported("the events behind rows whose group key " + a.name() + " an EVAL after STATS changes", a.source(), esql);
                    }
                }
            }
            if (c instanceof Rename r) {
                for (RenamePair p : r.pairs()) {
                    int k = names.indexOf(p.oldName());
                    if (names.contains(p.newName()) && k < 0) {
                        throw unsupported("the events behind rows whose group key " + p.newName() + " a RENAME after STATS overwrites", p.source(), esql);
                    }
                    if (k >= 0) {
                        names.set(k, p.newName());
                    }
                }
            }
        }
        List<String> resultNames = columns.stream().map(ResultColumn::name).toList();
        for (int k = 0; k < names.size(); k++) {
            Alias g = stats.groupings().get(k);
            if (!resultNames.contains(names.get(k))) {
                throw unsupported("the events behind rows without their group key " + g.name() + " (dropped after STATS)", g.source(), esql);
            }
            boolean multi = g.expr() instanceof FieldRef f && !redefinedBefore(commands, statsAt, f.name()) && multiValued(f.name());
            String expression = g.expr() instanceof FieldRef f ? EsqlText.name(f.name()) : "(" + g.expr().source().text() + ")";
            keys.add(new Key(expression, names.get(k), multi));
        }
        String head = esql.substring(0, stats.source().offset()).stripTrailing();
        if (head.endsWith("|")) {
            head = head.substring(0, head.length() - 1).stripTrailing();
        }
        return new EventsBehind(head, keys, listing(commands, statsAt, stats.groupings()));
    }

    /**
     * Returns the ES|QL listing the events behind one result row.
     *
     * @throws HuntException when a key's value has no exact ES|QL literal (a NaN, a multi-value)
     */
    public String forRow(ResultTable table, int row) {
        List<String> conditions = new ArrayList<>();
        List<String> names = table.columns().stream().map(ResultColumn::name).toList();
        for (Key k : keys) {
            int c = names.indexOf(k.column());
            Object v = table.rows().get(row).get(c);
            if (v == null) {
                conditions.add(k.expression() + " IS NULL");
            } else {
                String literal = literal(v, table.columns().get(c), k);
                conditions.add(k.multiValued() ? "MV_CONTAINS(" + k.expression() + ", " + literal + ")" : k.expression() + " == " + literal);
            }
        }
        return (conditions.isEmpty() ? prefix : prefix + "\n| WHERE " + String.join(" AND ", conditions)) + listing;
    }

    /** Returns the ES|QL of every row, in row order. */
    public List<String> forRows(ResultTable table) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            out.add(forRow(table, i));
        }
        return out;
    }

    private static String literal(Object v, ResultColumn column, Key k) {
        return switch (column.type()) {
            case KEYWORD, TEXT -> EsqlText.string(v.toString());
            case INTEGER, LONG, UNSIGNED_LONG -> v.toString();
            case BOOLEAN -> v.toString().toLowerCase(Locale.ROOT);
            case DOUBLE -> {
                double d = ((Number) v).doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new HuntException("unsupported: the events behind a row whose key " + k.column() + " is " + d);
                }
                yield Double.toString(d);
            }
            case DATETIME -> "TO_DATETIME(" + EsqlText.string(((Instant) v).toString()) + ")";
            case IP -> "TO_IP(" + EsqlText.string(v.toString()) + ")";
            case VERSION -> "TO_VERSION(" + EsqlText.string(v.toString()) + ")";
            case DATE_NANOS, GEO_POINT, NULL, UNSUPPORTED -> throw new HuntException("unsupported: the events behind a row whose key "
                    + k.column() + " is of type " + column.type().name().toLowerCase(Locale.ROOT));
        };
    }

    private static boolean multiValued(String name) {
        int i = EcsSchema.indexOf(name);
        if (i < 0) {
            return false;
        }
        EcsColumn c = EcsSchema.columns().get(i);
        return c.multiValued();
    }

    /** Tells whether a command before STATS assigns {@code name}, so it no longer holds the stored field. */
    private static boolean redefinedBefore(List<Command> commands, int statsAt, String name) {
        for (int i = 0; i < statsAt; i++) {
            if (commands.get(i) instanceof Eval e && e.fields().stream().anyMatch(a -> a.name().equals(name))) {
                return true;
            }
            if (commands.get(i) instanceof Rename r && r.pairs().stream().anyMatch(p -> p.newName().equals(name))) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionsBucket(Expr e) {
        if (e instanceof FunctionCall f && (f.name().equalsIgnoreCase("bucket") || f.name().equalsIgnoreCase("tbucket"))) {
            return true;
        }
        return ExprChildren.of(e).stream().anyMatch(EventsBehind::mentionsBucket);
    }

    private static String keyword(Command c) {
        String text = c.source().text().strip();
        int space = text.indexOf(' ');
        return (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
    }

    private static HuntException unsupported(String what, Source at, String esql) {
        return new HuntException(CaretExcerpt.in("unsupported: " + what + " at " + at.position(), esql, at.line(), at.column()));
    }
}
