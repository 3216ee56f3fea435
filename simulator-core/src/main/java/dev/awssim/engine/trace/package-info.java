/**
 * The timeline of a simulation: typed, timestamped events (sent, received, became visible,
 * throttled, ...), listeners, JSON Lines and CSV export, and a stable hash over every event so that
 * tests can assert that two runs with the same seed were identical.
 */
package dev.awssim.engine.trace;
