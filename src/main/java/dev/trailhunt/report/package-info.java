/**
 * Writes hunt results and reproducible notebook-style reports, one writer per format.
 */
package dev.trailhunt.report;
