package dev.awssim.dynamodb;

import dev.awssim.dynamodb.capacity.CapacityKnobs;
import dev.awssim.dynamodb.capacity.CapacityLimits;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.internal.metrics.MetricRecorder;
import dev.awssim.internal.metrics.MetricSeries;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Read or write capacity of one table or GSI, in milli-units, on one-second windows of the virtual
 * clock. Provisioned: per-second allowance (share per partition, or the whole table rate with
 * adaptive capacity), then burst credits. On-demand: twice the previous peak.
 */
final class Lane {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  final boolean write;
  boolean onDemand;
  long peakWindowSeconds = CapacityLimits.PEAK_WINDOW_SECONDS;
  long rateMilli;
  long maxMilli;
  CapacityKnobs knobs;
  long[] partUsed;
  long[] partAllowance;
  double[] partTotal;
  private long second;
  long used;
  private long allowanceUsed;
  long burstMilli;
  long peakMilli;
  private final ArrayDeque<long[]> peakCandidates = new ArrayDeque<>();
  Map<PartitionKey, long[]> keyUsed = new HashMap<>();
  Map<PartitionKey, long[]> lastKeys = new HashMap<>();
  private MetricSeries consumed;

  Lane(boolean write, long nowNanos) {
    this.write = write;
    this.second = nowNanos / NANOS_PER_SECOND;
  }

  void configure(boolean onDemand, long units, long max, CapacityKnobs knobs, int partitions) {
    this.onDemand = onDemand;
    this.rateMilli = units * 1000;
    this.maxMilli = max * 1000;
    this.knobs = knobs;
    if (partUsed == null || partUsed.length != partitions) {
      partUsed = new long[partitions];
      partAllowance = new long[partitions];
      double[] totals = new double[partitions];
      if (partTotal != null) {
        System.arraycopy(partTotal, 0, totals, 0, Math.min(partitions, partTotal.length));
      }
      partTotal = totals;
    }
    burstMilli = Math.min(burstMilli, burstCap());
  }

  long burstCap() {
    return onDemand ? 0 : knobs.burstSeconds() * rateMilli;
  }

  long ceilingMilli() {
    return knobs.ceiling(write) * 1000;
  }

  void roll(long nowNanos) {
    long now = nowNanos / NANOS_PER_SECOND;
    if (now == second) {
      return;
    }
    if (onDemand) {
      notePeak(second, used, now);
    } else {
      long idle = Math.max(0, rateMilli - allowanceUsed);
      long skipped = Math.min(now - second - 1, knobs.burstSeconds() + 1);
      burstMilli = Math.min(burstCap(), burstMilli + idle + skipped * rateMilli);
    }
    second = now;
    used = 0;
    allowanceUsed = 0;
    Arrays.fill(partUsed, 0);
    Arrays.fill(partAllowance, 0);
    lastKeys = keyUsed;
    keyUsed = new HashMap<>();
  }

  /**
   * [SIM] A second's consumption becomes the "previous peak" {@link
   * CapacityLimits#peakWindowSeconds} after it happened.
   */
  private void notePeak(long completedSecond, long consumed, long now) {
    if (consumed > peakMilli) {
      peakCandidates.addLast(new long[] {completedSecond, consumed});
    }
    while (!peakCandidates.isEmpty() && peakCandidates.peekFirst()[0] + peakWindowSeconds <= now) {
      peakMilli = Math.max(peakMilli, peakCandidates.pollFirst()[1]);
    }
  }

  long onDemandLimitMilli() {
    long limit = 2 * peakMilli;
    return maxMilli > 0 ? Math.min(limit, maxMilli) : limit;
  }

  long allowance(int partition) {
    long tableLeft = rateMilli - allowanceUsed;
    long left =
        knobs.adaptiveCapacity()
            ? tableLeft
            : Math.min(tableLeft, rateMilli / partUsed.length - partAllowance[partition]);
    return Math.max(0, left);
  }

  /** ConsumedReadCapacityUnits or ConsumedWriteCapacityUnits of this lane, looked up once. */
  MetricSeries consumed(MetricRecorder metrics, Dimensions dimensions) {
    if (consumed == null) {
      consumed =
          metrics.series(
              CapacityMetrics.NAMESPACE,
              write ? "ConsumedWriteCapacityUnits" : "ConsumedReadCapacityUnits",
              dimensions);
    }
    return consumed;
  }

  long keyUsed(PartitionKey key) {
    long[] v = keyUsed.get(key);
    return v == null ? 0 : v[0];
  }

  /**
   * Consumes {@code milli} of which {@code fromBurst} come from burst credits; a {@code range}
   * (Scan) charge counts for its partition, not for {@code key}.
   */
  void apply(int partition, PartitionKey key, boolean range, long milli, long fromBurst) {
    used += milli;
    allowanceUsed += milli - fromBurst;
    burstMilli -= fromBurst;
    partUsed[partition] += milli;
    partAllowance[partition] += milli - fromBurst;
    partTotal[partition] += milli / 1000.0;
    if (!range) {
      keyUsed.computeIfAbsent(key, k -> new long[1])[0] += milli;
    }
  }
}
