package dev.trailhunt.hunt;

import dev.trailhunt.esql.parser.EsqlText;
import dev.trailhunt.model.ResultTable;
import dev.trailhunt.model.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Follows entities through a store and builds the ES|QL of their timeline: every event they did, oldest
 * first, with a summary (first and last seen, actions, addresses, agents, failures).
 *
 * <p>Sessions and event ids are linked to the access keys behind them, whose timeline also holds the call
 * that issued each key (who assumed the role); the role behind a session is named, not followed, since it
 * would add every other session of that role. All text is ES|QL run through the parser and translator.
 *
 * @param given the entities as the user named them
 * @param followed the given entities plus the linked ones the timeline also selects
 * @param links one line per link found, e.g. {@code session … → access key ASIA…}
 * @param hunt the timeline as a hunt: summary queries, then the events
 */
public record Timeline(List<TimelineEntity> given, List<TimelineEntity> followed, List<String> links, HuntDefinition hunt) {
    /** Caps the events listed, as ES|QL caps LIMIT; the summary still counts every event. */
    public static final int MAX_EVENTS = 10_000;
    /** Caps the access keys one entity links to, so that a busy role cannot make the query unbounded. */
    static final int MAX_KEYS = 50;

    /** Names the summary columns, in the order {@link #hunt()}'s first query returns them. */
    public static final List<String> EVENT_COLUMNS = List.of("@timestamp", "event.action", "event.provider", "event.outcome",
            "aws.cloudtrail.error_code", "source.address", "user_agent.original", "resource", TimelineEntity.ARN, TimelineEntity.KEY, "event.id");

    private static final String FROM = "FROM logs-aws.cloudtrail-*\n";

    public Timeline {
        given = List.copyOf(given);
        followed = List.copyOf(followed);
        links = List.copyOf(links);
    }

    /**
     * Finds the entities linked to {@code given} in the store the runner reads and builds the timeline.
     *
     * @throws HuntException when a link query fails (over --timeout, for example)
     */
    public static Timeline follow(HuntRunner runner, List<TimelineEntity> given) {
        Set<TimelineEntity> followed = new LinkedHashSet<>(given);
        List<String> links = new ArrayList<>();
        for (TimelineEntity e : given) {
            switch (e.kind()) {
                case EVENT_ID -> {
                    for (List<Object> row : rows(runner, FROM + "| WHERE " + e.condition() + "\n| KEEP " + TimelineEntity.ARN + ", "
                            + TimelineEntity.KEY + "\n| LIMIT 10")) {
                        link(followed, links, e, TimelineEntity.Kind.ARN, row.get(0), "identity");
                        link(followed, links, e, TimelineEntity.Kind.ACCESS_KEY, row.get(1), "access key");
                    }
                }
                case ARN, SESSION -> {
                    List<List<Object>> rows = rows(runner, FROM + "| WHERE " + e.condition() + "\n| STATS n = COUNT(*) BY "
                            + TimelineEntity.KEY + ", " + TimelineEntity.ISSUER + "\n| SORT n DESC, " + TimelineEntity.KEY + "\n| LIMIT " + MAX_KEYS);
                    Set<Object> roles = new LinkedHashSet<>();
                    for (List<Object> row : rows) {
                        link(followed, links, e, TimelineEntity.Kind.ACCESS_KEY, row.get(1), "access key");
                        roles.add(row.get(2));
                    }
                    for (Object role : roles) {
                        if (role != null && !role.equals(e.value())) {
                            links.add(e.text() + " → role " + role + " (not followed; follow it with --arn " + role + ")");
                        }
                    }
                }
                case ACCESS_KEY, IP, USER -> {
                    // An address or user name is shared by many identities; following them would widen the question.
                }
            }
        }
        List<TimelineEntity> all = List.copyOf(followed);
        return new Timeline(given, all, links, hunt(given, all, links));
    }

