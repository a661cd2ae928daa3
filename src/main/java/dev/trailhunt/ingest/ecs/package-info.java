/**
 * Maps one raw CloudTrail record to the ECS document Elastic's aws.cloudtrail ingest pipeline produces.
 */
package dev.trailhunt.ingest.ecs;
