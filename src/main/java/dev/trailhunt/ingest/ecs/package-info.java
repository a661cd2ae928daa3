/**
 * Owns the mapping of one raw CloudTrail record to the ECS document Elastic's aws.cloudtrail ingest pipeline produces; may import model.
 */
package dev.trailhunt.ingest.ecs;
