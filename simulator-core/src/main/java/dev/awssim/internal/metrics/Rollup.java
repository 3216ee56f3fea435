package dev.awssim.internal.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The aggregated data points of one series at one resolution, oldest first: each period's
 * statistics in primitive arrays (40 bytes a period, no object per period). Only periods that
 * received values are stored. Not thread-safe: the owning series holds the lock.
 *
 * <p>Storage is a list of fixed-size chunks of {@value #CHUNK} periods: appending takes a new chunk
 * when the last is full, and a chunk is released once all its periods have expired. So memory
 * follows the periods the retention holds (plus at most one partly used chunk at each end), with no
 * doubling steps and no copying of a long ring as it grows: a series that records every second
 * holds at each resolution what CloudWatch keeps and not a quarter more. The first chunk starts
 * small and doubles up to {@value #CHUNK}, so a series with a few data points costs a few hundred
 * bytes.
 */
final class Rollup {
  /** Periods per chunk: 10 KB of arrays. */
  static final int CHUNK = 256;

  private static final int INITIAL_CAPACITY = 8;

  /** The period length in seconds: 1, 60, 300 or 3,600. */
  final long resolutionSeconds;

  /** The most periods the retention can hold at once. */
  private final int maxCapacity;

  /** The chunks, oldest first; all but the first and last are full. */
  private final List<Chunk> chunks = new ArrayList<>();

  private int size;

  /**
   * Periods that received a value out of order (a PutMetricData Timestamp in the past, before the
   * oldest stored period or between two stored ones, or in the future), keyed by period index: sum,
   * min, max, count. Usually empty; queries merge it with the arrays.
   */
  private final TreeMap<Long, double[]> outOfOrder = new TreeMap<>();

  Rollup(long resolutionSeconds, long retentionSeconds) {
    this.resolutionSeconds = resolutionSeconds;
    this.maxCapacity =
        (int) Math.min(Integer.MAX_VALUE - 8, retentionSeconds / resolutionSeconds + 2);
  }

  /** Consecutive periods: the live ones are [from, to) of the arrays. */
  private static final class Chunk {
    long[] period;
    double[] sum;
    double[] min;
    double[] max;
    long[] count;
    int from;
    int to;

    Chunk(int capacity) {
      period = new long[capacity];
      sum = new double[capacity];
      min = new double[capacity];
      max = new double[capacity];
      count = new long[capacity];
    }

    int live() {
      return to - from;
    }

    boolean full() {
      return to == period.length;
    }

    void grow(int capacity) {
      period = Arrays.copyOf(period, capacity);
      sum = Arrays.copyOf(sum, capacity);
      min = Arrays.copyOf(min, capacity);
      max = Arrays.copyOf(max, capacity);
      count = Arrays.copyOf(count, capacity);
    }
  }

  int size() {
    return size;
  }

  /** The epoch second at which the {@code i}-th oldest stored period starts. */
  long periodStart(int i) {
    Chunk c = chunkOf(i);
    return c.period[offset] * resolutionSeconds;
  }

  /** Adds the statistics of one flushed second (or part of one) to the period holding it. */
  void add(long epochSecond, double s, double mn, double mx, long c) {
    long p = Math.floorDiv(epochSecond, resolutionSeconds);
    if (size > 0) {
      Chunk last = chunks.get(chunks.size() - 1);
      int i = last.to - 1;
      if (last.period[i] == p) {
        last.sum[i] += s;
        last.min[i] = Math.min(last.min[i], mn);
        last.max[i] = Math.max(last.max[i], mx);
        last.count[i] += c;
        return;
      }
    }
    if (size == maxCapacity) {
      removeOldest();
    }
    Chunk last = appendable();
    int i = last.to++;
    last.period[i] = p;
    last.sum[i] = s;
    last.min[i] = mn;
    last.max[i] = mx;
    last.count[i] = c;
    size++;
  }

  /**
   * Adds a value stamped {@code epochSecond}, which need not be the newest: it joins its period in
   * the arrays when that period is stored, and the out-of-order periods otherwise.
   */
  void addAt(long epochSecond, double value) {
    long p = Math.floorDiv(epochSecond, resolutionSeconds);
    int i = firstAtOrAfter(p * resolutionSeconds);
    if (i < size && periodStart(i) == p * resolutionSeconds) {
      Chunk c = chunkOf(i);
      int s = offset;
      c.sum[s] += value;
      c.min[s] = Math.min(c.min[s], value);
      c.max[s] = Math.max(c.max[s], value);
      c.count[s]++;
      return;
    }
    double[] stats =
        outOfOrder.computeIfAbsent(
            p, k -> new double[] {0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0});
    stats[0] += value;
    stats[1] = Math.min(stats[1], value);
    stats[2] = Math.max(stats[2], value);
    stats[3]++;
  }

  /**
   * Merges the out-of-order periods starting in [fromSecond, toSecond) into {@code periods}, keyed
   * by the start of the enclosing period of {@code periodSeconds}.
   */
  void mergeOutOfOrder(
      long fromSecond, long toSecond, long periodSeconds, Map<Long, double[]> periods) {
    if (outOfOrder.isEmpty()) {
      return;
    }
    long from = -Math.floorDiv(-fromSecond, resolutionSeconds);
    long to = -Math.floorDiv(-toSecond, resolutionSeconds);
    if (from >= to) {
      return;
    }
    for (Map.Entry<Long, double[]> e : outOfOrder.subMap(from, true, to, false).entrySet()) {
      long ps = e.getKey() * resolutionSeconds;
      double[] s = e.getValue();
      double[] into =
          periods.computeIfAbsent(
              Math.floorDiv(ps, periodSeconds) * periodSeconds,
              k -> new double[] {0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0});
      into[0] += s[0];
      into[1] = Math.min(into[1], s[1]);
      into[2] = Math.max(into[2], s[2]);
      into[3] += s[3];
    }
  }

  /** Drops the periods that start before {@code epochSecond}. */
  void evictBefore(long epochSecond) {
    while (size > 0 && periodStart(0) < epochSecond) {
      removeOldest();
    }
    if (!outOfOrder.isEmpty()) {
      outOfOrder.headMap(-Math.floorDiv(-epochSecond, resolutionSeconds), false).clear();
    }
  }

  /** Merges the {@code i}-th oldest stored period into {@code into}. */
  void mergeInto(int i, double[] into) {
    Chunk c = chunkOf(i);
    int s = offset;
    into[0] += c.sum[s];
    into[1] = Math.min(into[1], c.min[s]);
    into[2] = Math.max(into[2], c.max[s]);
    into[3] += c.count[s];
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

  /** The arrays' capacity in periods, for tests of the memory bound. */
  int capacity() {
    int capacity = 0;
    for (Chunk c : chunks) {
      capacity += c.period.length;
    }
    return capacity;
  }

  /** The array index within the chunk {@link #chunkOf} returned last. */
  private int offset;

  /** The chunk holding the {@code i}-th oldest period; sets {@link #offset}. */
  private Chunk chunkOf(int i) {
    Chunk first = chunks.get(0);
    if (i < first.live()) {
      offset = first.from + i;
      return first;
    }
    int rest = i - first.live();
    Chunk c = chunks.get(1 + rest / CHUNK);
    offset = rest % CHUNK;
    return c;
  }

  /** The last chunk, with room for one more period. */
  private Chunk appendable() {
    if (chunks.isEmpty()) {
      chunks.add(new Chunk(Math.min(INITIAL_CAPACITY, maxCapacity)));
    }
    Chunk last = chunks.get(chunks.size() - 1);
    if (!last.full()) {
      return last;
    }
    int firstChunkMax = Math.min(CHUNK, maxCapacity);
    if (chunks.size() == 1 && last.from == 0 && last.period.length < firstChunkMax) {
      last.grow(Math.min(firstChunkMax, 2 * last.period.length));
      return last;
    }
    Chunk next = new Chunk(CHUNK);
    chunks.add(next);
    return next;
  }

  private void removeOldest() {
    Chunk first = chunks.get(0);
    first.from++;
    size--;
    if (first.live() == 0 && (first.full() || chunks.size() > 1)) {
      chunks.remove(0);
    }
  }
}
