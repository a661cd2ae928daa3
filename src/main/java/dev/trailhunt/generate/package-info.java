/**
 * Generates deterministic, realistic CloudTrail logs in the S3 delivery layout for samples and benchmarks.
 */
package dev.trailhunt.generate;
