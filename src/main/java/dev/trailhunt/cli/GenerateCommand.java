package dev.trailhunt.cli;

import dev.trailhunt.generate.GeneratedFile;
import dev.trailhunt.generate.GenerationResult;
import dev.trailhunt.generate.GeneratorOptions;
import dev.trailhunt.generate.LogGenerator;
import dev.trailhunt.hunt.NowSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Generates deterministic, realistic CloudTrail logs for samples and benchmarks. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Write deterministic, realistic CloudTrail logs (S3 delivery layout, .json.gz) with a planted "
                + "credential-access story. The same options always give byte-identical files.")
public final class GenerateCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory for the AWSLogs/ tree (default: ${DEFAULT-VALUE}).",
            defaultValue = "generated-logs")
    Path out;

    @Option(names = "--events", paramLabel = "N", description = "Total records, story included (default: ${DEFAULT-VALUE}).")
    int events = GeneratorOptions.DEFAULT_EVENTS;

    @Option(names = "--files", paramLabel = "N", description = "Ordinary log files; the story adds a few small ones (default: ${DEFAULT-VALUE}).")
    int files = GeneratorOptions.DEFAULT_FILES;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed = GeneratorOptions.DEFAULT_SEED;

    @Option(names = "--start", paramLabel = "ISO", description = "First instant covered, e.g. 2026-11-24T00:00:00Z (default: ${DEFAULT-VALUE}).")
    String start = GeneratorOptions.DEFAULT_START.toString();

    @Option(names = "--days", paramLabel = "D", description = "Days covered; the story happens on the last one (default: ${DEFAULT-VALUE}).")
    int days = GeneratorOptions.DEFAULT_DAYS;

    @Option(names = "--threads", paramLabel = "T", description = "Files written in parallel (default: number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--single-file", paramLabel = "FILE",
            description = "Instead, write ONE {\"Records\":[...]} file of ordinary traffic (gzip if FILE ends in .gz).")
    Path singleFile;

    @Option(names = "--size-mb", paramLabel = "M", description = "Uncompressed size of --single-file in MB of 10^6 bytes (default: ${DEFAULT-VALUE}).")
    int sizeMb = 150;

    @Override
    public Integer call() {
        try {
            return generate();
        } catch (IOException e) {
            // Reported as a data problem in one line by the execution exception handler.
            throw new UncheckedIOException("cannot write the logs: " + FileProblem.describe(e), e);
        }
    }

    private int generate() throws IOException {
        PrintWriter outWriter = spec.commandLine().getOut();
        Instant from;
        try {
            from = Instant.parse(start);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--start must be an ISO instant such as 2026-11-24T00:00:00Z, got '" + start + "'");
        }
        if (from.isBefore(NowSpec.EARLIEST) || from.isAfter(NowSpec.LATEST.minus(java.time.Duration.ofDays(Math.max(0, Math.min(days, 3_650_000)))))) {
            // Logs dated outside years 0001-9999 are no CloudTrail, and hunts could not take their time as now.
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--start and --days must keep the logs within the years 0001 to 9999, got '" + start + "' and " + days + " days");
        }
        LogGenerator generator = new LogGenerator(threads);
        long began = System.nanoTime();
        if (singleFile != null) {
            if (sizeMb < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--size-mb must be positive, got " + sizeMb);
            }
            GeneratedFile f = generator.writeSingleFile(singleFile, sizeMb * 1_000_000L, seed, from);
            outWriter.printf(Locale.ROOT, "wrote %s: %,d events, %,d bytes of JSON in %.1f s%n",
                    f.path(), f.events(), f.uncompressedBytes(), seconds(began));
            return 0;
        }
        GeneratorOptions options;
        try {
            options = new GeneratorOptions(out, events, files, seed, from, days);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        GenerationResult r;
        try {
            r = generator.generate(options);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        long logs = r.files().stream().filter(f -> !f.digest()).count();
        outWriter.printf(Locale.ROOT, "wrote %,d events in %d log files (+%d digest files), %,d bytes of JSON, under %s in %.1f s%n",
                r.events(), logs, r.files().size() - logs, r.uncompressedBytes(), out.resolve("AWSLogs"), seconds(began));
        return 0;
    }

    private static double seconds(long began) {
        return (System.nanoTime() - began) / 1e9;
    }
}
