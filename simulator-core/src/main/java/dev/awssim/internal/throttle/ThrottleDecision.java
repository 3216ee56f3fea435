package dev.awssim.internal.throttle;

import java.time.Duration;

/**
 * The typed result of asking a throttle for permits: admitted, or rejected with the virtual time to
 * wait until the same request would pass (in the manner of Bucket4j's {@code ConsumptionProbe};
 * never a sentinel number).
 *
 * <pre>{@code
 * ThrottleDecision d = bucket.tryConsume(1, clock.nanos());
 * if (d.isRejected()) {
 *   scheduler.afterNanos(d.waitNanos(), this::retry);
 * }
 * }</pre>
 */
public final class ThrottleDecision {
  /** The wait of a request that can never pass (it asks for more than the throttle's capacity). */
  public static final long NEVER = Long.MAX_VALUE;

  private static final ThrottleDecision ADMITTED_UNKNOWN = new ThrottleDecision(true, 0, -1);

  private final boolean admitted;
  private final long waitNanos;
  private final long remaining;

  private ThrottleDecision(boolean admitted, long waitNanos, long remaining) {
    this.admitted = admitted;
    this.waitNanos = waitNanos;
    this.remaining = remaining;
  }

  /** An admission that leaves {@code remaining} whole permits (-1 when not tracked). */
  public static ThrottleDecision admitted(long remaining) {
    return remaining < 0 ? ADMITTED_UNKNOWN : new ThrottleDecision(true, 0, remaining);
  }

  /**
   * A rejection: the same request would pass after {@code waitNanos} ({@link #NEVER} if never);
   * {@code remaining} whole permits are available now.
   */
  public static ThrottleDecision rejected(long waitNanos, long remaining) {
    return new ThrottleDecision(false, Math.max(1, waitNanos), remaining);
  }

  /** Whether the request passed and its permits were taken. */
  public boolean isAdmitted() {
    return admitted;
  }

  /** Whether the request was refused; nothing was taken. */
  public boolean isRejected() {
    return !admitted;
  }

  /** Nanoseconds of virtual time until the request would pass; 0 when admitted. */
  public long waitNanos() {
    return waitNanos;
  }

  /** {@link #waitNanos()} as a duration; {@code Duration.ofNanos(Long.MAX_VALUE)} for never. */
  public Duration waitTime() {
    return Duration.ofNanos(waitNanos);
  }

  /** Whether the request can never pass, however long the caller waits. */
  public boolean isNeverAdmissible() {
    return waitNanos == NEVER;
  }

  /** Whole permits left after this decision (-1 when the throttle does not track them). */
  public long remaining() {
    return remaining;
  }

  @Override
  public String toString() {
    return admitted
        ? "admitted(remaining=" + remaining + ")"
        : "rejected(wait=" + (isNeverAdmissible() ? "never" : waitTime()) + ")";
  }
}
