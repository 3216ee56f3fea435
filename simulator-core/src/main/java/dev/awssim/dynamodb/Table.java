package dev.awssim.dynamodb;

import dev.awssim.internal.RandomIds;
import dev.awssim.internal.SimulationContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One table: its definition, its items, its secondary indexes and its throughput state (set once
 * the account accepted the table's capacity).
 */
final class Table {
  final String name;
  final String arn;
  final String id;
  final Instant created;
  final KeySchema key;
  final Map<String, ScalarAttributeType> attributeTypes;
  final Map<String, SecondaryIndex> indexes = new LinkedHashMap<>();
  final ItemStore store = new ItemStore();
  TableThroughput throughput;
  Stream stream;
  TimeToLive ttl;
  boolean deleted;
  private final SimulationContext context;
  private final RandomGenerator eventIds;

  Table(
      SimulationContext context,
      String name,
      String arn,
      String id,
      Instant created,
      KeySchema key,
      Map<String, ScalarAttributeType> attributeTypes) {
    this.context = context;
    this.eventIds = context.random().stream("dynamodb/" + name + "/events");
    this.name = name;
    this.arn = arn;
    this.id = id;
    this.created = created;
    this.key = key;
    this.attributeTypes = attributeTypes;
  }

  /** The billing mode, as the table's capacity has it. */
  BillingMode billingMode() {
    return throughput.capacity().payPerRequest()
        ? BillingMode.PAY_PER_REQUEST
        : BillingMode.PROVISIONED;
  }

  /**
   * The provisioned throughput of the table ({@code indexName == null}) or a GSI, null on-demand.
   */
  ProvisionedThroughput provisionedThroughput(String indexName) {
    TableCapacity c = throughput.capacity();
    if (c.payPerRequest()) {
      return null;
    }
    IndexCapacity units = indexName == null ? c.table() : c.indexes().get(indexName);
    return new ProvisionedThroughput(units.readCapacityUnits(), units.writeCapacityUnits());
  }

  List<AttributeValue> sortKey(Map<String, AttributeValue> item) {
    return key.rangeName() == null ? List.of() : List.of(item.get(key.rangeName()));
  }

  Map<String, AttributeValue> get(Map<String, AttributeValue> keyOrItem) {
    return store.get(keyOrItem.get(key.hashName()), sortKey(keyOrItem));
  }

  /**
   * Writes {@code newItem} (null deletes) over {@code oldItem} at {@code now}, keeping every index
   * and the partitions' storage in step, records the change in the stream ({@code service} marks a
   * TTL delete) and schedules a TTL deletion.
   */
  void write(
      Map<String, AttributeValue> keyOrItem,
      Map<String, AttributeValue> oldItem,
      Map<String, AttributeValue> newItem,
      boolean service,
      long now) {
    AttributeValue partition = keyOrItem.get(key.hashName());
    List<AttributeValue> sort = sortKey(keyOrItem);
    if (newItem == null) {
      store.remove(partition, sort);
    } else {
      store.put(partition, sort, newItem);
      throughput.storageChanged(null, store.bytes(), now);
    }
    if (!indexes.isEmpty()) {
      for (SecondaryIndex index : indexes.values()) {
        index.replace(oldItem, newItem);
        if (index.global && newItem != null) {
          // a GSI's partitions split on its own storage, as the table's do (GSI.html: a GSI
          // has its own partitions; HowItWorks.Partitions.html: 10 GB each)
          throughput.storageChanged(index.name, index.store.bytes(), now);
        }
      }
    }
    if (stream != null) {
      stream.append(
          key.keyOf(keyOrItem),
          oldItem,
          newItem,
          service,
          context.clock().toInstant(now),
          now,
          RandomIds.hex(eventIds, 32));
    }
    if (ttl != null && newItem != null) {
      ttl.onWrite(this, newItem, now);
    }
  }

  /** Whether the table has local secondary indexes, so that its item collections are limited. */
  boolean hasLocalIndexes() {
    for (SecondaryIndex index : indexes.values()) {
      if (!index.global) {
        return true;
      }
    }
    return false;
  }

  /**
   * The size of the item collection of {@code partition}: its items in the table plus their entries
   * in every LSI (API_ItemCollectionMetrics.html).
   */
  long itemCollectionBytes(AttributeValue partition) {
    long bytes = partitionBytes(store, partition);
    for (SecondaryIndex index : indexes.values()) {
      if (!index.global) {
        bytes += partitionBytes(index.store, partition);
      }
    }
    return bytes;
  }

  /** What writing {@code newItem} (null deletes) over {@code oldItem} adds to its collection. */
  long itemCollectionGrowth(
      Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem) {
    long growth = size(newItem) - size(oldItem);
    for (SecondaryIndex index : indexes.values()) {
      if (!index.global) {
        growth += size(index.entry(newItem)) - size(index.entry(oldItem));
      }
    }
    return growth;
  }

  private static long partitionBytes(ItemStore store, AttributeValue partition) {
    long bytes = 0;
    for (Map<String, AttributeValue> item : store.partition(partition).values()) {
      bytes += Items.size(item);
    }
    return bytes;
  }

  private static long size(Map<String, AttributeValue> item) {
    return item == null ? 0 : Items.size(item);
  }

  SecondaryIndex index(String indexName) {
    SecondaryIndex index = indexes.get(indexName);
    if (index == null) {
      throw Errors.validation("The table does not have the specified index: " + indexName);
    }
    return index;
  }
}
