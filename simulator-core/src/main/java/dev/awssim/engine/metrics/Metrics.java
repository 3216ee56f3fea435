package dev.awssim.engine.metrics;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.awssim.engine.time.Cancellable;
import dev.awssim.engine.time.VirtualClock;
import dev.awssim.internal.time.UtcCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A CloudWatch-like recorder: models record values under a namespace, a metric name and dimensions
 * at the current virtual time; tests and demos query statistics (Sum, Average, Minimum, Maximum,
 * SampleCount) per period over a time range.
 *
 * <pre>{@code
 * metrics.record("AWS/SQS", "NumberOfMessagesSent", Dimensions.of("QueueName", "q"), 1);
 * List<Datapoint> perMinute = metrics.getMetricStatistics(
 *     key, clock.start(), clock.now(), Duration.ofMinutes(1));
 * }</pre>
 *
 * <p>Values are aggregated per second, minute, five minutes and hour, and each resolution is kept
 * for CloudWatch's retention (3 hours, 15 days, 63 days, 455 days; see {@link MetricsRetention}),
 * so memory does not grow with the length of a run. Any period that is a whole number of seconds
 * can be asked for; a period is answered from the finest data still kept that divides it, as
 * CloudWatch answers from rolled-up data. Recording can be switched off. Safe to call from several
 * threads.
 */
public final class Metrics {
  private final VirtualClock clock;
  private final UtcCalendar calendar;
  private final Object lock;
  private final boolean enabled;
  private final MetricsRetention retention;
  private final Map<MetricKey, MetricSeries> series = new LinkedHashMap<>();
  private final CopyOnWriteArrayList<MetricListener> listeners = new CopyOnWriteArrayList<>();

  /**
   * Creates a recorder reading {@code clock}, guarded by {@code lock}, keeping CloudWatch's
   * retention.
   *
   * @throws NullPointerException if an argument is null
   */
  public Metrics(VirtualClock clock, Object lock) {
    this(clock, lock, true, MetricsRetention.cloudWatch());
  }

  /**
   * Creates a recorder reading {@code clock}, guarded by {@code lock}.
   *
   * @param enabled whether values are recorded at all: a recorder that is off keeps nothing and
   *     answers every query with no datapoints
   * @param retention how long data is kept at each resolution
   * @throws NullPointerException if an argument is null
   */
  public Metrics(VirtualClock clock, Object lock, boolean enabled, MetricsRetention retention) {
    this.clock = checkNotNull(clock, "clock");
    this.calendar = new UtcCalendar(clock.start());
    this.lock = checkNotNull(lock, "lock");
    this.enabled = enabled;
    this.retention = checkNotNull(retention, "retention");
  }

  /** Whether values are recorded; when false, recording costs nothing and keeps nothing. */
  public boolean isEnabled() {
    return enabled;
  }

  /** How long data is kept at each resolution. */
  public MetricsRetention retention() {
    return retention;
  }

  /** The series of {@code key}, created on first use. */
  public MetricSeries series(MetricKey key) {
    checkNotNull(key, "key");
    synchronized (lock) {
      return series.computeIfAbsent(
          key, k -> new MetricSeries(k, clock, calendar, lock, enabled, retention, listeners));
    }
  }

  /** The series of the metric with these names, created on first use. */
  public MetricSeries series(String namespace, String metricName, Dimensions dimensions) {
    return series(new MetricKey(namespace, metricName, dimensions));
  }

  /** Records {@code value} for the metric at the current virtual time. */
  public void record(String namespace, String metricName, Dimensions dimensions, double value) {
    series(namespace, metricName, dimensions).record(value);
  }

  /**
   * Tells {@code listener} of every value recorded from now on, in the order recorded, until the
   * returned handle is cancelled. Nothing is told while recording is switched off.
   *
   * @throws NullPointerException if {@code listener} is null
   */
  public Cancellable subscribe(MetricListener listener) {
    checkNotNull(listener, "listener");
    listeners.add(listener);
    return new Cancellable() {
      private volatile boolean cancelled;

      @Override
      public void cancel() {
        cancelled = true;
        listeners.remove(listener);
      }

      @Override
      public boolean isCancelled() {
        return cancelled;
      }
    };
  }

  /** Every metric recorded so far, in the order first recorded. */
  public List<MetricKey> listMetrics() {
    synchronized (lock) {
      return ImmutableList.copyOf(series.keySet());
    }
  }

  /** The metrics recorded so far in {@code namespace}, in the order first recorded. */
  public List<MetricKey> listMetrics(String namespace) {
    checkNotNull(namespace, "namespace");
    synchronized (lock) {
      return series.keySet().stream()
          .filter(k -> k.namespace().equals(namespace))
          .collect(ImmutableList.toImmutableList());
    }
  }

  /**
   * The statistics of {@code key} in each non-empty period of [start, end), as CloudWatch's {@code
   * GetMetricStatistics}: periods are aligned to multiples of the period since the epoch, and
   * periods with no values are left out.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code period} is not a positive whole number of seconds,
   *     or {@code end} is before {@code start}
   */
  public List<Datapoint> getMetricStatistics(
      MetricKey key, Instant start, Instant end, Duration period) {
    checkNotNull(key, "key");
    checkNotNull(start, "start");
    checkNotNull(end, "end");
    checkNotNull(period, "period");
    checkArgument(
        !period.isNegative() && !period.isZero() && period.getNano() == 0,
        "period must be a positive whole number of seconds: %s",
        period);
    checkArgument(!end.isBefore(start), "end %s is before start %s", end, start);
    MetricSeries s;
    synchronized (lock) {
      s = series.get(key);
    }
    return s == null ? ImmutableList.of() : s.datapoints(start, end, period.getSeconds());
  }

  /**
   * The sum of every value of {@code key} recorded in [start, end) that is still kept. Recent data
   * is summed per second; data older than the 1-second retention is summed from the coarsest
   * periods that start in the range, as CloudWatch can only answer it.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code end} is before {@code start}
   */
  public double sum(MetricKey key, Instant start, Instant end) {
    return getMetricStatistics(key, start, end, Duration.ofHours(1)).stream()
        .mapToDouble(Datapoint::sum)
        .sum();
  }

  /** The sum of every value of {@code key} recorded so far and still kept. */
  public double total(MetricKey key) {
    return sum(key, clock.start(), clock.now().plusSeconds(1));
  }
}
