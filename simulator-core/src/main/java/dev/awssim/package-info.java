/**
 * awssim: AWS behaviour (limits, timing, throttling, ordering, errors) simulated in memory on a
 * deterministic virtual clock. Start at {@link dev.awssim.AwsSimulator}.
 */
package dev.awssim;
