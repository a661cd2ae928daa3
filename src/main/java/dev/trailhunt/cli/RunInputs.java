package dev.trailhunt.cli;

import dev.trailhunt.hunt.HuntDefinition;
import dev.trailhunt.hunt.HuntOrigin;
import dev.trailhunt.report.Visible;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Refuses an output file that the run reads: the store, its write-ahead log, a --data input or a hunt file. */
final class RunInputs {
    private RunInputs() {}

    private record Input(Path path, String what) {}

    /**
     * Fails with a usage error (exit 2) when {@code out} is, after resolving links, a file this run
     * reads, or lies inside a --data folder, so that writing the answer can never destroy its evidence.
     */
    static void requireNotAnInput(CommandLine cl, Path out, StoreOptions store, List<HuntDefinition> hunts) {
        if (!Files.exists(out)) {
            // Every input exists, so a file still to be created is none of them.
            return;
        }
        List<Input> inputs = new ArrayList<>();
        if (store.data().isEmpty()) {
            for (Path db : store.dbs()) {
                inputs.add(new Input(db, "the store"));
                inputs.add(new Input(Path.of(db + ".wal"), "the store's write-ahead log"));
            }
        }
        for (Path p : store.data()) {
            inputs.add(new Input(p, "a --data input"));
        }
        for (HuntDefinition h : hunts) {
            if (h.origin() != HuntOrigin.BUILT_IN && h.origin() != HuntOrigin.AD_HOC && !h.location().isEmpty()) {
                inputs.add(new Input(Path.of(h.location()), "the hunt file " + h.id()));
            }
        }
        for (Input in : inputs) {
            if (same(out, in.path())) {
                throw refused(cl, out, in.what() + " this run reads");
            }
            if (Files.isDirectory(in.path()) && inside(out, in.path())) {
                throw refused(cl, out, "inside " + in.what() + " (" + in.path() + ") this run reads");
            }
        }
    }

    private static CommandLine.ParameterException refused(CommandLine cl, Path out, String what) {
        return new CommandLine.ParameterException(cl, Visible.text("--out " + out + " is " + what + "; write the output to another file"));
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean inside(Path file, Path dir) {
        try {
            return file.toRealPath().startsWith(dir.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
