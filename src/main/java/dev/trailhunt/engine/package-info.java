/**
 * Owns every JDBC and DuckDB interaction: opening stores, bulk loading events, sandboxed query execution;
 * and the store's value model (result types, the text form of ip values) that every other package shares.
 */
package dev.trailhunt.engine;
