package dev.trailhunt.translate;

import org.jooq.VisitContext;
import org.jooq.VisitListener;

/**
 * Counts the parts jOOQ renders for one statement and stops the rendering past a budget.
 *
 * <p>Some translations use an argument twice (e.g. {@code CASE WHEN isfinite(sqrt(x)) THEN sqrt(x)
 * END}), so the SQL of nested calls grows exponentially with the nesting while the query stays
 * short; twenty nested SQRTs would render 80 MB. The budget turns that into an error before the
 * memory is spent. Elasticsearch's whole csv-spec suite stays under 600 parts per statement.
 */
final class RenderBudget implements VisitListener {
    /** Caps the parts of one statement, some 10 MB of SQL. */
    static final int MAX_PARTS = 1_000_000;

    /** Reports a statement over the budget, which the translator turns into a positioned error. */
    static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exceeded() {
            super("the SQL of this query would exceed " + MAX_PARTS + " parts", null, false, false);
        }
    }

    private int parts;

    @Override
    public void visitStart(VisitContext context) {
        if (++parts > MAX_PARTS) {
            throw new Exceeded();
        }
    }
}
