package dev.trailhunt.cli;

/** Names the process exit codes of the hunting commands, as documented in {@code --help}. */
final class ExitCodes {
    /** The command ran; findings or not. */
    static final int OK = 0;
    /** Findings were returned and {@code --fail-on-findings} was given. */
    static final int FINDINGS = 1;
    /** verify: a re-run result differs from the report, or the report or its manifest was edited. */
    static final int DIFFERS = 1;
    /** The command line was wrong: unknown option, unknown hunt, missing file. */
    static final int USAGE = 2;
    /** The data could not be read: no store, store in use, input files rejected (as ingest's code 3). */
    static final int DATA_ERROR = 3;
    /** A hunt could not run: invalid hunt file, ES|QL syntax, unsupported feature, rejected SQL. */
    static final int HUNT_ERROR = 4;
    /** trailhunt itself failed; please report it. */
    static final int INTERNAL = 70;

    private ExitCodes() {}
}
