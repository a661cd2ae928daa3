/**
 * Owns result and report writers, one per format (terminal table, CSV, JSON, Markdown, HTML, Jupyter notebook, detection alerts), and the manifest that lets a report be verified; may import hunt, rules, engine and model.
 */
package dev.trailhunt.report;
