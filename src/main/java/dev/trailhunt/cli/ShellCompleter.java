package dev.trailhunt.cli;

import dev.trailhunt.hunt.HuntDefinition;
import dev.trailhunt.hunt.HuntLibrary;
import dev.trailhunt.hunt.HuntRunner;
import dev.trailhunt.translate.EsqlVocabulary;
import dev.trailhunt.translate.SourceColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completes the shell's input: backslash commands at the start of a line, hunt names after
 * {@code \hunt}, field names after {@code \fields}, and elsewhere the store's fields, ES|QL's
 * functions (from the translator's registry) and keywords.
 */
final class ShellCompleter implements Completer {
    private final List<String> fields;
    private final List<String> functions;
    private final List<String> hunts;

    ShellCompleter(HuntRunner runner, HuntLibrary library) {
        this.fields = runner.fields().stream().map(SourceColumn::name).toList();
        // The hunts write functions upper-case (COUNT, DATE_TRUNC); the registry holds them lower-case.
        this.functions = EsqlVocabulary.functionNames().stream().map(f -> f.toUpperCase(Locale.ROOT)).toList();
        this.hunts = library.builtIns().stream().map(HuntDefinition::id).toList();
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        candidates.addAll(candidates(line.words(), line.wordIndex()).stream().map(this::candidate).toList());
    }

    /** Lists the words that may stand at a position of a line, by what the line's first word is. */
    List<String> candidates(List<String> words, int index) {
        String first = words.isEmpty() ? "" : words.get(0);
        if (index == 0 && first.startsWith("\\")) {
            return Shell.COMMANDS;
        }
        if (first.startsWith("\\")) {
            return switch (first) {
                case "\\hunt" -> hunts;
                case "\\fields" -> fields;
                case "\\explain" -> words(index);
                default -> List.of();
            };
        }
        List<String> all = words(index);
        if (index == 0) {
            List<String> withCommands = new ArrayList<>(Shell.COMMANDS);
            withCommands.addAll(all);
            return withCommands;
        }
        return all;
    }

    private List<String> words(int index) {
        List<String> all = new ArrayList<>(fields);
        all.addAll(functions);
        all.addAll(EsqlVocabulary.keywords());
        return all;
    }

    private Candidate candidate(String word) {
        if (functions.contains(word)) {
            // A function completes to its opening parenthesis, ready for the first argument.
            return new Candidate(word + "(", word, null, null, null, null, false);
        }
        // A dotted field is one word; its value is inserted as is and the completion ends with a space.
        return new Candidate(word, word, null, null, null, null, true);
    }
}
