package dev.trailhunt.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Reads a generated corpus back with an independent parser (JDK gzip, Jackson tree), for tests. */
final class TrailFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TrailFiles() {}

    /** Lists every regular file under a directory, relative to it, in path order. */
    static List<Path> list(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    /** Returns every record of every CloudTrail log file (digests excluded) under a directory. */
    static List<JsonNode> records(Path root) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (Path rel : list(root)) {
            if (rel.toString().contains("CloudTrail-Digest")) {
                continue;
            }
            JsonNode doc = MAPPER.readTree(gunzip(root.resolve(rel)));
            doc.get("Records").forEach(out::add);
        }
        return out;
    }

    static JsonNode json(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns a text field by dotted path, or null when any part is missing or JSON null. */
    static String text(JsonNode record, String dotted) {
        JsonNode n = record;
        for (String part : dotted.split("\\.")) {
            n = n == null ? null : n.get(part);
        }
        return n == null || n.isNull() ? null : n.asText();
    }
}
