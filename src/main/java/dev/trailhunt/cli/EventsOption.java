package dev.trailhunt.cli;

import picocli.CommandLine.Option;

/** Opens the rows of hunt and query: the ES|QL of the events behind each aggregated row, run. */
final class EventsOption {
    @Option(names = "--events",
            description = "Under the rows, open each aggregated row (up to 20 per query): print the ES|QL that lists the events behind it and run it.")
    boolean events;
}
