package dev.awssim.engine.time;

/**
 * A read-only source of virtual time, in nanoseconds since the start of the simulation.
 *
 * <p>Components that only need to know the time receive this view; only the simulation's scheduler
 * moves time (in the spirit of Caffeine's {@code Ticker}).
 *
 * <pre>{@code
 * TimeSource time = simulator.clock();
 * long elapsed = time.read();
 * }</pre>
 */
@FunctionalInterface
public interface TimeSource {
  /**
   * Returns the nanoseconds of virtual time elapsed since the simulation started; never negative.
   */
  long read();
}
