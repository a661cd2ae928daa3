/**
 * Owns reading CloudTrail logs in every delivery format (Jackson streaming) and staging their ECS events for the engine; may import ingest.ecs, geoip, engine and model.
 */
package dev.trailhunt.ingest;
