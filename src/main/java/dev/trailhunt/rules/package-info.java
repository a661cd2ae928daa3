/**
 * Owns Elastic detection rules offline (model, loading, execution windows, alerts); may import translate, engine, esql.parser, esql.ast, kql, eql, eql.ast, ingest and model.
 *
 * <p>Rules run as Elastic's manual rule run (backfill) would, as set-based SQL over the store; KQL and EQL
 * lower into the ES|QL AST so that one translator renders every rule.
 */
package dev.trailhunt.rules;
