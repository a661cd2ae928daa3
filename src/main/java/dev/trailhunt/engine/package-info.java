/**
 * Owns every JDBC and DuckDB interaction (stores, bulk loading, sandboxed queries, their temporary folders); may import model.
 *
 * <p>{@link dev.trailhunt.engine.Store} is the door: other packages call its methods and never hold a JDBC connection.
 */
package dev.trailhunt.engine;
