/**
 * Owns the values and schema every layer shares (result tables, ES|QL value types, ip text, ECS columns, SHA-256 text); imports nothing of trailhunt.
 */
package dev.trailhunt.model;
