/**
 * Owns turning ES|QL text into the AST with a hand-written lexer and recursive-descent parser, errors at line:col; may import esql.ast and model.
 */
package dev.trailhunt.esql.parser;
