/**
 * Owns the parsed EQL query as immutable records with their line:column positions, knowing nothing of SQL; may import model.
 */
package dev.trailhunt.eql.ast;
