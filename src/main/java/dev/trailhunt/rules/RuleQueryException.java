package dev.trailhunt.rules;

/** Signals a rule query that cannot be parsed or lowered; the message is positioned in the rule file, with a caret. */
final class RuleQueryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RuleQueryException(String message) {
        super(message);
    }
}
