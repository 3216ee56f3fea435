package dev.awssim.engine.metrics;

import dev.awssim.engine.time.VirtualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values recorded for one {@link MetricKey}, aggregated per second of virtual time.
 *
 * <p>Models hold a series and call {@link #record(double)} on their hot paths, so that recording
 * costs no map lookup beyond the current second. Longer periods are merged from the seconds when
 * queried.
 *
 * <pre>{@code
 * MetricSeries sent = metrics.series("AWS/SQS", "NumberOfMessagesSent", dims);
 * sent.record(1);
 * }</pre>
 */
public final class MetricSeries {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final MetricKey key;
  private final VirtualClock clock;
  private final Object lock;
  private final TreeMap<Long, Bucket> seconds = new TreeMap<>();

  /** The elapsed nanos {@code [start, end)} of the second {@code current} aggregates. */
  private long currentStartNanos;

  private long currentEndNanos = Long.MIN_VALUE;
  private Bucket current;

  MetricSeries(MetricKey key, VirtualClock clock, Object lock) {
    this.key = key;
    this.clock = clock;
    this.lock = lock;
  }

  /** The metric this series records. */
  public MetricKey key() {
    return key;
  }

  /** Records {@code value} at the current virtual time. */
  public void record(double value) {
    synchronized (lock) {
      recordHoldingLock(value);
    }
  }

  /**
   * As {@link #record(double)}, for a caller that already holds the simulation's lock, as every
   * model method does: it skips entering the lock again, which is a fifth of the cost of an API
   * Gateway request that records four metrics.
   */
  public void recordHoldingLock(double value) {
    long now = clock.nanos();
    if (now < currentStartNanos || now >= currentEndNanos) {
      long second = epochSecond(now);
      current = seconds.computeIfAbsent(second, s -> new Bucket());
      Instant start = clock.start();
      currentStartNanos = (second - start.getEpochSecond()) * NANOS_PER_SECOND - start.getNano();
      currentEndNanos = currentStartNanos + NANOS_PER_SECOND;
    }
    current.add(value);
  }

  /**
   * The datapoints of each non-empty period in [start, end), periods aligned to multiples of {@code
   * periodSeconds} since the epoch, as CloudWatch aligns them.
   */
  List<Datapoint> datapoints(Instant start, Instant end, long periodSeconds) {
    List<Datapoint> result = new ArrayList<>();
    synchronized (lock) {
      Bucket merged = null;
      long mergedStart = 0;
      for (Map.Entry<Long, Bucket> e :
          seconds.subMap(start.getEpochSecond(), true, ceilSecond(end), false).entrySet()) {
        long periodStart = Math.floorDiv(e.getKey(), periodSeconds) * periodSeconds;
        if (merged != null && periodStart != mergedStart) {
          result.add(merged.toDatapoint(mergedStart));
          merged = null;
        }
        if (merged == null) {
          merged = new Bucket();
          mergedStart = periodStart;
        }
        merged.merge(e.getValue());
      }
      if (merged != null) {
        result.add(merged.toDatapoint(mergedStart));
      }
    }
    return result;
  }

  private long epochSecond(long elapsedNanos) {
    Instant start = clock.start();
    return start.getEpochSecond() + Math.floorDiv(start.getNano() + elapsedNanos, NANOS_PER_SECOND);
  }

  private static long ceilSecond(Instant instant) {
    return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
  }

  private static final class Bucket {
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private long count;

    void add(double value) {
      sum += value;
      if (value < min) {
        min = value;
      }
      if (value > max) {
        max = value;
      }
      count++;
    }

    void merge(Bucket other) {
      sum += other.sum;
      min = Math.min(min, other.min);
      max = Math.max(max, other.max);
      count += other.count;
    }

    Datapoint toDatapoint(long epochSecond) {
      return new Datapoint(Instant.ofEpochSecond(epochSecond), sum, min, max, count);
    }
  }
}
