package dev.awssim.dynamodb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The resolved key of a table or index: partition key and optional sort key, with types. */
record KeySchema(
    String hashName,
    ScalarAttributeType hashType,
    String rangeName,
    ScalarAttributeType rangeType) {
  private static final int MAX_HASH_BYTES = DynamoDbLimits.MAX_PARTITION_KEY_BYTES;
  private static final int MAX_RANGE_BYTES = DynamoDbLimits.MAX_SORT_KEY_BYTES;

  static KeySchema of(List<KeySchemaElement> elements, Map<String, ScalarAttributeType> types) {
    if (elements.isEmpty()
        || elements.size() > 2
        || elements.get(0).keyType() != KeyType.HASH
        || (elements.size() == 2 && elements.get(1).keyType() != KeyType.RANGE)) {
      throw Errors.validation(
          "1 validation error detected: Value at 'keySchema' failed to satisfy constraint: Member must have a HASH key first and at most one RANGE key");
    }
    String hash = elements.get(0).attributeName();
    String range = elements.size() == 2 ? elements.get(1).attributeName() : null;
    return new KeySchema(hash, type(hash, types), range, range == null ? null : type(range, types));
  }

  private static ScalarAttributeType type(String name, Map<String, ScalarAttributeType> types) {
    ScalarAttributeType type = types.get(name);
    if (type == null) {
      throw Errors.validation(
          "One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: ["
              + name
              + "], AttributeDefinitions: "
              + types.keySet());
    }
    return type;
  }

  List<KeySchemaElement> elements() {
    List<KeySchemaElement> list = new ArrayList<>();
    list.add(new KeySchemaElement(hashName, KeyType.HASH));
    if (rangeName != null) {
      list.add(new KeySchemaElement(rangeName, KeyType.RANGE));
    }
    return list;
  }

  boolean isKeyAttribute(String name) {
    return name.equals(hashName) || name.equals(rangeName);
  }

  /** Validates a key given in a request: exactly the key attributes, with the right types. */
  void checkKey(Map<String, AttributeValue> key) {
    int expected = rangeName == null ? 1 : 2;
    if (key.size() != expected
        || !key.containsKey(hashName)
        || (rangeName != null && !key.containsKey(rangeName))) {
      throw Errors.keyMismatch();
    }
    checkKeyValue(hashName, hashType, key.get(hashName), MAX_HASH_BYTES, true);
    if (rangeName != null) {
      checkKeyValue(rangeName, rangeType, key.get(rangeName), MAX_RANGE_BYTES, true);
    }
  }

  /** Validates the key attributes of a whole item to be written. */
  void checkItem(Map<String, AttributeValue> item) {
    checkItemKey(hashName, hashType, item.get(hashName), MAX_HASH_BYTES);
    if (rangeName != null) {
      checkItemKey(rangeName, rangeType, item.get(rangeName), MAX_RANGE_BYTES);
    }
  }

  private static void checkItemKey(
      String name, ScalarAttributeType type, AttributeValue value, int max) {
    if (value == null) {
      throw Errors.validation(
          "One or more parameter values were invalid: Missing the key " + name + " in the item");
    }
    checkKeyValue(name, type, value, max, false);
  }

  private static void checkKeyValue(
      String name, ScalarAttributeType type, AttributeValue value, int max, boolean inKey) {
    if (value == null || !value.type().name().equals(type.name())) {
      throw inKey
          ? Errors.keyMismatch()
          : Errors.validation(
              "One or more parameter values were invalid: Type mismatch for key "
                  + name
                  + " expected: "
                  + type
                  + " actual: "
                  + (value == null ? "NULL" : value.type()));
    }
    long size = Items.valueSize(value);
    if (size == 0) {
      throw Errors.validation(
          "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty "
              + (type == ScalarAttributeType.S ? "string" : "binary")
              + " value. Key: "
              + name);
    }
    if (size > max) {
      throw Errors.validation(
          max == MAX_HASH_BYTES
              ? "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes"
              : "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
    }
  }

  /** The key attributes of {@code item} (which must have them). */
  Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
    if (rangeName == null) {
      return Collections.singletonMap(hashName, item.get(hashName));
    }
    Map<String, AttributeValue> key = new LinkedHashMap<>(4);
    key.put(hashName, item.get(hashName));
    key.put(rangeName, item.get(rangeName));
    return key;
  }

  /** Whether {@code item} has both key attributes with the right types (for sparse indexes). */
  boolean indexes(Map<String, AttributeValue> item) {
    AttributeValue h = item.get(hashName);
    if (h == null || !h.type().name().equals(hashType.name())) {
      return false;
    }
    if (rangeName == null) {
      return true;
    }
    AttributeValue r = item.get(rangeName);
    return r != null && r.type().name().equals(rangeType.name());
  }
}
