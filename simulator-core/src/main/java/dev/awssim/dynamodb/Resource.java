package dev.awssim.dynamodb;

import dev.awssim.dynamodb.capacity.CapacityKnobs;
import dev.awssim.engine.metrics.Dimensions;
import java.util.ArrayList;
import java.util.List;

/** A table or a GSI: its partitions and its read and write lanes. */
final class Resource {
  final String arn;
  final boolean isIndex;
  final Dimensions dimensions;
  final Lane read;
  final Lane write;
  int partitions;
  long storageBytes;
  final List<Long> decreases = new ArrayList<>();

  Resource(String arn, boolean isIndex, Dimensions dimensions, long nowNanos) {
    this.arn = arn;
    this.isIndex = isIndex;
    this.dimensions = dimensions;
    this.read = new Lane(false, nowNanos);
    this.write = new Lane(true, nowNanos);
  }

  Lane lane(boolean isWrite) {
    return isWrite ? write : read;
  }

  /** Partitions only split, never merge ({@code HowItWorks.Partitions.html}). */
  void configure(boolean onDemand, IndexCapacity capacity, CapacityKnobs knobs) {
    long readUnits =
        Math.max(
            onDemand ? 2 * read.peakMilli / 1000 : capacity.readCapacityUnits(),
            capacity.warmReadUnitsPerSecond());
    long writeUnits =
        Math.max(
            onDemand ? 2 * write.peakMilli / 1000 : capacity.writeCapacityUnits(),
            capacity.warmWriteUnitsPerSecond());
    long byThroughput =
        ceilDiv(
            readUnits * knobs.partitionWriteUnits() + writeUnits * knobs.partitionReadUnits(),
            knobs.partitionReadUnits() * knobs.partitionWriteUnits());
    long bySize = ceilDiv(storageBytes, knobs.partitionBytes());
    partitions =
        (int) Math.max(partitions, Math.max(knobs.minPartitions(), Math.max(byThroughput, bySize)));
    read.configure(
        onDemand, capacity.readCapacityUnits(), capacity.maxReadRequestUnits(), knobs, partitions);
    write.configure(
        onDemand,
        capacity.writeCapacityUnits(),
        capacity.maxWriteRequestUnits(),
        knobs,
        partitions);
  }

  int partitionOf(PartitionKey partitionKey) {
    return partitionKey.partition(partitions);
  }

  String reason(boolean isWrite, String limitType) {
    return (isIndex ? "Index" : "Table") + (isWrite ? "Write" : "Read") + limitType;
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
