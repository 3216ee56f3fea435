package dev.awssim.engine.metrics;

import java.util.Arrays;

/**
 * The aggregated data points of one series at one resolution: a ring of periods, oldest first, each
 * period's statistics in primitive arrays (40 bytes a period, no object per period). Only periods
 * that received values are stored; the ring grows up to the number of periods its retention can
 * hold and no further. Not thread-safe: the owning series holds the lock.
 */
final class Rollup {
  private static final int INITIAL_CAPACITY = 8;

  /** The period length in seconds: 1, 60, 300 or 3,600. */
  final long resolutionSeconds;

  /** The most periods the retention can hold at once. */
  private final int maxCapacity;

  private long[] period = new long[0];
  private double[] sum = new double[0];
  private double[] min = new double[0];
  private double[] max = new double[0];
  private long[] count = new long[0];
  private int head;
  private int size;

  Rollup(long resolutionSeconds, long retentionSeconds) {
    this.resolutionSeconds = resolutionSeconds;
    this.maxCapacity =
        (int) Math.min(Integer.MAX_VALUE - 8, retentionSeconds / resolutionSeconds + 2);
  }

  int size() {
    return size;
  }

  /** The epoch second at which the {@code i}-th oldest stored period starts. */
  long periodStart(int i) {
    return period[slot(i)] * resolutionSeconds;
  }

  /** Adds the statistics of one flushed second (or part of one) to the period holding it. */
  void add(long epochSecond, double s, double mn, double mx, long c) {
    long p = Math.floorDiv(epochSecond, resolutionSeconds);
    if (size > 0) {
      int last = slot(size - 1);
      if (period[last] == p) {
        sum[last] += s;
        min[last] = Math.min(min[last], mn);
        max[last] = Math.max(max[last], mx);
        count[last] += c;
        return;
      }
    }
    if (size == period.length) {
      if (size == maxCapacity) {
        removeOldest();
      } else {
        grow();
      }
    }
    int slot = slot(size);
    period[slot] = p;
    sum[slot] = s;
    min[slot] = mn;
    max[slot] = mx;
    count[slot] = c;
    size++;
  }

  /** Drops the periods that start before {@code epochSecond}. */
  void evictBefore(long epochSecond) {
    while (size > 0 && periodStart(0) < epochSecond) {
      removeOldest();
    }
  }

  /** Merges the {@code i}-th oldest stored period into {@code into}. */
  void mergeInto(int i, double[] into) {
    int s = slot(i);
    into[0] += sum[s];
    into[1] = Math.min(into[1], min[s]);
    into[2] = Math.max(into[2], max[s]);
    into[3] += count[s];
  }

  /** The index of the oldest stored period starting at or after {@code epochSecond}. */
  int firstAtOrAfter(long epochSecond) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (periodStart(mid) < epochSecond) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private void removeOldest() {
    head = head + 1 == period.length ? 0 : head + 1;
    size--;
  }

  private int slot(int i) {
    int s = head + i;
    return s >= period.length ? s - period.length : s;
  }

  private void grow() {
    int capacity = (int) Math.min(maxCapacity, Math.max(INITIAL_CAPACITY, 2L * period.length));
    period = unwrap(period, capacity);
    sum = unwrap(sum, capacity);
    min = unwrap(min, capacity);
    max = unwrap(max, capacity);
    count = unwrap(count, capacity);
    head = 0;
  }

  private long[] unwrap(long[] a, int capacity) {
    long[] b = Arrays.copyOf(a, capacity);
    if (head != 0) {
      int firstPart = a.length - head;
      System.arraycopy(a, head, b, 0, firstPart);
      System.arraycopy(a, 0, b, firstPart, head);
    }
    return b;
  }

  private double[] unwrap(double[] a, int capacity) {
    double[] b = Arrays.copyOf(a, capacity);
    if (head != 0) {
      int firstPart = a.length - head;
      System.arraycopy(a, head, b, 0, firstPart);
      System.arraycopy(a, 0, b, firstPart, head);
    }
    return b;
  }
}
