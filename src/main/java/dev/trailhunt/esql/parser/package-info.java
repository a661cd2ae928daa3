/**
 * Turns ES|QL text into the AST with a hand-written lexer and recursive-descent parser, reporting errors at line:col.
 */
package dev.trailhunt.esql.parser;
