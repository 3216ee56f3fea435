package dev.awssim.cloudwatch;

import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.engine.metrics.Metrics;
import dev.awssim.engine.time.Cancellable;
import dev.awssim.engine.time.VirtualClock;
import dev.awssim.internal.metrics.MetricRecorder;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The raw values of the metrics whose percentiles are asked for, per second of virtual time: AWS
 * computes percentiles from the raw values, not from the Sum/Min/Max/SampleCount the simulation's
 * {@link Metrics} keep. A metric is tracked from the moment it is first published through
 * PutMetricData, named by a percentile alarm, or passed to {@link CloudWatch#trackPercentiles};
 * values recorded before that are not known. Values are kept as long as 1-minute data (15 days by
 * default). A second that holds a statistic set AWS cannot take percentiles of is marked, and
 * periods containing it have no percentile. Not thread-safe: called with the simulation's lock
 * held.
 */
final class RawValues {
  private static final class Second {
    double[] values = new double[4];
    int size;
    boolean unavailable;

    void add(double v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }
  }

  private final MetricRecorder metrics;
  private final VirtualClock clock;
  private final Map<MetricKey, NavigableMap<Long, Second>> tracked = new HashMap<>();
  private Cancellable subscription;

  /** While true, values the metrics report are not taken (a statistic set is being recorded). */
  private boolean muted;

  RawValues(MetricRecorder metrics, VirtualClock clock) {
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Keeps the raw values of {@code key} from now on. */
  void track(MetricKey key) {
    if (!metrics.isEnabled()) {
      return;
    }
    tracked.computeIfAbsent(key, k -> new TreeMap<>());
    if (subscription == null) {
      subscription = metrics.subscribe(this::recorded);
    }
  }

  boolean isTracked(MetricKey key) {
    return tracked.containsKey(key);
  }

  private void recorded(MetricKey key, Instant at, double value) {
    if (muted) {
      return;
    }
    NavigableMap<Long, Second> seconds = tracked.get(key);
    if (seconds != null) {
      seconds.computeIfAbsent(at.getEpochSecond(), s -> new Second()).add(value);
      // A PutMetricData value may be stamped in the past or the future: expiry follows the clock.
      evict(seconds, clock.now().getEpochSecond());
    }
  }

  /** Runs {@code r} (which records a statistic set) without taking what it records. */
  void muted(Runnable r) {
    muted = true;
    try {
      r.run();
    } finally {
      muted = false;
    }
  }

  /** Adds {@code count} copies of {@code value} at {@code at} (an eligible statistic set). */
  void add(MetricKey key, Instant at, double value, long count) {
    NavigableMap<Long, Second> seconds = tracked.get(key);
    if (seconds == null) {
      return;
    }
    Second s = seconds.computeIfAbsent(at.getEpochSecond(), x -> new Second());
    for (long i = 0; i < count; i++) {
      s.add(value);
    }
  }

  /** Marks the second of {@code at}: its period has no percentile. */
  void markUnavailable(MetricKey key, Instant at) {
    NavigableMap<Long, Second> seconds = tracked.get(key);
    if (seconds != null) {
      seconds.computeIfAbsent(at.getEpochSecond(), x -> new Second()).unavailable = true;
    }
  }

  /**
   * The percentile {@code p} of the values in [fromSecond, toSecond), or null when there is none
   * (no values, an unavailable second, a negative value, or an untracked metric).
   */
  Double percentile(MetricKey key, long fromSecond, long toSecond, double p) {
    Values v = values(key, fromSecond, toSecond);
    return v == null ? null : Statistics.percentile(v.values, v.size, p);
  }

  /** How many raw values lie in [fromSecond, toSecond) (0 for an untracked metric). */
  long count(MetricKey key, long fromSecond, long toSecond) {
    Values v = values(key, fromSecond, toSecond);
    return v == null ? 0 : v.size;
  }

  private record Values(double[] values, int size) {}

  private Values values(MetricKey key, long fromSecond, long toSecond) {
    NavigableMap<Long, Second> seconds = tracked.get(key);
    if (seconds == null) {
      return null;
    }
    int n = 0;
    Map<Long, Second> range = seconds.subMap(fromSecond, true, toSecond, false);
    for (Second s : range.values()) {
      if (s.unavailable) {
        return null;
      }
      n += s.size;
    }
    double[] out = new double[n];
    int i = 0;
    for (Second s : range.values()) {
      System.arraycopy(s.values, 0, out, i, s.size);
      i += s.size;
    }
    return new Values(out, n);
  }

  private void evict(NavigableMap<Long, Second> seconds, long nowSecond) {
    long keep = metrics.retention().oneMinute().toSeconds();
    seconds.headMap(nowSecond - keep, true).clear();
  }
}
