package dev.awssim.internal.metrics;

import dev.awssim.engine.metrics.Datapoint;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.engine.metrics.MetricListener;
import dev.awssim.engine.metrics.MetricsRetention;
import dev.awssim.engine.time.VirtualClock;
import dev.awssim.internal.time.TimeUnits;
import dev.awssim.internal.time.UtcCalendar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values recorded for one {@link MetricKey}, aggregated as CloudWatch aggregates them: per
 * second, minute, five minutes and hour of virtual time, each resolution kept for its {@link
 * MetricsRetention retention}.
 *
 * <p>Models hold a series and call {@link #record(double)} on their hot paths: recording adds to
 * the statistics of the current second, held in four fields, and costs no lookup; when the second
 * ends they are rolled up into every resolution at once and expired periods are dropped. Memory is
 * therefore bounded by the retention, not by the length of the run.
 *
 * <pre>{@code
 * MetricSeries sent = metrics.series("AWS/SQS", "NumberOfMessagesSent", dims);
 * sent.record(1);
 * }</pre>
 */
public final class MetricSeries {
  private static final long[] RESOLUTIONS = {1, 60, 300, 3_600};

  private final MetricKey key;
  private final VirtualClock clock;
  private final UtcCalendar calendar;
  private final Object lock;
  private final boolean enabled;

  /** The recorder's listeners, shared by its series; told of each value as it is recorded. */
  private final List<MetricListener> listeners;

  /** The kept resolutions, finest first (a resolution with zero retention is not kept). */
  private final Rollup[] rollups;

  /** Each kept resolution's retention in whole seconds. */
  private final long[] retentionSeconds;

  /** The elapsed nanos {@code [start, end)} of the second the pending statistics belong to. */
  private long currentStartNanos;

  private long currentEndNanos = Long.MIN_VALUE;
  private long pendingSecond;
  private double pendingSum;
  private double pendingMin = Double.POSITIVE_INFINITY;
  private double pendingMax = Double.NEGATIVE_INFINITY;
  private long pendingCount;

  MetricSeries(
      MetricKey key,
      VirtualClock clock,
      UtcCalendar calendar,
      Object lock,
      boolean enabled,
      MetricsRetention retention,
      List<MetricListener> listeners) {
    this.key = key;
    this.listeners = listeners;
    this.clock = clock;
    this.calendar = calendar;
    this.lock = lock;
    this.enabled = enabled;
    List<Rollup> kept = new ArrayList<>();
    List<Long> keptRetention = new ArrayList<>();
    for (long resolution : RESOLUTIONS) {
      long seconds = retention.of(resolution).toSeconds();
      if (seconds > 0) {
        kept.add(new Rollup(resolution, seconds));
        keptRetention.add(seconds);
      }
    }
    this.rollups = kept.toArray(new Rollup[0]);
    this.retentionSeconds = keptRetention.stream().mapToLong(Long::longValue).toArray();
  }

  /** The metric this series records. */
  public MetricKey key() {
    return key;
  }

  /** Records {@code value} at the current virtual time (nothing, if metrics are switched off). */
  public void record(double value) {
    if (!enabled) {
      return;
    }
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
    if (enabled) {
      recordHoldingLock(value, clock.nanos());
    }
  }

  /**
   * As {@link #recordHoldingLock(double)}, for a caller that has read the clock already in this
   * call: {@code nowNanos} must be the clock's {@link dev.awssim.engine.time.VirtualClock#nanos()}
   * now (the simulation's lock is held, so it cannot have moved). Kinesis's PutRecord records four
   * metrics at the instant its throttle check read.
   */
  public void recordHoldingLock(double value, long nowNanos) {
    if (!enabled) {
      return;
    }
    long now = nowNanos;
    if (now < currentStartNanos || now >= currentEndNanos) {
      startSecond(now);
    }
    pendingSum += value;
    if (value < pendingMin) {
      pendingMin = value;
    }
    if (value > pendingMax) {
      pendingMax = value;
    }
    pendingCount++;
    if (!listeners.isEmpty()) {
      for (MetricListener listener : listeners) {
        listener.recorded(key, clock.now(), value);
      }
    }
  }

  /**
   * Records {@code value} stamped {@code timestamp} rather than now, for a caller that holds the
   * simulation's lock: CloudWatch's PutMetricData takes a timestamp per datum, up to two weeks in
   * the past and two hours in the future (the caller checks that). The value joins the period of
   * its own timestamp at every resolution that still keeps that period; a resolution whose
   * retention has already dropped it keeps nothing of it, as if it had been recorded then and had
   * expired. Listeners are told the value's own timestamp.
   */
  public void recordAtHoldingLock(Instant timestamp, double value) {
    if (!enabled) {
      return;
    }
    long now = clock.nanos();
    long second = timestamp.getEpochSecond();
    long nowSecond = calendar.epochSecond(now);
    if (second == nowSecond) {
      recordHoldingLock(value);
      return;
    }
    if (now < currentStartNanos || now >= currentEndNanos) {
      startSecond(now);
    }
    for (int t = 0; t < rollups.length; t++) {
      if (rollups[t].resolutionSeconds * Math.floorDiv(second, rollups[t].resolutionSeconds)
          >= oldestKept(t, nowSecond)) {
        rollups[t].addAt(second, value);
      }
    }
    if (!listeners.isEmpty()) {
      for (MetricListener listener : listeners) {
        listener.recorded(key, timestamp, value);
      }
    }
  }

  /**
   * The datapoints of each non-empty period in [start, end), periods aligned to multiples of {@code
   * periodSeconds} since the epoch, as CloudWatch aligns them. Each period is answered from the
   * finest kept resolution that divides the period and still holds it: a 60 s period older than 3
   * hours comes from the 1-minute data, one older than 15 days from the 5-minute data only if the
   * period is a multiple of 300 s, and so on; data no resolution holds any longer is left out.
   */
  List<Datapoint> datapoints(Instant start, Instant end, long periodSeconds) {
    TreeMap<Long, double[]> periods = new TreeMap<>();
    synchronized (lock) {
      long[] bounds = prepareQuery(periodSeconds);
      long startSecond = start.getEpochSecond();
      long upper = ceilSecond(end);
      for (int t = 0; t < rollups.length && upper > startSecond; t++) {
        if (bounds[t] == Long.MAX_VALUE) {
          continue;
        }
        Rollup r = rollups[t];
        long lo = Math.max(bounds[t], startSecond);
        for (int i = r.firstAtOrAfter(lo); i < r.size(); i++) {
          long ps = r.periodStart(i);
          if (ps >= upper) {
            break;
          }
          double[] stats =
              periods.computeIfAbsent(
                  Math.floorDiv(ps, periodSeconds) * periodSeconds,
                  p -> new double[] {0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0});
          r.mergeInto(i, stats);
        }
        r.mergeOutOfOrder(lo, upper, periodSeconds, periods);
        upper = Math.min(upper, lo);
      }
    }
    List<Datapoint> result = new ArrayList<>(periods.size());
    for (Map.Entry<Long, double[]> e : periods.entrySet()) {
      double[] s = e.getValue();
      result.add(new Datapoint(Instant.ofEpochSecond(e.getKey()), s[0], s[1], s[2], (long) s[3]));
    }
    return result;
  }

  /**
   * Rolls up the pending second, drops expired periods, and returns for each kept resolution the
   * first epoch second it answers for ({@code Long.MAX_VALUE}: not used for this period). A
   * resolution answers from its oldest retained period rounded up to the next coarser resolution
   * used, so that no coarser period overlaps what a finer one answered; the coarsest used answers
   * for everything it still holds.
   */
  private long[] prepareQuery(long periodSeconds) {
    long now = clock.nanos();
    flush();
    evict(now);
    long nowSecond = calendar.epochSecond(now);
    long[] bounds = new long[rollups.length];
    int finer = -1;
    for (int t = 0; t < rollups.length; t++) {
      long resolution = rollups[t].resolutionSeconds;
      if (periodSeconds % resolution != 0) {
        bounds[t] = Long.MAX_VALUE;
        continue;
      }
      if (finer >= 0) {
        bounds[finer] = ceilTo(oldestKept(finer, nowSecond), resolution);
      }
      bounds[t] = Long.MIN_VALUE;
      finer = t;
    }
    return bounds;
  }

  /**
   * The oldest period start that resolution {@code t} still keeps at {@code nowSecond}: a data
   * point stamped ps is kept while ps + retention is after now, which (now being at or after the
   * start of nowSecond) is ps at or after nowSecond - retention + 1.
   */
  private long oldestKept(int t, long nowSecond) {
    return nowSecond - retentionSeconds[t] + 1;
  }

  private void startSecond(long now) {
    flush();
    evict(now);
    pendingSecond = calendar.epochSecond(now);
    currentStartNanos = calendar.startOfEpochSecond(pendingSecond);
    currentEndNanos = currentStartNanos + TimeUnits.NANOS_PER_SECOND;
  }

  private void flush() {
    if (pendingCount == 0) {
      return;
    }
    for (Rollup r : rollups) {
      r.add(pendingSecond, pendingSum, pendingMin, pendingMax, pendingCount);
    }
    pendingSum = 0;
    pendingMin = Double.POSITIVE_INFINITY;
    pendingMax = Double.NEGATIVE_INFINITY;
    pendingCount = 0;
  }

  private void evict(long now) {
    long nowSecond = calendar.epochSecond(now);
    for (int t = 0; t < rollups.length; t++) {
      rollups[t].evictBefore(oldestKept(t, nowSecond));
    }
  }

  /**
   * How many periods of {@code resolutionSeconds} are stored once the current second is rolled up
   * and expired periods dropped, as a query sees them (for tests of the memory bound).
   */
  int storedPeriods(long resolutionSeconds) {
    synchronized (lock) {
      flush();
      evict(clock.nanos());
      for (Rollup r : rollups) {
        if (r.resolutionSeconds == resolutionSeconds) {
          return r.size();
        }
      }
      return 0;
    }
  }

  /**
   * The periods of {@code resolutionSeconds} the storage has room for, used or not (for tests of
   * the memory bound: it follows the stored periods, not a doubling ring).
   */
  int storedCapacity(long resolutionSeconds) {
    synchronized (lock) {
      for (Rollup r : rollups) {
        if (r.resolutionSeconds == resolutionSeconds) {
          return r.capacity();
        }
      }
      return 0;
    }
  }

  private static long ceilTo(long value, long multiple) {
    return -Math.floorDiv(-value, multiple) * multiple;
  }

  private static long ceilSecond(Instant instant) {
    return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
  }
}
