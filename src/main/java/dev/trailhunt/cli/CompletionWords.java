package dev.trailhunt.cli;

import dev.trailhunt.hunt.HuntDefinition;
import dev.trailhunt.hunt.HuntLibrary;
import dev.trailhunt.report.ResultFormat;
import java.util.Iterator;
import java.util.List;

/** Lists the words the completion script offers where picocli would offer none or upper-case ones. */
final class CompletionWords {
    private CompletionWords() {}

    /** The row and report formats, lower-case as the README writes them. */
    static final class Formats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ResultFormat.names().iterator();
        }
    }

    /** The report formats. */
    static final class ReportFormats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ResultFormat.names().stream().filter(n -> ResultFormat.valueOf(n.toUpperCase(java.util.Locale.ROOT)).isReport()).iterator();
        }
    }

    /** The built-in hunt names; file and folder names come from the shell's own completion (`-o default`). */
    static final class Hunts implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> names = HuntLibrary.load().builtIns().stream().map(HuntDefinition::id).toList();
            return names.iterator();
        }
    }
}
