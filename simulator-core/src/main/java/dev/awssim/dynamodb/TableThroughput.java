package dev.awssim.dynamodb;

import dev.awssim.dynamodb.capacity.CapacityKnobs;
import dev.awssim.dynamodb.capacity.CapacityLimits;
import dev.awssim.dynamodb.capacity.PartitionView;
import dev.awssim.dynamodb.capacity.WarmThroughputView;
import dev.awssim.engine.metrics.Dimensions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The throughput state of one table: its base table and GSIs as partitions with read and write
 * lanes, its capacity configuration, and the history the UpdateTable quotas need. A table of the
 * data plane owns one; {@link AccountThroughput} creates, changes and charges it. Every method
 * takes the virtual time {@code now} (nanoseconds since the simulation's start) rather than reading
 * a clock.
 */
final class TableThroughput {
  private static final int HOTTEST_KEYS = 5;

  final String name;
  final String arn;
  private final CapacityLimits limits;
  TableCapacity capacity;
  final Resource base;
  final Map<String, Resource> indexes = new LinkedHashMap<>();
  final List<Long> switches = new ArrayList<>();
  private final Set<String> localIndexes;

  TableThroughput(
      String name,
      String arn,
      TableCapacity capacity,
      Set<String> localIndexes,
      CapacityLimits limits,
      long now) {
    this.name = name;
    this.localIndexes = Set.copyOf(localIndexes);
    this.limits = limits;
    this.arn = arn;
    this.capacity = capacity;
    this.base = new Resource(arn, false, Dimensions.of("TableName", name), now);
  }

  /** The table's name. */
  public String tableName() {
    return name;
  }

  /** The capacity configuration as it stands. */
  public TableCapacity capacity() {
    return capacity;
  }

  void configure(TableCapacity next, long now) {
    boolean onDemand = next.payPerRequest();
    configure(base, onDemand, next.table(), next, now);
    for (Map.Entry<String, IndexCapacity> e : next.indexes().entrySet()) {
      Resource r =
          indexes.computeIfAbsent(
              e.getKey(),
              k ->
                  new Resource(
                      arn + "/index/" + k,
                      true,
                      Dimensions.of("TableName", name, "GlobalSecondaryIndexName", k),
                      now));
      configure(r, onDemand, e.getValue(), next, now);
    }
    indexes.keySet().retainAll(next.indexes().keySet());
    capacity = next;
  }

  private void configure(
      Resource r, boolean onDemand, IndexCapacity c, TableCapacity next, long now) {
    r.read.roll(now);
    r.write.roll(now);
    if (onDemand) {
      // [SIM] a switched table keeps at least its provisioned rate as previous peak
      // (switching.capacitymode.html); warm throughput is served at once, so the peak is at
      // least half of it (API_WarmThroughput.html)
      raisePeak(r.read, c.warmReadUnitsPerSecond());
      raisePeak(r.write, c.warmWriteUnitsPerSecond());
    }
    r.configure(onDemand, c, next.effectiveKnobs());
    r.read.peakWindowSeconds = limits.peakWindowSeconds();
    r.write.peakWindowSeconds = limits.peakWindowSeconds();
  }

  private void raisePeak(Lane lane, long warmUnitsPerSecond) {
    long floor =
        max(limits.initialPeak(lane.write), lane.rateMilli / 1000, (warmUnitsPerSecond + 1) / 2);
    lane.peakMilli = Math.max(lane.peakMilli, floor * 1000);
  }

  private static long max(long a, long b, long c) {
    return Math.max(a, Math.max(b, c));
  }

  /**
   * Tells the table that the base table ({@code indexName == null}) or a GSI now stores {@code
   * bytes}: partitions split at 10 GB each ({@link CapacityKnobs#partitionBytes}); cheap when no
   * split is due, so the data plane calls it on every write.
   *
   * @throws CapacityException ValidationException for an unknown index
   */
  public void storageChanged(String indexName, long bytes, long now) {
    Resource r = resource(indexName);
    r.storageBytes = Math.max(0, bytes);
    long partitionBytes = capacity.knobs().partitionBytes();
    if ((r.storageBytes + partitionBytes - 1) / partitionBytes > r.partitions) {
      configure(capacity, now);
    }
  }

  /**
   * The partitions of the table ({@code indexName == null}) or a GSI, for learners.
   *
   * @throws CapacityException ValidationException for an unknown index
   */
  public List<PartitionView> partitions(String indexName, long now) {
    rollAll(now);
    Resource r = resource(indexName);
    List<PartitionView> views = new ArrayList<>();
    for (int p = 0; p < r.partitions; p++) {
      long start = (((long) p) << 32) / r.partitions;
      long end = (((long) p + 1) << 32) / r.partitions - 1;
      views.add(
          new PartitionView(
              p,
              start,
              end,
              r.read.rateMilli / 1000.0 / r.partitions,
              r.write.rateMilli / 1000.0 / r.partitions,
              r.read.partUsed[p] / 1000.0,
              r.write.partUsed[p] / 1000.0,
              r.read.partTotal[p],
              r.write.partTotal[p],
              r.read.burstMilli / 1000.0,
              r.write.burstMilli / 1000.0,
              hottest(r, p)));
    }
    return views;
  }

  private static List<PartitionView.HotKey> hottest(Resource r, int p) {
    List<PartitionView.HotKey> keys = new ArrayList<>();
    for (Lane lane : List.of(r.read, r.write)) {
      lane.lastKeys.forEach(
          (k, v) -> {
            if (r.partitionOf(k) == p) {
              keys.add(new PartitionView.HotKey(k.text(), lane.write, v[0] / 1000.0));
            }
          });
    }
    keys.sort(
        Comparator.comparingDouble(PartitionView.HotKey::units)
            .reversed()
            .thenComparing(PartitionView.HotKey::partitionKey));
    return List.copyOf(keys.subList(0, Math.min(HOTTEST_KEYS, keys.size())));
  }

  /**
   * What the table ({@code indexName == null}) or a GSI can serve at once, as DescribeTable's
   * {@code WarmThroughput} shows it.
   *
   * @throws CapacityException ValidationException for an unknown index
   */
  public WarmThroughputView warmThroughput(String indexName) {
    Resource r = resource(indexName);
    IndexCapacity c = indexName == null ? capacity.table() : capacity.indexes().get(indexName);
    if (capacity.payPerRequest()) {
      return new WarmThroughputView(2 * r.read.peakMilli / 1000, 2 * r.write.peakMilli / 1000);
    }
    return new WarmThroughputView(
        Math.max(c.readCapacityUnits(), c.warmReadUnitsPerSecond()),
        Math.max(c.writeCapacityUnits(), c.warmWriteUnitsPerSecond()));
  }

  /**
   * The base table ({@code indexName == null}), a GSI, or the base table for an LSI: an LSI's reads
   * and writes consume the table's capacity ({@code
   * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LSI.html#LSI.ThroughputConsiderations}).
   */
  Resource resource(String indexName) {
    if (indexName == null || localIndexes.contains(indexName)) {
      return base;
    }
    Resource r = indexes.get(indexName);
    if (r == null) {
      throw CapacityException.validation(
          "The table does not have the specified index: " + indexName);
    }
    return r;
  }

  List<Resource> resources() {
    List<Resource> all = new ArrayList<>();
    all.add(base);
    all.addAll(indexes.values());
    return all;
  }

  void rollAll(long now) {
    for (Resource r : resources()) {
      r.read.roll(now);
      r.write.roll(now);
    }
  }

  long usedThisSecond(boolean write, long now) {
    long sum = used(base.lane(write), now);
    for (Resource r : indexes.values()) {
      sum += used(r.lane(write), now);
    }
    return sum;
  }

  private static long used(Lane lane, long now) {
    lane.roll(now);
    return lane.used;
  }

  /** The resources whose provisioned read or write rate {@code next} lowers. */
  List<Resource> decreasedBy(TableCapacity next) {
    List<Resource> out = new ArrayList<>();
    if (next.payPerRequest() || capacity.payPerRequest()) {
      return out;
    }
    if (lower(capacity.table(), next.table())) {
      out.add(base);
    }
    indexes.forEach(
        (k, r) -> {
          IndexCapacity after = next.indexes().get(k);
          if (after != null && lower(capacity.indexes().get(k), after)) {
            out.add(r);
          }
        });
    return out;
  }

  private static boolean lower(IndexCapacity before, IndexCapacity after) {
    return after.readCapacityUnits() < before.readCapacityUnits()
        || after.writeCapacityUnits() < before.writeCapacityUnits();
  }

  /** Every capacity of the configuration: the table's and each GSI's. */
  static List<IndexCapacity> all(TableCapacity capacity) {
    List<IndexCapacity> all = new ArrayList<>(capacity.indexes().values());
    all.add(capacity.table());
    return all;
  }
}
