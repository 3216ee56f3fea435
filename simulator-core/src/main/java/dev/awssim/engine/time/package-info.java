/**
 * Virtual time: one {@link dev.awssim.engine.time.VirtualClock} and one {@link
 * dev.awssim.internal.Scheduler scheduler} per simulation (the scheduler is internal: users move
 * time through {@code AwsSimulator}, which builds both).
 *
 * <h2>How is time designed, and why?</h2>
 *
 * <p>AWS behaviour is mostly about time: a message hidden for 30 seconds, a delay of 15 minutes,
 * retention of 14 days, a token refilled every 100 ms. A library that waits on the wall clock
 * cannot test any of that quickly or reproducibly (Guava issue 1774 is the cautionary tale). So
 * nothing in awssim reads the wall clock or sleeps; the build forbids it.
 *
 * <pre>
 *   queue of (due, seq) -> task          clock (long nanos since a fixed start)
 *   [ 30s#4 visible m1 ]                        |
 *   [ 30s#5 visible m2 ]   advanceBy(60s) ----> 0s ... 30s (run #4, #5) ... 60s
 *   [ 90s#6 expire  m3 ]                        stops at 60s; #6 stays pending
 * </pre>
 *
 * <p>The scheduler is a priority queue ordered by due time, then by a sequence number handed out at
 * scheduling, so ties run in scheduling order. Advancing to a target runs every task due at or
 * before the target, each with the clock set to its due time, including tasks scheduled by those
 * tasks inside the window; the clock then equals the target. A call that would block in AWS (a long
 * poll) uses {@link dev.awssim.internal.Scheduler#advanceUntil} to advance time until it can
 * answer. Code running inside a task cannot advance time; it schedules a continuation.
 *
 * <p>One exception, opt-in: a {@link dev.awssim.engine.time.Pacer} lets virtual time follow the
 * wall clock times a factor, for third-party libraries that run their own threads and wait on the
 * wall clock (the Kinesis Client Library, the SDK's batch manager) and for live demos. It is the
 * only class that reads the wall clock, exempt by name from the build's check; with it runs are no
 * longer deterministic. Stopping it returns the simulation to stepped control.
 *
 * <p>Inside, time is a {@code long} of nanoseconds (saturating conversions); at the API it is
 * {@link java.time.Instant} and {@link java.time.Duration}. Guava {@code Ticker} and {@code
 * java.time.Clock} views let user code share virtual time.
 */
package dev.awssim.engine.time;
