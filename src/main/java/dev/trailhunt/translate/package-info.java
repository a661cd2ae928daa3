/**
 * Translates the ES|QL AST into a jOOQ query model with Elasticsearch's semantics: each command becomes
 * immutable {@link dev.trailhunt.translate.Stage}s (one CTE each), and every function is declared once in
 * the {@link dev.trailhunt.translate.FunctionRegistry} (names, arity, argument kinds, result type) with
 * one rendering per {@link dev.trailhunt.translate.Dialect}, DuckDB today.
 */
package dev.trailhunt.translate;
