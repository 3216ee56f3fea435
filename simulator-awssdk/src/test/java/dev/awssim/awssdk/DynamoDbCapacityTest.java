package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The simulator's DynamoDB capacity model, seen through the SDK clients. */
class DynamoDbCapacityTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(21);

  private static void provisionedTable(DynamoDbClient db) {
    db.createTable(
        b ->
            b.tableName("slow")
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(
                    a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)));
  }

  private static void put(DynamoDbClient db, int i) {
    db.putItem(b -> b.tableName("slow").item(Map.of("pk", AttributeValue.fromS("k" + i))));
  }

  /** Writes at one instant until the table throttles; returns how many were admitted. */
  private static int writeUntilThrottled(DynamoDbClient db) {
    for (int i = 0; i < 10_000; i++) {
      try {
        put(db, i);
      } catch (ProvisionedThroughputExceededException e) {
        assertTrue(e.isThrottlingException());
        assertEquals(400, e.statusCode());
        return i;
      }
    }
    throw new AssertionError("never throttled");
  }

  @Test
  void oneWcuTable_burstSpent_noRetryClientSeesTheThrottle() {
    DynamoDbClient db =
        SimulatedAws.builder(sim).retryMode(RetryMode.NONE).build().dynamoDbClient();
    provisionedTable(db);
    int admitted = writeUntilThrottled(db);
    assertTrue(admitted >= 1, "admitted " + admitted);
    assertEquals(0, sim.clock().nanos(), "no retries, no waiting");
  }

  @Test
  void oneWcuTable_burstSpent_defaultClientRetriesUntilCapacityRefills() {
    SimulatedAws aws = SimulatedAws.from(sim);
    DynamoDbClient noRetry =
        SimulatedAws.builder(sim).retryMode(RetryMode.NONE).build().dynamoDbClient();
    provisionedTable(noRetry);
    int admitted = writeUntilThrottled(noRetry);
    put(aws.dynamoDbClient(), admitted);
    assertTrue(sim.clock().nanos() > 0, "the retries waited on virtual time");
  }
}
