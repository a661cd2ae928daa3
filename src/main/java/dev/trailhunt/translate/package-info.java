/**
 * Owns the translation of the ES|QL AST into SQL through jOOQ with Elasticsearch's semantics; may import esql.ast and model.
 *
 * <p>Each command becomes immutable {@link dev.trailhunt.translate.Stage}s (one CTE each), and every function is
 * declared once in the {@link dev.trailhunt.translate.FunctionRegistry} (names, arity, argument kinds, result type)
 * with one rendering per {@link dev.trailhunt.translate.Dialect} (DuckDB, and Trino for Athena and Trino clusters).
 */
package dev.trailhunt.translate;
