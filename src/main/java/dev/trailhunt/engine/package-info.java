/**
 * Owns every JDBC and DuckDB interaction: opening stores, bulk loading events, sandboxed query execution.
 */
package dev.trailhunt.engine;
