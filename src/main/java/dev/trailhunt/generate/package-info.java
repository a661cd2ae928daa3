/**
 * Owns deterministic, realistic CloudTrail logs in the S3 delivery layout for samples and benchmarks; may import model.
 */
package dev.trailhunt.generate;
