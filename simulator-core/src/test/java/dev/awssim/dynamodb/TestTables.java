package dev.awssim.dynamodb;

import java.util.List;

/** Table definitions several tests share. */
final class TestTables {
  private TestTables() {}

  /** An on-demand table {@code name} keyed by "pk" (S) and "sk" (N). */
  static CreateTableRequest onDemandPkSk(String name) {
    return CreateTableRequest.of(name)
        .withKeySchema(
            List.of(
                new KeySchemaElement("pk", KeyType.HASH),
                new KeySchemaElement("sk", KeyType.RANGE)))
        .withAttributeDefinitions(
            List.of(
                new AttributeDefinition("pk", ScalarAttributeType.S),
                new AttributeDefinition("sk", ScalarAttributeType.N)))
        .withBillingMode(BillingMode.PAY_PER_REQUEST);
  }
}
