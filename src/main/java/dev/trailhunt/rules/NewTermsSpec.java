package dev.trailhunt.rules;

import java.time.Duration;
import java.util.List;

/**
 * Holds a new_terms rule's settings.
 *
 * @param fields the new_terms_fields whose value combination must be new (1 to 3)
 * @param history how far back before an execution's window a combination counts as known ({@code history_window_start})
 */
public record NewTermsSpec(List<String> fields, Duration history) {
    /** Copies the list so the record stays immutable. */
    public NewTermsSpec {
        fields = List.copyOf(fields);
    }
}
