package dev.trailhunt.cli;

import dev.trailhunt.engine.QueryLimits;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Chooses how much time and memory each hunt query may use; over a limit the query fails alone (exit 4). */
final class LimitOptions {
    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "Time each query may take, e.g. 30s, 5m, 1h; 0 for none (default: ${DEFAULT-VALUE}). A query over it is interrupted and fails alone.")
    Duration timeout;

    @Option(names = "--memory-limit", paramLabel = "SIZE", defaultValue = "1GiB", converter = SizeConverter.class,
            description = "DuckDB memory for the hunts, e.g. 512MB, 2GiB (default: ${DEFAULT-VALUE}). Beyond it DuckDB spills to a private temporary folder, up to 4 times this size, then fails the query.")
    long memory;

    /** Returns the limits the options give. */
    QueryLimits limits() {
        return new QueryLimits(timeout, memory);
    }

    /** Converts the --timeout text. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return QueryLimits.parseDuration(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Converts the --memory-limit text. */
    static final class SizeConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                long bytes = QueryLimits.parseSize(value);
                if (bytes < QueryLimits.MIN_MEMORY) {
                    throw new TypeConversionException("'" + value + "' is too little for DuckDB; give at least "
                            + QueryLimits.sizeText(QueryLimits.MIN_MEMORY));
                }
                return bytes;
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
