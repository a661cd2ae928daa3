package dev.trailhunt.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FailureCategoryTest {
    @Test
    void dropsPositionsNamesAndNumbersSoLikeFailuresGroup() {
        assertEquals("unsupported: MV_ZIP", FailureCategory.of(CaseResult.Outcome.UNSUPPORTED, "unsupported: MV_ZIP at 2:9"));
        assertEquals("translate: Unknown column []", FailureCategory.of(CaseResult.Outcome.FAILED, "translate: 4:19: Unknown column [x]"));
        assertEquals("wrong answer: row N column []",
                FailureCategory.of(CaseResult.Outcome.FAILED, "wrong answer: row 12 column [a.b]: expected 1 but was 2"));
        assertEquals("execution: Binder Error: Referenced column \"\" not found",
                FailureCategory.of(CaseResult.Outcome.FAILED, "execution: query failed: Binder Error: Referenced column \"other\" not found"));
        assertEquals("passed", FailureCategory.of(CaseResult.Outcome.PASSED, ""));
    }
}
