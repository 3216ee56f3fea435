package dev.awssim.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.awssim.engine.AwsAccount;
import dev.awssim.engine.random.RandomStreams;
import dev.awssim.engine.time.VirtualClock;
import dev.awssim.internal.metrics.MetricRecorder;
import dev.awssim.internal.trace.TraceRecorder;

/**
 * What a service model needs from the simulation that owns it: the clock, the scheduler, the random
 * streams, metrics, the trace, the one lock that makes public operations thread-safe, and the
 * account and Region the simulation runs in.
 *
 * <pre>{@code
 * synchronized (context.lock()) {
 *   long now = context.clock().nanos();
 * }
 * }</pre>
 *
 * @param clock the virtual clock (read it; only the scheduler moves it)
 * @param scheduler the one event scheduler
 * @param random the named, seeded random streams
 * @param metrics the recorder of the CloudWatch-like metrics (users read them as {@code Metrics})
 * @param trace the recorder of the timeline of events (users read it as {@code Trace})
 * @param lock the simulation's lock: models hold it for each public operation
 * @param account the account ID and Region of every resource in the simulation
 */
public record SimulationContext(
    VirtualClock clock,
    Scheduler scheduler,
    RandomStreams random,
    MetricRecorder metrics,
    TraceRecorder trace,
    Object lock,
    AwsAccount account) {

  /**
   * Validates the context.
   *
   * @throws NullPointerException if a component is null
   */
  public SimulationContext {
    checkNotNull(clock, "clock");
    checkNotNull(scheduler, "scheduler");
    checkNotNull(random, "random");
    checkNotNull(metrics, "metrics");
    checkNotNull(trace, "trace");
    checkNotNull(lock, "lock");
    checkNotNull(account, "account");
  }

  /**
   * A context in the {@linkplain AwsAccount#defaults() default account and Region}.
   *
   * @throws NullPointerException if a component is null
   */
  public SimulationContext(
      VirtualClock clock,
      Scheduler scheduler,
      RandomStreams random,
      MetricRecorder metrics,
      TraceRecorder trace,
      Object lock) {
    this(clock, scheduler, random, metrics, trace, lock, AwsAccount.defaults());
  }
}
