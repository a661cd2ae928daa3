/**
 * Reads CloudTrail logs in every delivery format with Jackson streaming and hands ECS events to the engine.
 */
package dev.trailhunt.ingest;
