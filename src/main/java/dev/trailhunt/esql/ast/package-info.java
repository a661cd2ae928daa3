/**
 * Models a parsed ES|QL query as immutable records that carry their source positions; knows nothing of SQL.
 */
package dev.trailhunt.esql.ast;
