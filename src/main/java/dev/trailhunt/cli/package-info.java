/**
 * Parses the command line with picocli; the only package that prints to the terminal or exits the process.
 */
package dev.trailhunt.cli;
