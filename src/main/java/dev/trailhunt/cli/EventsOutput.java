package dev.trailhunt.cli;

import dev.trailhunt.hunt.Pivots;
import dev.trailhunt.hunt.QueryRun;
import dev.trailhunt.hunt.RunResult;
import dev.trailhunt.report.TerminalTable;
import dev.trailhunt.report.Visible;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Prints, under a run's rows, the ES|QL of the events behind each row and what it listed. */
final class EventsOutput {
    private EventsOutput() {}

    /** Writes the pivots after the rows (to the file when given); returns whether table text was shortened. */
    static boolean write(List<Pivots.Pivot> pivots, RunResult run, Path file, PrintWriter out, int width, boolean colour) {
        StringWriter text = new StringWriter();
        boolean shortened = write(pivots, run, text, file == null ? width : 0, file == null && colour);
        try {
            if (file == null) {
                out.write(text.toString());
                out.flush();
            } else {
                Files.writeString(file, text.toString(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw FileProblem.cannotWrite(file, e);
        }
        return shortened;
    }

    private static boolean write(List<Pivots.Pivot> pivots, RunResult run, Writer w, int width, boolean colour) {
        TerminalTable table = new TerminalTable(width, colour);
        boolean shortened = false;
        boolean many = run.hunts().size() > 1 || run.hunts().stream().anyMatch(h -> h.queries().size() > 1);
        try {
            for (Pivots.Pivot p : pivots) {
                String who = many ? Visible.text(p.hunt()) + " query " + p.query() + " " : "";
                if (p.row() == 0) {
                    w.write("\n-- " + who + "events: " + Visible.message(p.problem()) + "\n");
                    continue;
                }
                w.write("\n-- " + who + "events behind row " + p.row() + "\n");
                if (p.esql().isEmpty()) {
                    w.write(Visible.message(p.problem()) + "\n");
                    continue;
                }
                w.write(Visible.lines(p.esql()) + "\n");
                QueryRun e = p.events();
                if (e.status() != QueryRun.Status.RAN) {
                    w.write(Visible.message(e.message()) + "\n");
                } else {
                    shortened |= table.write(e.table(), w);
                    if (!e.message().isEmpty()) {
                        w.write(Visible.text(e.message()) + "\n");
                    }
                }
            }
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return shortened;
    }
}
