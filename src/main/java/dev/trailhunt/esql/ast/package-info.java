/**
 * Owns the parsed ES|QL query as immutable records carrying their source positions, knowing nothing of SQL; may import model.
 */
package dev.trailhunt.esql.ast;
