/**
 * The machinery of a simulation that awssim's own modules build on and users should not need: the
 * {@link dev.awssim.internal.SimulationContext} every service model receives (lock, scheduler,
 * random streams, metrics, trace, account), the {@link dev.awssim.internal.Scheduler} with its
 * nanosecond task API (the only owner of the virtual clock's time), the {@link
 * dev.awssim.internal.WallClockPacer} behind {@code AwsSimulator.paceByWallClock}, and seeded id
 * generation. Sub-packages hold the nanosecond time helpers and the throttle primitives.
 *
 * <p>Its types are public only because Java has no other way to share them across packages and
 * modules. They may change in any release; an ArchUnit test in simulator-core keeps the packages
 * that use them to an allow-list.
 */
package dev.awssim.internal;