    private static void link(Set<TimelineEntity> followed, List<String> links, TimelineEntity from, TimelineEntity.Kind kind,
            Object value, String what) {
        if (value == null || value.toString().isBlank()) {
            return;
        }
        TimelineEntity to;
        try {
            to = new TimelineEntity(kind, value.toString());
        } catch (IllegalArgumentException e) {
            // A malformed key in the log links nothing; its events are still selected by the given entity.
            return;
        }
        if (followed.add(to)) {
            links.add(from.text() + " → " + what + " " + to.value());
        }
    }

    private static List<List<Object>> rows(HuntRunner runner, String esql) {
        QueryRun q = runner.run(HuntDefinition.adHoc(QueryLanguage.ESQL, esql)).queries().get(0);
        if (q.status() != QueryRun.Status.RAN) {
            throw new HuntException("cannot follow the timeline's links: " + q.message());
        }
        ResultTable t = q.table();
        return t.rows();
    }

    /** Returns the WHERE condition that selects every followed entity's events. */
    public String condition() {
        return condition(followed);
    }

    private static String condition(List<TimelineEntity> entities) {
        return entities.stream().map(e -> "(" + e.condition() + ")").collect(Collectors.joining("\n    OR "));
    }

    private static HuntDefinition hunt(List<TimelineEntity> given, List<TimelineEntity> followed, List<String> links) {
        String where = FROM + "| WHERE " + condition(followed) + "\n";
        List<HuntQuery> queries = new ArrayList<>();
        queries.add(new HuntQuery(1, QueryLanguage.ESQL, where
                + "| STATS events = COUNT(*), first_seen = MIN(@timestamp), last_seen = MAX(@timestamp), failures = COUNT(aws.cloudtrail.error_code),"
                + " addresses = COUNT_DISTINCT(source.address), agents = COUNT_DISTINCT(user_agent.original)"));
        queries.add(new HuntQuery(2, QueryLanguage.ESQL, where + "| STATS events = COUNT(*) BY event.action, event.provider\n| SORT events DESC, event.action, event.provider\n| LIMIT 50"));
        queries.add(new HuntQuery(3, QueryLanguage.ESQL, where + "| STATS events = COUNT(*), first_seen = MIN(@timestamp) BY source.address\n| SORT events DESC, source.address\n| LIMIT 50"));
        queries.add(new HuntQuery(4, QueryLanguage.ESQL, where + "| STATS events = COUNT(*) BY user_agent.original\n| SORT events DESC, user_agent.original\n| LIMIT 50"));
        queries.add(new HuntQuery(5, QueryLanguage.ESQL, where + "| WHERE aws.cloudtrail.error_code IS NOT NULL\n"
                + "| STATS events = COUNT(*), first_seen = MIN(@timestamp) BY event.action, aws.cloudtrail.error_code\n| SORT events DESC, event.action, aws.cloudtrail.error_code\n| LIMIT 50"));
        queries.add(new HuntQuery(6, QueryLanguage.ESQL, where
                + "| EVAL resource = COALESCE(MV_CONCAT(aws.cloudtrail.resources.arn, \" \"), aws.cloudtrail.request_parameters)\n"
                + "| KEEP " + String.join(", ", EVENT_COLUMNS.stream().map(EsqlText::name).toList()) + "\n"
                + "| SORT @timestamp ASC, event.id ASC\n| LIMIT " + MAX_EVENTS));
        String names = given.stream().map(TimelineEntity::text).collect(Collectors.joining(" "));
        String text = String.join("\n\n", queries.stream().map(HuntQuery::text).toList());
        StringBuilder description = new StringBuilder("Everything " + names + " did, oldest first.");
        if (!links.isEmpty()) {
            description.append(" Linked: ").append(String.join("; ", links)).append('.');
        }
        return new HuntDefinition("timeline", "Timeline of " + names, "", "", description.toString(), List.of("aws.cloudtrail"),
                queries, List.of(), List.of(), List.of(), HuntOrigin.AD_HOC, "", Sha256.hex(text.getBytes(StandardCharsets.UTF_8)), "");
    }
}
