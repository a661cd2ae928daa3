package dev.trailhunt.hardening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs a main class of this build in a child JVM and lets a test watch its stdout and kill it with SIGKILL.
 * Each child gets its own {@code java.io.tmpdir}, deleted once the child has ended: DuckDB's JDBC driver
 * extracts its 71 MB native library there per process, and a killed JVM cannot delete it itself.
 */
final class ChildJvm implements AutoCloseable {
    private static final String END = "\u0000end";

    private final Process process;
    private final Path tmpDir;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final StringBuilder err = new StringBuilder();
    private final Thread errReader;

    private ChildJvm(Process process, Path tmpDir) {
        this.process = process;
        this.tmpDir = tmpDir;
        // Also when a test forgets close(): the folder goes as soon as the child is gone.
        process.onExit().thenRun(this::deleteTmpDir);
        Thread out = new Thread(() -> pump(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), true));
        out.setDaemon(true);
        out.start();
        errReader = new Thread(() -> pump(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), false));
        errReader.setDaemon(true);
        errReader.start();
    }

    /** Tells whether {@code env --default-signal} (coreutils 8.31 and later) is there to reset ignored signals. */
    private static final boolean DEFAULT_SIGNALS = defaultSignalsAvailable();

    private static boolean defaultSignalsAvailable() {
        try {
            Process p = new ProcessBuilder("env", "--default-signal=INT,HUP,TERM", "true").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts {@code mainClass} with this JVM's class path, in {@code workDir}. */
    static ChildJvm start(Path workDir, Class<?> mainClass, String... args) throws IOException {
        return start(workDir, java.util.Map.of(), List.of(), mainClass, args);
    }

    /** Starts {@code mainClass} with this JVM's class path, in {@code workDir}, with extra environment variables and JVM options. */
    static ChildJvm start(Path workDir, java.util.Map<String, String> env, List<String> jvmOptions, Class<?> mainClass, String... args)
            throws IOException {
        Path tmpDir = Files.createTempDirectory("trailhunt-child-");
        List<String> cmd = new ArrayList<>();
        if (DEFAULT_SIGNALS) {
            // A build started in the background (nohup, CI runners) ignores SIGINT and SIGHUP, and a
            // JVM started with a signal ignored installs no handler for it: give the child the defaults.
            cmd.addAll(List.of("env", "--default-signal=INT,HUP,TERM"));
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.add("-Djava.io.tmpdir=" + tmpDir);
        // Arrow (ingest's staging batches) reads java.nio.Buffer's address, as the jar's manifest allows.
        cmd.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
        cmd.addAll(jvmOptions);
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Duser.timezone=UTC");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().putAll(env);
        try {
            return new ChildJvm(pb.start(), tmpDir);
        } catch (IOException | RuntimeException e) {
            deleteTree(tmpDir);
            throw e;
        }
    }

    /** Returns the child's own temporary folder ({@code java.io.tmpdir}), which is deleted when the child ends. */
    Path tmpDir() {
        return tmpDir;
    }

    /** Waits until a stdout line matches, returning it, or null when the child ended first or the wait ran out. */
    String awaitLine(Predicate<String> wanted, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (line.equals(END)) {
                lines.add(END);
                return null;
            }
            seen.add(line);
            if (wanted.test(line)) {
                return line;
            }
        }
        return null;
    }

    /** Kills the child with SIGKILL, waits for it to be gone and deletes its temporary folder. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (process.waitFor(60, TimeUnit.SECONDS)) {
            deleteTmpDir();
        }
    }

    /** Waits for the child to exit and returns its exit code. */
    int waitFor(long timeoutSeconds) throws InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            kill();
            throw new IllegalStateException("child did not finish in " + timeoutSeconds + " s; stderr: " + stderr());
        }
        errReader.join(5_000);
        deleteTmpDir();
        return process.exitValue();
    }

    /** Returns the child's process id. */
    long pid() {
        return process.pid();
    }

    /** Returns the stdout lines consumed so far. */
    List<String> stdout() {
        return List.copyOf(seen);
    }

    /** Returns what the child printed on stderr so far. */
    String stderr() {
        synchronized (err) {
            return err.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
        deleteTmpDir();
    }

    /** Deletes the child's temporary folder once the child has ended; safe to call more than once. */
    private synchronized void deleteTmpDir() {
        if (!process.isAlive()) {
            deleteTree(tmpDir);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the child JVM's temporary folder " + root, e);
        }
    }

    private void pump(BufferedReader r, boolean toQueue) {
        try (r) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (toQueue) {
                    lines.add(line);
                } else {
                    synchronized (err) {
                        err.append(line).append('\n');
                    }
                }
            }
        } catch (IOException e) {
            // The child was killed; what it printed so far is all there is.
        } finally {
            if (toQueue) {
                lines.add(END);
            }
        }
    }
}
