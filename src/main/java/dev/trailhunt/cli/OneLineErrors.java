package dev.trailhunt.cli;

import dev.trailhunt.engine.QueryException;
import dev.trailhunt.engine.SqlRejectedException;
import dev.trailhunt.engine.StoreException;
import dev.trailhunt.hunt.HuntException;
import dev.trailhunt.hunt.HuntNotFoundException;
import dev.trailhunt.report.Visible;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns failures into one line on stderr and a documented exit code, never a stack trace. */
final class OneLineErrors implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cl, ParseResult parseResult) {
        int code;
        String message;
        if (e instanceof HuntNotFoundException) {
            code = ExitCodes.USAGE;
            message = e.getMessage();
        } else if (e instanceof HuntException || e instanceof SqlRejectedException || e instanceof QueryException) {
            code = ExitCodes.HUNT_ERROR;
            message = e.getMessage();
        } else if (e instanceof StoreException || e instanceof UncheckedIOException) {
            code = ExitCodes.DATA_ERROR;
            message = e.getMessage();
        } else {
            code = ExitCodes.INTERNAL;
            message = "internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + " (this is a trailhunt bug; please report it with the command line)";
        }
        // Messages repeat file names and data; shown escaped, they can neither forge a line nor drive the terminal.
        cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + Visible.message(message));
        cl.getErr().flush();
        return code;
    }
}
