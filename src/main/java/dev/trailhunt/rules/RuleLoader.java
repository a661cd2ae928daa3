package dev.trailhunt.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Loads detection rules from TOML files and folders, such as a checkout of elastic/detection-rules as it is. */
public final class RuleLoader {
    private RuleLoader() {}

    /**
     * Loads every rule under the paths; a file that is not a valid rule fails alone, with its position.
     *
     * @throws RuleFileException when a path does not exist or cannot be listed
     */
    public static RuleSet load(List<Path> paths) {
        TreeSet<Path> files = new TreeSet<>();
        TreeSet<Path> named = new TreeSet<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".toml"))
                            .forEach(files::add);
                } catch (IOException | UncheckedIOException e) {
                    throw new RuleFileException(p + ": cannot list the folder: " + e.getMessage());
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
                named.add(p);
            } else {
                throw new RuleFileException(p + ": no such rule file or folder");
            }
        }
        List<Rule> rules = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        int ignored = 0;
        for (Path f : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(f);
            } catch (IOException e) {
                invalid.add(f + ": cannot read: " + e.getMessage());
                continue;
            }
            try {
                rules.add(RuleReader.read(bytes, f.toString()));
            } catch (RuleFileException e) {
                // A folder walk meets other TOML (hunts, test configuration); only a named file must be a rule.
                if (!named.contains(f) && e.getMessage().contains("no [rule] table")) {
                    ignored++;
                } else {
                    invalid.add(e.getMessage());
                }
            }
        }
        return new RuleSet(rules, invalid, ignored);
    }
}
