package dev.trailhunt.rules;

import dev.trailhunt.engine.EventTable;
import dev.trailhunt.esql.ast.Command;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.esql.ast.FieldRef;
import dev.trailhunt.esql.ast.From;
import dev.trailhunt.esql.ast.In;
import dev.trailhunt.esql.ast.Keep;
import dev.trailhunt.esql.ast.Literal;
import dev.trailhunt.esql.ast.LiteralType;
import dev.trailhunt.esql.ast.NamePattern;
import dev.trailhunt.esql.ast.Order;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.esql.ast.Sort;
import dev.trailhunt.esql.ast.Source;
import dev.trailhunt.esql.ast.Where;
import dev.trailhunt.model.ResultTable;
import dev.trailhunt.translate.Translation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the events behind an alert from the store, with the fields an analyst triages first. */
public final class AlertEvents {
    private static final List<String> FIELDS = List.of("@timestamp", "event.id", "event.provider", "event.action", "event.outcome",
            "user.name", "source.address", "cloud.account.id", "user_agent.original");

    private final EventTable store;
    private final RuleCompiler compiler;

    /** Creates the reader for a store. */
    public AlertEvents(EventTable store) {
        this.store = store;
        this.compiler = RuleCompiler.forStore(store, Instant.EPOCH);
    }

    /**
     * Holds the events behind one alert and the DuckDB SQL that read them, so that a notebook can read them again.
     *
     * @param sql the SQL, empty for an alert without events
     * @param rows the events, in time then id order
     */
    public record Behind(String sql, ResultTable rows) {}

    /** Returns the events with these ids, in time then id order; none for an alert without events. */
    public ResultTable of(Alert alert) {
        return behind(alert.eventIds(), alert.eventKeys()).rows();
    }

    /**
     * Returns the events behind a stored alert, found by their {@code event.hash} when the store has it (ids can repeat),
     * else by {@code event.id}.
     */
    public Behind behind(List<String> eventIds, List<String> eventHashes) {
        List<Expr> ids = new ArrayList<>();
        boolean hashed = compiler.hasColumn(RuleCompiler.HASH);
        for (String id : hashed ? eventHashes : eventIds) {
            // Ids reach SQL as literals of the AST, rendered and escaped by the translator.
            ids.add(new Literal(id, LiteralType.KEYWORD, Source.EMPTY));
        }
        if (ids.isEmpty()) {
            return new Behind("", new ResultTable(List.of(), List.of()));
        }
        List<NamePattern> keep = new ArrayList<>();
        for (String f : FIELDS) {
            if (compiler.hasColumn(f)) {
                keep.add(new NamePattern(f, Source.EMPTY));
            }
        }
        List<Command> commands = List.of(
                new From(List.of(RuleCompiler.CLOUDTRAIL), List.of(), Source.EMPTY),
                new Where(new In(new FieldRef(hashed ? RuleCompiler.HASH : "event.id", Source.EMPTY), ids, false, Source.EMPTY), Source.EMPTY),
                new Keep(keep, Source.EMPTY),
                new Sort(List.of(order("@timestamp"), order("event.id")), Source.EMPTY));
        Translation t = compiler.translate(new Query(commands, Source.EMPTY));
        return new Behind(t.sql(), store.query(t.sql(), t.columns()));
    }

    private static Order order(String field) {
        return new Order(new FieldRef(field, Source.EMPTY), Order.Direction.ASC, Order.Nulls.DEFAULT, Source.EMPTY);
    }
}
