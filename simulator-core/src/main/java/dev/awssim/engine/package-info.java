/**
 * The public engine of a simulation, what users see of it: {@link dev.awssim.engine.AwsAccount}
 * (the account ID and Region of every resource), {@link dev.awssim.engine.AwsServiceException} (the
 * AWS error code and HTTP status every service error carries), and in the sub-packages the
 * read-only virtual clock, metrics and trace queries and the seeded random streams. The machinery
 * that moves time and that service models are built on (the scheduler, the simulation context, the
 * throttle primitives) is in {@code dev.awssim.internal}, for awssim's own modules only. The engine
 * depends on no service; an ArchUnit test keeps it so.
 */
package dev.awssim.engine;
