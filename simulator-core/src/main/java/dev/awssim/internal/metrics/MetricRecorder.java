package dev.awssim.internal.metrics;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.awssim.engine.metrics.Datapoint;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.engine.metrics.MetricListener;
import dev.awssim.engine.metrics.Metrics;
import dev.awssim.engine.metrics.MetricsRetention;
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
 * The recording side of a simulation's {@link Metrics}: the service models (and awssim's other
 * modules) record values here, under the simulation's lock; users read them through the {@link
 * Metrics} view, which has no way to record.
 *
 * <pre>{@code
 * MetricSeries sent = context.metrics().series("AWS/SQS", "NumberOfMessagesSent", dims);
 * sent.recordHoldingLock(1);
 * }</pre>
 *
 * <p>A model holds the {@link MetricSeries} of a metric it records often and calls it on its hot
 * path: no lookup and no allocation per value.
 */
public final class MetricRecorder implements Metrics {
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
  public MetricRecorder(VirtualClock clock, Object lock) {
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
  public MetricRecorder(
      VirtualClock clock, Object lock, boolean enabled, MetricsRetention retention) {
    this.clock = checkNotNull(clock, "clock");
    this.calendar = new UtcCalendar(clock.start());
    this.lock = checkNotNull(lock, "lock");
    this.enabled = enabled;
    this.retention = checkNotNull(retention, "retention");
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }

  @Override
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

  /** Records {@code value} for the metric at the current virtual time, taking the lock. */
  public void record(String namespace, String metricName, Dimensions dimensions, double value) {
    series(namespace, metricName, dimensions).record(value);
  }

  @Override
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

  @Override
  public List<MetricKey> listMetrics() {
    synchronized (lock) {
      return ImmutableList.copyOf(series.keySet());
    }
  }

  @Override
  public List<MetricKey> listMetrics(String namespace) {
    checkNotNull(namespace, "namespace");
    synchronized (lock) {
      return series.keySet().stream()
          .filter(k -> k.namespace().equals(namespace))
          .collect(ImmutableList.toImmutableList());
    }
  }

  @Override
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

  @Override
  public double total(MetricKey key) {
    return sum(key, clock.start(), clock.now().plusSeconds(1));
  }
}
