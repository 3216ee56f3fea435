package dev.awssim.dynamodb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A GSI or LSI: its key, projection and its own sorted copy of the projected items. */
final class SecondaryIndex {
  final String name;
  final boolean global;
  final KeySchema key;
  final Projection projection;
  final String arn;
  final ItemStore store = new ItemStore();
  private final KeySchema tableKey;

  SecondaryIndex(
      String name,
      boolean global,
      KeySchema key,
      Projection projection,
      String tableArn,
      KeySchema tableKey) {
    this.name = name;
    this.global = global;
    this.key = key;
    this.projection = projection;
    this.arn = tableArn + "/index/" + name;
    this.tableKey = tableKey;
  }

  /** The index entry for {@code item}, or null when the item lacks the index key (sparse index). */
  Map<String, AttributeValue> entry(Map<String, AttributeValue> item) {
    if (item == null || !key.indexes(item)) {
      return null;
    }
    if (projection.projectionType() == ProjectionType.ALL) {
      return item;
    }
    Map<String, AttributeValue> entry = new LinkedHashMap<>();
    item.forEach(
        (attribute, value) -> {
          if (key.isKeyAttribute(attribute)
              || tableKey.isKeyAttribute(attribute)
              || projection.nonKeyAttributes().contains(attribute)) {
            entry.put(attribute, value);
          }
        });
    return entry;
  }

  List<AttributeValue> sortKey(Map<String, AttributeValue> item) {
    AttributeValue tableRange =
        tableKey.rangeName() == null ? AttributeValue.nul() : item.get(tableKey.rangeName());
    AttributeValue indexRange =
        key.rangeName() == null ? AttributeValue.nul() : item.get(key.rangeName());
    return List.of(indexRange, item.get(tableKey.hashName()), tableRange);
  }

  void replace(Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem) {
    Map<String, AttributeValue> oldEntry = entry(oldItem);
    if (oldEntry != null) {
      store.remove(oldEntry.get(key.hashName()), sortKey(oldEntry));
    }
    Map<String, AttributeValue> newEntry = entry(newItem);
    if (newEntry != null) {
      store.put(newEntry.get(key.hashName()), sortKey(newEntry), newEntry);
    }
  }
}
