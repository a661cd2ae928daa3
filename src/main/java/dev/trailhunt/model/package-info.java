/**
 * Owns the values and the schema every layer shares (result tables and their ES|QL types, ip text, the ECS
 * columns of the events table); imports nothing of trailhunt.
 */
package dev.trailhunt.model;
