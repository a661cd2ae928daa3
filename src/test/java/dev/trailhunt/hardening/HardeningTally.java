package dev.trailhunt.hardening;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Counts the hostile cases a test class checked and prints {@code hardening: class K: N cases, all held}
 * (or {@code …, F failed}) when the class ends; {@code .ci/run} adds the lines up.
 *
 * <p>A case is one asserted outcome of one generated variant; a test counts it with {@link #held()}
 * after its assertions pass, so a failing variant is counted as a failure, never as held.
 */
final class HardeningTally implements TestWatcher, AfterAllCallback {
    private final int hardeningClass;
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    /** Creates the tally of one of the classes (1 crash, 2 limits, 3 ingest integrity, 4 output, 5 leaks). */
    HardeningTally(int hardeningClass) {
        this.hardeningClass = hardeningClass;
    }

    /** Counts one case whose assertions passed. */
    void held() {
        held.incrementAndGet();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        failed.incrementAndGet();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        int f = failed.get();
        int n = held.get() + f;
        System.out.println("hardening: class " + hardeningClass + ": " + n + " cases, " + (f == 0 ? "all held" : f + " failed"));
    }
}
