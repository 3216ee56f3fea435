package dev.awssim.dynamodb;

import java.util.List;

/** Table definitions several tests share. */
final class TestTables {
  private TestTables() {}

  /** An on-demand table {@code name} keyed by "pk" (S) and "sk" (N). */
  static CreateTableRequest onDemandPkSk(String name) {
    return onDemandPkSk(name, ScalarAttributeType.N);
  }

  /** An on-demand table {@code name} keyed by "pk" (S) and "sk" of {@code sortType}. */
  static CreateTableRequest onDemandPkSk(String name, ScalarAttributeType sortType) {
    return CreateTableRequest.of(name)
        .withKeySchema(
            List.of(
                new KeySchemaElement("pk", KeyType.HASH),
                new KeySchemaElement("sk", KeyType.RANGE)))
        .withAttributeDefinitions(
            List.of(
                new AttributeDefinition("pk", ScalarAttributeType.S),
                new AttributeDefinition("sk", sortType)))
        .withBillingMode(BillingMode.PAY_PER_REQUEST);
  }
}
