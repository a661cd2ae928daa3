package dev.trailhunt.cli;

import dev.trailhunt.model.PartitionLayout;
import picocli.CommandLine;

/** Converts {@code --partition-by} text (e.g. {@code dt,account,region}) into a partition layout, a usage error when invalid. */
final class PartitionConverter implements CommandLine.ITypeConverter<PartitionLayout> {
    @Override
    public PartitionLayout convert(String value) {
        try {
            return PartitionLayout.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
