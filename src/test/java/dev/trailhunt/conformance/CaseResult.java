package dev.trailhunt.conformance;

import java.util.Objects;

/**
 * Records what happened to one csv-spec case.
 *
 * @param specCase the case
 * @param outcome the classification
 * @param reason why it did not pass (empty when it passed)
 * @param sql the SQL that ran, or empty when translation did not get that far
 */
record CaseResult(SpecCase specCase, Outcome outcome, String reason, String sql) {

    /** Classifies a case the way the conformance summary counts it. */
    enum Outcome {
        /** The result matched the expectation. */
        PASSED,
        /** A wrong answer, or an error other than "unsupported". */
        FAILED,
        /** The parser or translator declared a feature unsupported, or the case needs a dataset or setting we lack. */
        UNSUPPORTED,
        /** The spec itself switches the case off ({@code -Ignore}, or skipped on current versions); not counted. */
        DISABLED
    }

    CaseResult {
        Objects.requireNonNull(specCase, "specCase");
        Objects.requireNonNull(outcome, "outcome");
        reason = reason == null ? "" : reason;
        sql = sql == null ? "" : sql;
    }

    /** Returns the failure or unsupported reason's category: its text up to the first detail. */
    String category() {
        return FailureCategory.of(outcome, reason);
    }
}
