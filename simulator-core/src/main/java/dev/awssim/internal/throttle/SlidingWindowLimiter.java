package dev.awssim.internal.throttle;

import static com.google.common.base.Preconditions.checkArgument;

import dev.awssim.internal.time.Durations;
import java.time.Duration;

/**
 * A limit of {@code limit} units (records, bytes, calls) over every span of length {@code window}
 * of virtual time: a sliding window, not fixed buckets.
 *
 * <p>An admitted amount at time t0 counts against the limit during [t0, t0 + window) and is
 * released at exactly t0 + window ([SIM] the project's half-open time-boundary rule: AWS documents
 * per-second limits, not which instant a unit comes back; see the README's evidence labels). So no
 * span of one window ever admits more than the limit, and a client that waits the returned delay is
 * admitted. Kinesis's per-shard limits (1,000 records/s, 1 MiB/s, 5 GetRecords calls/s) are
 * instances of this.
 *
 * <pre>{@code
 * SlidingWindowLimiter records = SlidingWindowLimiter.perSecond(1_000);
 * ThrottleDecision d = records.tryAcquire(1, clock.nanos());
 * }</pre>
 *
 * <p>Not thread-safe: the owning model calls it under the simulation's lock.
 */
public final class SlidingWindowLimiter {
  private final long limit;
  private final long windowNanos;

  /**
   * A ring of (instant, amount) entries in time order; its capacity is a power of two. Amounts
   * recorded at the same instant share one entry (on virtual time, a burst of calls often does).
   */
  private long[] times = new long[16];

  private long[] amounts = new long[16];
  private int head;
  private int size;
  private long used;

  /**
   * A limiter admitting at most {@code limit} units over any span of {@code window}.
   *
   * @throws IllegalArgumentException if {@code limit} is negative or {@code window} not positive
   */
  public SlidingWindowLimiter(long limit, Duration window) {
    checkArgument(limit >= 0, "limit must not be negative: %s", limit);
    this.limit = limit;
    this.windowNanos = Durations.positiveNanos(window, "window");
  }

  /** A limiter of {@code limit} units per second. */
  public static SlidingWindowLimiter perSecond(long limit) {
    return new SlidingWindowLimiter(limit, Duration.ofSeconds(1));
  }

  /** The most units admitted over one window. */
  public long limit() {
    return limit;
  }

  /**
   * Admits {@code amount} at {@code nowNanos} if the window has room for it.
   *
   * @throws IllegalArgumentException if {@code amount} is negative
   */
  public ThrottleDecision tryAcquire(long amount, long nowNanos) {
    ThrottleDecision decision = estimate(amount, nowNanos);
    if (decision.isAdmitted()) {
      record(amount, nowNanos);
      return ThrottleDecision.admitted(limit - used);
    }
    return decision;
  }

  /**
   * Says whether {@code amount} would be admitted at {@code nowNanos}, without recording it or
   * changing the limiter (so it may look ahead in time).
   *
   * @throws IllegalArgumentException if {@code amount} is negative
   */
  public ThrottleDecision estimate(long amount, long nowNanos) {
    checkArgument(amount >= 0, "amount must not be negative: %s", amount);
    long live = used;
    int first = 0;
    while (first < size && times[slot(first)] + windowNanos <= nowNanos) {
      live -= amounts[slot(first)];
      first++;
    }
    long free = Math.max(0, limit - live);
    if (amount > limit) {
      return ThrottleDecision.rejected(ThrottleDecision.NEVER, free);
    }
    if (live + amount <= limit) {
      return ThrottleDecision.admitted(free - amount);
    }
    long stillUsed = live;
    for (int i = first; i < size; i++) {
      stillUsed -= amounts[slot(i)];
      if (stillUsed + amount <= limit) {
        return ThrottleDecision.rejected(times[slot(i)] + windowNanos - nowNanos, free);
      }
    }
    throw new AssertionError("an empty window admits any amount within the limit");
  }

  /**
   * Whether {@code amount} fits in the window that ends at {@code nowNanos}, without recording it
   * and without allocating: for a model that checks several limits before it records in any (a
   * Kinesis write counts against a shard's records/s and bytes/s). Like {@link #record(long, long)}
   * it forgets what has left the window, so {@code nowNanos} must not be earlier than an instant
   * the limiter was already given ({@link #estimate(long, long)} may look ahead; this may not).
   *
   * @throws IllegalArgumentException if {@code amount} is negative
   */
  public boolean hasRoom(long amount, long nowNanos) {
    checkArgument(amount >= 0, "amount must not be negative: %s", amount);
    evict(nowNanos);
    return used + amount <= limit;
  }

  /**
   * Records {@code amount} at {@code nowNanos} whether or not it fits (for penalties, such as the
   * Kinesis read allowance that a large response uses up ahead of time).
   *
   * @throws IllegalArgumentException if {@code amount} is negative
   */
  public void record(long amount, long nowNanos) {
    checkArgument(amount >= 0, "amount must not be negative: %s", amount);
    evict(nowNanos);
    if (amount == 0) {
      return;
    }
    used += amount;
    if (size > 0 && times[slot(size - 1)] == nowNanos) {
      amounts[slot(size - 1)] += amount;
      return;
    }
    if (size == times.length) {
      grow();
    }
    int slot = slot(size);
    times[slot] = nowNanos;
    amounts[slot] = amount;
    size++;
  }

  /** Units counted in the window that ends at {@code nowNanos}. */
  public long used(long nowNanos) {
    evict(nowNanos);
    return used;
  }

  private int slot(int index) {
    return (head + index) & (times.length - 1);
  }

  private void evict(long nowNanos) {
    while (size > 0 && times[head] + windowNanos <= nowNanos) {
      used -= amounts[head];
      head = (head + 1) & (times.length - 1);
      size--;
    }
  }

  private void grow() {
    long[] newTimes = new long[times.length * 2];
    long[] newAmounts = new long[amounts.length * 2];
    for (int i = 0; i < size; i++) {
      newTimes[i] = times[slot(i)];
      newAmounts[i] = amounts[slot(i)];
    }
    times = newTimes;
    amounts = newAmounts;
    head = 0;
  }

  @Override
  public String toString() {
    return "SlidingWindowLimiter[limit="
        + limit
        + ", window="
        + Duration.ofNanos(windowNanos)
        + ", used="
        + used
        + ", entries="
        + size
        + "]";
  }
}
