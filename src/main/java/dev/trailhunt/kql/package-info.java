/**
 * Owns KQL, Kibana's query language, as another front-end of the ES|QL engine: parsing with source positions, and lowering into ES|QL expressions by each field's Elasticsearch type; may import esql.ast and model.
 *
 * <p>The grammar is written from Kibana's KQL documentation. {@link dev.trailhunt.kql.Kql} is the entry point;
 * the lowered {@link dev.trailhunt.esql.ast.Expr} uses the translator's internal search functions (names starting
 * with {@code $}), so every leaf predicate is two-valued and {@code not} keeps events that lack the field.
 */
package dev.trailhunt.kql;
