/**
 * Owns the command line (picocli), the terminal and the exit codes; may import report, hunt, rules, translate, ingest, ingest.ecs, esql.parser, esql.ast, engine, generate, geoip and model.
 *
 * <p>The only package that prints to the terminal or exits the process; nothing imports it.
 */
package dev.trailhunt.cli;
