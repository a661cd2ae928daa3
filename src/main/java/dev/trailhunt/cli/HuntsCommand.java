package dev.trailhunt.cli;

import dev.trailhunt.hunt.HuntDefinition;
import dev.trailhunt.hunt.HuntLibrary;
import dev.trailhunt.hunt.HuntQuery;
import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import dev.trailhunt.model.ValueType;
import dev.trailhunt.report.TerminalTable;
import dev.trailhunt.report.Visible;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Browses the built-in hunt library. */
@Command(name = "hunts", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Browse the built-in hunt library (without a subcommand: list).",
        subcommands = {HuntsCommand.ListHunts.class, HuntsCommand.ShowHunt.class, HuntsCommand.SearchHunts.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:listed",
            "2:usage error (bad option, unknown hunt)",
            "4:invalid hunt file",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  trailhunt hunts",
            "  trailhunt hunts list --mitre T1555",
            "  trailhunt hunts search secret",
            "  trailhunt hunts show secretsmanager_high_frequency_get_secret_value",
            "  trailhunt hunts show ../shared/corpus/elastic-hunting/aws/secretsmanager_high_frequency_get_secret_value.toml",
        })
public final class HuntsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    /** Filters hunts by MITRE ATT&CK technique. */
    static final class TechniqueFilter {
        @Option(names = "--mitre", paramLabel = "TECHNIQUE", description = "Only hunts for a MITRE ATT&CK technique; T1555 also matches T1555.006.")
        String mitre;
    }

    @Mixin TechniqueFilter filter;

    @Override
    public Integer call() {
        return list(spec.commandLine().getOut(), HuntLibrary.load().builtIns(), filter.mitre);
    }

    static int list(PrintWriter out, List<HuntDefinition> hunts, String mitre) {
        return list(out, hunts, mitre, "no built-in hunt");
    }

    /** Prints the hunts that pass the technique filter, or one line saying that none did (an empty table reads as a fault). */
    static int list(PrintWriter out, List<HuntDefinition> hunts, String mitre, String noneFound) {
        List<List<Object>> rows = new ArrayList<>();
        for (HuntDefinition h : hunts) {
            if (mitre == null || h.matchesTechnique(mitre)) {
                rows.add(List.of(h.id(), String.join(", ", h.mitre()), h.name()));
            }
        }
        if (rows.isEmpty()) {
            out.println(Visible.text(noneFound + (mitre == null ? "" : " for technique " + mitre)) + "; `trailhunt hunts list` shows them all");
            out.flush();
            return ExitCodes.OK;
        }
        ResultTable table = new ResultTable(List.of(new ResultColumn("hunt", ValueType.KEYWORD),
                new ResultColumn("mitre", ValueType.KEYWORD), new ResultColumn("name", ValueType.KEYWORD)), rows);
        new TerminalTable(Terminal.width(null, System.getenv(), Terminal.interactive()), false).write(table, out);
        out.flush();
        return ExitCodes.OK;
    }

    /** Lists the built-in hunts. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the built-in hunts: name, MITRE techniques, title.")
    static final class ListHunts implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Mixin TechniqueFilter filter;

        @Override
        public Integer call() {
            return list(spec.commandLine().getOut(), HuntLibrary.load().builtIns(), filter.mitre);
        }
    }

    /** Searches the built-in hunts. */
    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "List built-in hunts whose name, title, description, notes or techniques contain TEXT (any case).")
    static final class SearchHunts implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(paramLabel = "TEXT", description = "Text to look for.")
        String text;

        @Mixin TechniqueFilter filter;

        @Override
        public Integer call() {
            return list(spec.commandLine().getOut(), HuntLibrary.load().search(text), filter.mitre, "no built-in hunt matches '" + text + "'");
        }
    }

    /** Shows one hunt in full. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show a hunt in full: metadata, notes, references and queries. HUNT is a name, uuid or file.")
    static final class ShowHunt implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(paramLabel = "HUNT", completionCandidates = CompletionWords.Hunts.class, description = "A built-in name or uuid, or a hunt file.")
        String hunt;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<HuntDefinition> hunts = HuntLibrary.load().resolve(hunt);
            for (int i = 0; i < hunts.size(); i++) {
                show(out, hunts.get(i), i > 0);
            }
            out.flush();
            return hunts.stream().allMatch(HuntDefinition::loaded) ? ExitCodes.OK : ExitCodes.HUNT_ERROR;
        }

        /** Prints a hunt; text from the file is shown with control characters escaped, as hunt files may come from anyone. */
        private static void show(PrintWriter out, HuntDefinition h, boolean separate) {
            if (separate) {
                out.println();
            }
            out.println(Visible.text(h.name()));
            out.println(Visible.text("  hunt:        " + h.id() + " (" + h.origin().label() + (h.location().isEmpty() ? "" : ": " + h.location()) + ")"));
            if (!h.uuid().isEmpty()) {
                out.println("  uuid:        " + Visible.text(h.uuid()));
            }
            if (!h.mitre().isEmpty()) {
                out.println("  mitre:       " + Visible.text(String.join(", ", h.mitre())));
            }
            if (!h.integrations().isEmpty()) {
                out.println("  integration: " + Visible.text(String.join(", ", h.integrations())));
            }
            if (!h.author().isEmpty()) {
                out.println("  author:      " + Visible.text(h.author()));
            }
            if (!h.loaded()) {
                out.println("  error:       could not load " + Visible.text(h.loadProblem()));
                return;
            }
            out.println("  sha256:      " + h.sha256());
            if (!h.description().isEmpty()) {
                out.println();
                out.println(Visible.lines(h.description()));
            }
            section(out, "Notes", h.notes());
            section(out, "References", h.references());
            for (HuntQuery q : h.queries()) {
                out.println();
                out.println("-- query " + q.index() + " (" + q.language().label()
                        + (q.runnable() ? "" : "; skipped: " + Visible.text(q.skipReason())) + ")");
                out.println(Visible.lines(q.text().strip()));
            }
        }

        private static void section(PrintWriter out, String title, List<String> items) {
            if (items.isEmpty()) {
                return;
            }
            out.println();
            out.println(title + ":");
            for (String s : items) {
                out.println("  - " + Visible.lines(s));
            }
        }
    }
}
