package dev.trailhunt.hunt;

/** Names where a hunt definition came from. */
public enum HuntOrigin {
    BUILT_IN("built-in"),
    TOML_FILE("TOML file"),
    ESQL_FILE("ES|QL file"),
    SQL_FILE("SQL file"),
    AD_HOC("ad-hoc query");

    private final String label;

    HuntOrigin(String label) {
        this.label = label;
    }

    /** Returns the label shown in listings and reports. */
    public String label() {
        return label;
    }
}
