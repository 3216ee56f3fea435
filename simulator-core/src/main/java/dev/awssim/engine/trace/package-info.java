/**
 * The timeline of a simulation: typed, timestamped events (sent, received, became visible,
 * throttled, ...), listeners, JSON Lines and CSV export, and a stable hash over every event so that
 * tests can assert that two runs with the same seed were identical. Users read it ({@link
 * dev.awssim.engine.trace.Trace} has no way to record); the services record through the recorder in
 * {@code dev.awssim.internal.trace}.
 */
package dev.awssim.engine.trace;
