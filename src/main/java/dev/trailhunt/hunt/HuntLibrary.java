package dev.trailhunt.hunt;

import dev.trailhunt.model.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Resolves HUNT arguments to hunt definitions: built-in hunts by name or uuid, TOML files, folders
 * of TOML files, {@code .esql} files and {@code .sql} files.
 */
public final class HuntLibrary {
    private static final String RESOURCE_DIR = "/hunts/";
    private static final String INDEX = RESOURCE_DIR + "index.txt";

    private final List<HuntDefinition> builtIns;
    /** Maps the uuid of an Elastic hunt to the id of the built-in hunt that corresponds to it. */
    private final java.util.Map<String, String> elasticUuids;

    private HuntLibrary(List<HuntDefinition> builtIns, java.util.Map<String, String> elasticUuids) {
        this.builtIns = List.copyOf(builtIns);
        this.elasticUuids = java.util.Map.copyOf(elasticUuids);
    }

    /** Loads the built-in hunts shipped in the jar. */
    public static HuntLibrary load() {
        List<HuntDefinition> hunts = new ArrayList<>();
        java.util.Map<String, String> elastic = new java.util.HashMap<>();
        for (String file : resourceLines(INDEX)) {
            String id = file.substring(0, file.length() - ".toml".length());
            byte[] bytes = resourceBytes(RESOURCE_DIR + file);
            hunts.add(HuntFileReader.readToml(id, bytes, HuntOrigin.BUILT_IN, "hunts/" + file));
            String uuid = HuntFileReader.elasticUuid(bytes);
            if (!uuid.isEmpty()) {
                elastic.put(uuid.toLowerCase(Locale.ROOT), id);
            }
        }
        hunts.sort(Comparator.comparing(HuntDefinition::id));
        return new HuntLibrary(hunts, elastic);
    }

    /** Returns the built-in hunts ordered by name. */
    public List<HuntDefinition> builtIns() {
        return builtIns;
    }

    /** Returns the built-in hunts whose name, title, description, notes or techniques contain the text, ignoring case. */
    public List<HuntDefinition> search(String text) {
        String needle = text.toLowerCase(Locale.ROOT);
        return builtIns.stream().filter(h -> Stream.of(
                        Stream.of(h.id(), h.name(), h.description(), h.uuid()), h.notes().stream(), h.mitre().stream(),
                        h.integrations().stream())
                .flatMap(s -> s)
                .anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(needle))).toList();
    }

    /**
     * Resolves one HUNT argument: an existing path wins over a built-in of the same name; a folder
     * gives every {@code .toml}, {@code .esql} and {@code .sql} file below it in path order.
     */
    public List<HuntDefinition> resolve(String hunt) {
        Path path = Path.of(hunt);
        if (Files.isDirectory(path)) {
            return readFolder(path);
        }
        if (Files.isRegularFile(path)) {
            return List.of(readFile(path));
        }
        String elasticId = elasticUuids.get(hunt.toLowerCase(Locale.ROOT));
        for (HuntDefinition h : builtIns) {
            if (h.id().equals(hunt) || (!h.uuid().isEmpty() && h.uuid().equalsIgnoreCase(hunt)) || h.id().equals(elasticId)) {
                return List.of(h);
            }
        }
        String lower = hunt.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".toml") || lower.endsWith(".esql") || lower.endsWith(".sql") || hunt.contains("/")) {
            throw new HuntNotFoundException("no such file: " + hunt);
        }
        throw new HuntNotFoundException("unknown hunt '" + hunt + "': no file of that name and no built-in hunt with that name, uuid or Elastic hunt uuid"
                + " (see `trailhunt hunts list`)");
    }

    /** Resolves several HUNT arguments in order, dropping repeats of the same hunt. */
    public List<HuntDefinition> resolveAll(List<String> hunts) {
        List<HuntDefinition> out = new ArrayList<>();
        for (String h : hunts) {
            for (HuntDefinition d : resolve(h)) {
                boolean seen = out.stream().anyMatch(o -> o.location().equals(d.location()) && o.sha256().equals(d.sha256()));
                if (!seen) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    private static List<HuntDefinition> readFolder(Path dir) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(HuntLibrary::isHuntFile)
                    .sorted(Comparator.comparing(p -> dir.relativize(p).toString().replace('\\', '/')))
                    .toList();
        } catch (IOException e) {
            throw new HuntException("cannot list " + dir + ": " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new HuntNotFoundException("no hunt files (.toml, .esql, .sql) in folder " + dir);
        }
        return files.stream().map(HuntLibrary::readFolderFile).toList();
    }

    /** Tells whether a file of a folder is a hunt by its extension: .toml, .esql or .sql. */
    private static boolean isHuntFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".toml") || name.endsWith(".esql") || name.endsWith(".sql");
    }

    /**
     * Reads one file of a folder; a file that is not a hunt (invalid TOML, a {@code pyproject.toml})
     * becomes an unloadable stand-in, so that one bad file does not stop the folder's other hunts.
     */
    private static HuntDefinition readFolderFile(Path file) {
        String location = location(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return HuntDefinition.unloadable(stem(file), origin(file), location, "", "cannot read: " + e.getMessage());
        }
        try {
            return parse(file, bytes);
        } catch (HuntFileException e) {
            return HuntDefinition.unloadable(stem(file), origin(file), location, Sha256.hex(bytes), e.reason());
        }
    }

    private static HuntDefinition readFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new HuntFileException(location(file), "cannot read: " + e.getMessage());
        }
        return parse(file, bytes);
    }

    private static HuntDefinition parse(Path file, byte[] bytes) {
        String id = stem(file);
        String location = location(file);
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".toml")) {
            return HuntFileReader.readToml(id, bytes, HuntOrigin.TOML_FILE, location);
        }
        if (lower.endsWith(".esql")) {
            return HuntFileReader.readQueryFile(id, bytes, QueryLanguage.ESQL, HuntOrigin.ESQL_FILE, location);
        }
        if (lower.endsWith(".sql")) {
            return HuntFileReader.readQueryFile(id, bytes, QueryLanguage.DUCKDB_SQL, HuntOrigin.SQL_FILE, location);
        }
        throw new HuntFileException(location, "unknown hunt file type (expected .toml, .esql or .sql)");
    }

    private static HuntOrigin origin(Path file) {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return lower.endsWith(".esql") ? HuntOrigin.ESQL_FILE : lower.endsWith(".sql") ? HuntOrigin.SQL_FILE : HuntOrigin.TOML_FILE;
    }

    private static String stem(Path file) {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static String location(Path file) {
        return file.toString().replace('\\', '/');
    }

    private static List<String> resourceLines(String name) {
        return new String(resourceBytes(name), StandardCharsets.UTF_8).lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    private static byte[] resourceBytes(String name) {
        try (InputStream in = HuntLibrary.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " in the trailhunt jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
