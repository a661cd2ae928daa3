/**
 * Translates the ES|QL AST into a jOOQ query model for DuckDB with Elasticsearch's semantics; one function catalog maps ES|QL functions.
 */
package dev.trailhunt.translate;
