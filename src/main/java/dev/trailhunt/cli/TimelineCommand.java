package dev.trailhunt.cli;

import dev.trailhunt.hunt.DataNeeds;
import dev.trailhunt.hunt.HuntRun;
import dev.trailhunt.hunt.HuntSession;
import dev.trailhunt.hunt.QueryRun;
import dev.trailhunt.hunt.RunResult;
import dev.trailhunt.hunt.Timeline;
import dev.trailhunt.hunt.TimelineEntity;
import dev.trailhunt.model.ResultTable;
import dev.trailhunt.report.CsvWriter;
import dev.trailhunt.report.JsonWriter;
import dev.trailhunt.report.ResultFormat;
import dev.trailhunt.report.TimelineText;
import dev.trailhunt.report.Visible;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists everything an identity, key, address, session or event's actor did, oldest first. */
@Command(name = "timeline", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "List everything an entity did, oldest first: one line per event (time, action@service, outcome or error, source, user agent, resource), under a summary (first and last seen, actions, addresses, agents, failures).",
            "",
            "Options of one kind or several combine: the timeline holds the events of any of them. A session and an event id are followed to the access keys behind them, and a key to the call that issued it (who assumed the role); the role behind a session is named with the option that follows it.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:listed, with or without events",
            "2:usage error (no entity, a malformed access key, bad option)",
            "3:data problem (no store, store in use, unreadable --data path, output not written)",
            "4:query error (over --timeout or --memory-limit, or an empty --from/--to bound)",
            "70:internal error (a bug: please report it)",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  trailhunt timeline --data samples/cloudtrail \\",
            "      --arn arn:aws:iam::111122223333:user/legacy-reporting",
            "  trailhunt timeline --db case.duckdb --access-key ASIA8WQ3MZT6EXAMPLEX --from -2d",
            "  trailhunt timeline --db case.duckdb --ip 198.51.100.77 -o ip.html",
        })
public final class TimelineCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin StoreOptions store;

    @Mixin LimitOptions limits;

    @Mixin RowsOptions rows;

    @Option(names = "--arn", paramLabel = "ARN", description = "An IAM user, a role (all its sessions) or an assumed-role session ARN.")
    List<String> arns = new ArrayList<>();

    @Option(names = "--access-key", paramLabel = "KEY", description = "An access key id (AKIA…, ASIA…); includes the call that issued it.")
    List<String> keys = new ArrayList<>();

    @Option(names = "--ip", paramLabel = "IP", description = "A source address (or a service name such as ec2.amazonaws.com).")
    List<String> ips = new ArrayList<>();

    @Option(names = "--user", paramLabel = "NAME", description = "A user.name (an IAM user, or the role of a session).")
    List<String> users = new ArrayList<>();

    @Option(names = "--session", paramLabel = "SESSION", description = "An assumed-role session name or ARN.")
    List<String> sessions = new ArrayList<>();

    @Option(names = "--event-id", paramLabel = "ID", description = "An event id: the timeline of the identity and key behind it.")
    List<String> eventIds = new ArrayList<>();

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        List<TimelineEntity> entities = entities(cl);
        ResultFormat format = rows.format();
        if (rows.out != null) {
            FileProblem.requireDirectoryOf(rows.out);
            RunInputs.requireNotAnInput(cl, rows.out, store, List.of());
        }
        PrintWriter err = cl.getErr();
        Timeline timeline;
        RunResult run;
        try (HuntSession session = store.open(err, Clock.systemUTC(), limits.limits(), DataNeeds.ALL)) {
            timeline = Timeline.follow(session.runner(), entities);
            run = session.runner().runAll(List.of(timeline.hunt()), VersionProvider.version());
        }
        HuntRun hunt = run.hunts().get(0);
        for (QueryRun q : hunt.queries()) {
            if (q.status() != QueryRun.Status.RAN) {
                err.println("timeline: " + Visible.message(q.message()));
                err.flush();
                return ExitCodes.HUNT_ERROR;
            }
        }
        RunOutput output = new RunOutput(cl.getOut(), err);
        output.context(new RunResult(run.profile(), run.now(), run.bound(), List.of(new HuntRun(hunt.hunt(), hunt.queries().subList(0, 1))),
                run.trailhuntVersion()));
        if (format != ResultFormat.TABLE || rows.out != null) {
            // The table's header lists the links; other formats carry only events, so they are said here.
            timeline.links().forEach(l -> err.println(Visible.text("linked: " + l)));
        }
        if (TimelineText.cut(hunt)) {
            err.println(String.format(Locale.ROOT, "note: only the first %,d events are listed; narrow it with --from/--to (the summary counts them all)",
                    Timeline.MAX_EVENTS));
        }
        err.flush();
        boolean toTerminal = rows.out == null && Terminal.interactive();
        int width = format == ResultFormat.TABLE && rows.out == null ? Terminal.width(rows.width, System.getenv(), toTerminal) : 0;
        if (format.isReport()) {
            output.write(run, format, rows.out, 0, false, rows.csvRaw);
        } else if (rows.out == null) {
            write(timeline, hunt, format, width, cl.getOut());
        } else {
            try (Writer w = Files.newBufferedWriter(rows.out, StandardCharsets.UTF_8)) {
                write(timeline, hunt, format, 0, w);
            } catch (IOException e) {
                throw FileProblem.cannotWrite(rows.out, e);
            }
        }
        if (rows.out != null) {
            err.println("wrote " + Visible.text(rows.out.toString()));
            err.flush();
        }
        return rows.failOnFindings && TimelineText.events(hunt).size() > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private void write(Timeline timeline, HuntRun hunt, ResultFormat format, int width, Writer w) {
        ResultTable events = TimelineText.events(hunt);
        try {
            switch (format) {
                case TABLE -> TimelineText.write(timeline, hunt, width, w);
                case CSV -> CsvWriter.write(events, w, !rows.csvRaw);
                case JSON -> JsonWriter.writeArray(events, w);
                case NDJSON -> JsonWriter.writeLines(events, w);
                case MARKDOWN, HTML -> throw new IllegalStateException("reports are written by RunOutput");
            }
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<TimelineEntity> entities(CommandLine cl) {
        List<TimelineEntity> out = new ArrayList<>();
        try {
            arns.forEach(v -> out.add(new TimelineEntity(TimelineEntity.Kind.ARN, v)));
            keys.forEach(v -> out.add(new TimelineEntity(TimelineEntity.Kind.ACCESS_KEY, v)));
            ips.forEach(v -> out.add(new TimelineEntity(TimelineEntity.Kind.IP, v)));
            users.forEach(v -> out.add(new TimelineEntity(TimelineEntity.Kind.USER, v)));
            sessions.forEach(v -> out.add(new TimelineEntity(TimelineEntity.Kind.SESSION, v)));
            eventIds.forEach(v -> out.add(new TimelineEntity(TimelineEntity.Kind.EVENT_ID, v)));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, Visible.text(e.getMessage()));
        }
        if (out.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "timeline needs an entity: --arn, --access-key, --ip, --user, --session or --event-id");
        }
        return out;
    }
}
