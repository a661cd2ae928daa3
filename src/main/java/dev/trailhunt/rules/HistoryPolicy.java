package dev.trailhunt.rules;

/** Says how new_terms rules treat the start of the data, where their history window reaches before the first event. */
public enum HistoryPolicy {
    /** Raises no alert until one full history window of data exists (the default): the past is unknown, not empty. */
    WAIT,
    /** Treats the time before the first event as empty, so every first occurrence alerts. */
    ALERT
}
