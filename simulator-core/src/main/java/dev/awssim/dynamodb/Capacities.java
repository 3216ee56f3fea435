package dev.awssim.dynamodb;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Capacity-unit accounting of the data plane
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html):
 * the unit rule itself is {@link CapacityUnits}'s (reads per 4 KB, writes per 1 KB, the minimum for
 * a missing item); here it is applied to items, indexes and ConsumedCapacity.
 */
final class Capacities {
  private Capacities() {}

  /** Read units for {@code bytes} read as one unit of rounding; multiplier 0.5, 1 or 2. */
  static double read(long bytes, double multiplier) {
    ReadMode mode =
        multiplier < 1
            ? ReadMode.EVENTUALLY_CONSISTENT
            : multiplier > 1 ? ReadMode.TRANSACTIONAL : ReadMode.STRONGLY_CONSISTENT;
    return CapacityUnits.readUnits(bytes, mode);
  }

  /** Write units for an item of {@code bytes}; multiplier 1 or 2 (transactional). */
  static double write(long bytes, double multiplier) {
    return CapacityUnits.writeUnits(bytes, multiplier > 1);
  }

  static double readMultiplier(boolean consistent) {
    return consistent ? 1 : 0.5;
  }

  /**
   * The charges of writing {@code newItem} (null = delete) over {@code oldItem}: the table pays the
   * larger of the two images; each index pays for its entries, a delete and a put when the index
   * key moves.
   */
  static List<CapacityCharge> writeCharges(
      Table table,
      PartitionKey partition,
      Map<String, AttributeValue> oldItem,
      Map<String, AttributeValue> newItem,
      double multiplier) {
    List<CapacityCharge> charges = new ArrayList<>(1 + table.indexes.size());
    long bytes =
        Math.max(
            oldItem == null ? 0 : Items.size(oldItem), newItem == null ? 0 : Items.size(newItem));
    charges.add(
        new CapacityCharge(table.throughput, null, partition, true, write(bytes, multiplier)));
    for (SecondaryIndex index : table.indexes.values()) {
      Map<String, AttributeValue> before = index.entry(oldItem);
      Map<String, AttributeValue> after = index.entry(newItem);
      double units;
      if (before == null && after == null) {
        continue;
      } else if (before == null || after == null) {
        units = write(Items.size(before == null ? after : before), multiplier);
      } else if (index.key.keyOf(before).equals(index.key.keyOf(after))) {
        units = write(Math.max(Items.size(before), Items.size(after)), multiplier);
      } else {
        units = write(Items.size(before), multiplier) + write(Items.size(after), multiplier);
      }
      charges.add(new CapacityCharge(table.throughput, index.name, partition, true, units));
    }
    return charges;
  }

  /** The ConsumedCapacity of {@code charges} on one table, or null for NONE. */
  static ConsumedCapacity consumed(
      List<CapacityCharge> charges, ReturnConsumedCapacity mode, Table table) {
    if (mode == null || mode == ReturnConsumedCapacity.NONE) {
      return null;
    }
    double read = 0;
    double written = 0;
    double[] base = new double[2];
    Map<String, double[]> lsis = new LinkedHashMap<>();
    Map<String, double[]> gsis = new LinkedHashMap<>();
    for (CapacityCharge charge : charges) {
      if (charge.table() != table.throughput) {
        continue;
      }
      double[] target = base;
      if (charge.indexName() != null) {
        SecondaryIndex index = table.indexes.get(charge.indexName());
        boolean global = index == null || index.global;
        target = (global ? gsis : lsis).computeIfAbsent(charge.indexName(), k -> new double[2]);
      }
      target[charge.write() ? 1 : 0] += charge.units();
      if (charge.write()) {
        written += charge.units();
      } else {
        read += charge.units();
      }
    }
    if (mode == ReturnConsumedCapacity.TOTAL) {
      return new ConsumedCapacity(table.name, read + written, read, written, null, null, null);
    }
    return new ConsumedCapacity(
        table.name,
        read + written,
        read,
        written,
        capacity(base),
        capacities(lsis),
        capacities(gsis));
  }

  private static Capacity capacity(double[] units) {
    return new Capacity(units[0] + units[1], units[0], units[1]);
  }

  private static Map<String, Capacity> capacities(Map<String, double[]> units) {
    Map<String, Capacity> result = new LinkedHashMap<>();
    units.forEach((name, u) -> result.put(name, capacity(u)));
    return result;
  }

  /** The partition key of {@code key} as the capacity model sees it, hashed once. */
  static PartitionKey partitionKey(AttributeValue key) {
    return PartitionKey.of(canonical(key));
  }

  /** The partition key as a stable string: its type and value, binary in base64. */
  private static String canonical(AttributeValue key) {
    if (key == null) {
      return "";
    }
    return switch (key.type()) {
      case S -> "S:" + key.s();
      case N -> "N:" + key.n();
      case B -> "B:" + Base64.getEncoder().encodeToString(key.b());
      default -> key.type() + ":" + key;
    };
  }
}
