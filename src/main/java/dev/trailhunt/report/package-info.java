/**
 * Owns result and report writers, one per format (terminal table, CSV, JSON, Markdown, HTML); may import hunt, rules, engine and model.
 */
package dev.trailhunt.report;
