package dev.awssim.dynamodb;

import dev.awssim.engine.SimulationContext;
import dev.awssim.engine.random.RandomIds;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** One table: its definition, its items and its secondary indexes. */
final class Table {
  final String name;
  final String arn;
  final String id;
  final Instant created;
  final KeySchema key;
  final Map<String, ScalarAttributeType> attributeTypes;
  BillingMode billingMode;
  ProvisionedThroughput throughput;
  final Map<String, SecondaryIndex> indexes = new LinkedHashMap<>();
  final ItemStore store = new ItemStore();
  ThroughputGate gate = ThroughputGate.UNLIMITED;
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
      Map<String, ScalarAttributeType> attributeTypes,
      BillingMode billingMode,
      ProvisionedThroughput throughput) {
    this.context = context;
    this.eventIds = context.random().stream("dynamodb/" + name + "/events");
    this.name = name;
    this.arn = arn;
    this.id = id;
    this.created = created;
    this.key = key;
    this.attributeTypes = attributeTypes;
    this.billingMode = billingMode;
    this.throughput = throughput;
  }

  List<AttributeValue> sortKey(Map<String, AttributeValue> item) {
    return key.rangeName() == null ? List.of() : List.of(item.get(key.rangeName()));
  }

  Map<String, AttributeValue> get(Map<String, AttributeValue> keyOrItem) {
    return store.get(keyOrItem.get(key.hashName()), sortKey(keyOrItem));
  }

  /** Writes {@code newItem} (null deletes) over {@code oldItem}, keeping every index in step. */
  void write(
      Map<String, AttributeValue> keyOrItem,
      Map<String, AttributeValue> oldItem,
      Map<String, AttributeValue> newItem) {
    write(keyOrItem, oldItem, newItem, false);
  }

  /**
   * As {@link #write(Map, Map, Map)}, and records the change in the stream ({@code service} marks a
   * TTL delete) and schedules a TTL deletion.
   */
  void write(
      Map<String, AttributeValue> keyOrItem,
      Map<String, AttributeValue> oldItem,
      Map<String, AttributeValue> newItem,
      boolean service) {
    AttributeValue partition = keyOrItem.get(key.hashName());
    List<AttributeValue> sort = sortKey(keyOrItem);
    if (newItem == null) {
      store.remove(partition, sort);
    } else {
      store.put(partition, sort, newItem);
      gate.storageChanged(name, store.bytes());
    }
    if (!indexes.isEmpty()) {
      for (SecondaryIndex index : indexes.values()) {
        index.replace(oldItem, newItem);
      }
    }
    if (stream != null) {
      stream.append(
          key.keyOf(keyOrItem),
          oldItem,
          newItem,
          service,
          context.clock().now(),
          context.clock().nanos(),
          RandomIds.hex(eventIds, 32));
    }
    if (ttl != null && newItem != null) {
      ttl.onWrite(this, newItem);
    }
  }

  SecondaryIndex index(String indexName) {
    SecondaryIndex index = indexes.get(indexName);
    if (index == null) {
      throw Errors.validation("The table does not have the specified index: " + indexName);
    }
    return index;
  }
}
