/**
 * Owns the EQL front-end: parsing EQL text with positioned errors, lowering conditions into the ES|QL AST, and matching sequences in plain Java; may import eql.ast, esql.ast and model.
 */
package dev.trailhunt.eql;
