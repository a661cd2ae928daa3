/**
 * Owns running hunts end to end (definitions, now, translation, execution, results); may import translate, ingest, esql.parser, esql.ast, engine and model.
 *
 * <p>Hunts come built in or as TOML, ES|QL and DuckDB SQL files; a one-off {@code --data} run learns here which columns and records its queries can observe.
 */
package dev.trailhunt.hunt;
