/**
 * Runs hunts end to end: loads hunt definitions (built-in, TOML, ES|QL, SQL), resolves now, translates, executes and returns results.
 */
package dev.trailhunt.hunt;
