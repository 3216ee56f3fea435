package dev.awssim.dynamodb.capacity;

import dev.awssim.engine.metrics.Dimensions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One table's resources: the base table and its GSIs. */
final class Table {
  final String name;
  final String arn;
  private final CapacityLimits limits;
  TableCapacity capacity;
  final Resource base;
  final Map<String, Resource> indexes = new LinkedHashMap<>();
  final List<Long> switches = new ArrayList<>();

  Table(String name, String arn, TableCapacity capacity, CapacityLimits limits, long nowNanos) {
    this.name = name;
    this.limits = limits;
    this.arn = arn;
    this.capacity = capacity;
    this.base = new Resource(arn, false, Dimensions.of("TableName", name), nowNanos);
  }

  void configure(TableCapacity next, long now) {
    boolean onDemand = next.billingMode() == BillingMode.PAY_PER_REQUEST;
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
      r.read.peakMilli =
          Math.max(
              r.read.peakMilli,
              max(
                      limits.initialPeak(false),
                      r.read.rateMilli / 1000,
                      (c.warmReadUnitsPerSecond() + 1) / 2)
                  * 1000);
      r.write.peakMilli =
          Math.max(
              r.write.peakMilli,
              max(
                      limits.initialPeak(true),
                      r.write.rateMilli / 1000,
                      (c.warmWriteUnitsPerSecond() + 1) / 2)
                  * 1000);
    }
    r.configure(onDemand, c, next.effectiveKnobs());
    r.read.peakWindowSeconds = limits.peakWindowSeconds();
    r.write.peakWindowSeconds = limits.peakWindowSeconds();
  }

  private static long max(long a, long b, long c) {
    return Math.max(a, Math.max(b, c));
  }

  Resource resource(String indexName) {
    if (indexName == null) {
      return base;
    }
    Resource r = indexes.get(indexName);
    if (r == null) {
      throw new CapacityException(
          "ValidationException", "The table does not have the specified index: " + indexName);
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
    if (next.billingMode() != BillingMode.PROVISIONED
        || capacity.billingMode() != BillingMode.PROVISIONED) {
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
}
