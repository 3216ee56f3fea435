package dev.awssim.benchmarks;

import dev.awssim.dynamodb.AttributeValue;
import java.util.Map;

/** The items every DynamoDB benchmark uses: a string key and about 200 bytes of attributes. */
final class DynamoDbItems {
  private DynamoDbItems() {}

  @SuppressWarnings("unchecked")
  static Map<String, AttributeValue>[] items(int count) {
    Map<String, AttributeValue>[] items = new Map[count];
    for (int i = 0; i < count; i++) {
      items[i] =
          Map.of(
              "pk", AttributeValue.s(key(i)),
              "name", AttributeValue.s("customer-name-" + i),
              "email", AttributeValue.s("customer" + i + "@example.com"),
              "address", AttributeValue.s("1 Long Street, Springfield, 12345, Somewhere"),
              "notes", AttributeValue.s("x".repeat(60)),
              "balance", AttributeValue.n(i));
    }
    return items;
  }

  @SuppressWarnings("unchecked")
  static Map<String, AttributeValue>[] keys(int count) {
    Map<String, AttributeValue>[] keys = new Map[count];
    for (int i = 0; i < count; i++) {
      keys[i] = Map.of("pk", AttributeValue.s(key(i)));
    }
    return keys;
  }

  static String key(int i) {
    return "customer#" + i;
  }
}
