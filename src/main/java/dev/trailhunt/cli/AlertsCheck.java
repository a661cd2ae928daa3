package dev.trailhunt.cli;

import dev.trailhunt.model.ResultTable;
import dev.trailhunt.report.ReportManifest;
import dev.trailhunt.report.RowDiff;
import dev.trailhunt.report.Visible;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Compares the alerts a report shows with the store's alerts table and the events behind each alert now. */
final class AlertsCheck {
    /** Shows at most this many differing lines; the count says how many there are. */
    private static final int SHOWN = 20;

    private AlertsCheck() {}

    /**
     * Says whether the store still holds the report's alerts and the events behind them, and whether the report shows
     * those events as written; returns {@link ExitCodes#OK}, {@link ExitCodes#DIFFERS} or {@link ExitCodes#DATA_ERROR}
     * (the store has no alerts table).
     */
    static int compare(PrintWriter out, String prefix, ReportManifest.Manifest m, ReportManifest.Alerts report, ReportManifest.Alerts now,
            int[] tableAt) {
        String who = prefix + "alerts";
        if (report.present() && !now.present()) {
            out.println(who + ": MISSING: the store has no alerts table (verify on the --db store `trailhunt detect` wrote to)");
            return ExitCodes.DATA_ERROR;
        }
        int verdict = ExitCodes.OK;
        RowDiff diff = RowDiff.of(report.table(), now.table());
        if (diff.same()) {
            out.println(who + ": same alerts (" + now.table().size() + ")");
        } else {
            out.println(String.format(Locale.ROOT, "%s: DIFFERS: %d alerts in the report, %d in the store: %d added, %d removed, %d changed",
                    who, report.table().size(), now.table().size(), diff.added().size(), diff.removed().size(), diff.changed().size()));
            show(out, diff.lines(now.table().columns()));
            verdict = ExitCodes.DIFFERS;
        }
        if (diff.same()) {
            long events = 0;
            boolean same = true;
            for (int i = 0; i < report.events().size(); i++) {
                ResultTable before = report.events().get(i);
                ResultTable after = now.events().get(i);
                events += after.size();
                RowDiff d = RowDiff.of(before, after);
                if (!d.same()) {
                    same = false;
                    List<Object> alert = report.table().rows().get(i);
                    out.println(Visible.text(String.format(Locale.ROOT, "%s: events behind the alert of %s at %s: DIFFERS: %d in the report, %d now",
                            who, alert.get(1), dev.trailhunt.report.CellText.of(alert.get(6)), before.size(), after.size())));
                    show(out, d.lines(after.columns()));
                }
            }
            if (same) {
                out.println(who + ": events behind them: same rows (" + events + ")");
            } else {
                verdict = ExitCodes.DIFFERS;
            }
        }
        for (int i : report.shownOrder()) {
            ResultTable shown = report.events().get(i);
            if (shown.size() == 0) {
                continue;
            }
            int end = ReportManifest.findTable(m.visible(), shown, tableAt[0]);
            if (end < 0) {
                out.println(Visible.text(who + ": shown events of the alert of " + report.table().rows().get(i).get(1)
                        + ": EDITED (the report does not show the manifest's rows as trailhunt renders them)"));
                verdict = verdict == ExitCodes.OK ? ExitCodes.DIFFERS : verdict;
            } else {
                tableAt[0] = end;
            }
        }
        return verdict;
    }

    private static void show(PrintWriter out, List<String> lines) {
        lines.stream().limit(SHOWN).forEach(l -> out.println("  " + l));
        if (lines.size() > SHOWN) {
            out.println("  (" + (lines.size() - SHOWN) + " more)");
        }
    }
}
