package dev.trailhunt.report;

import java.util.Locale;
import java.util.regex.Pattern;

/** Links MITRE ATT&amp;CK technique ids to their pages. */
final class Mitre {
    private static final Pattern ID = Pattern.compile("T\\d{4}(\\.\\d{3})?");

    private Mitre() {}

    /** Returns the technique's attack.mitre.org address, or null for text that is not a technique id. */
    static String url(String id) {
        String t = id.strip().toUpperCase(Locale.ROOT);
        if (!ID.matcher(t).matches()) {
            return null;
        }
        return "https://attack.mitre.org/techniques/" + t.replace('.', '/') + "/";
    }
}
