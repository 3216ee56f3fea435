package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbAsyncWaiter;

/**
 * The DynamoDbAsyncClient's waiter: the SDK's own waiter, checking every 20 s of virtual time (the
 * SDK's DynamoDB waiters' delay, {@code
 * https://docs.aws.amazon.com/cli/latest/reference/dynamodb/wait/table-exists.html}: every 20
 * seconds, up to 25 checks), stepped.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DynamoDbAsyncWaiterTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(3);
  private final DynamoDbAsyncClient dynamoDb = SimulatedAws.from(sim).dynamoDbAsyncClient();

  private void createTable(String name) {
    dynamoDb
        .createTable(
            b ->
                b.tableName(name)
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(
                        a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .billingMode("PAY_PER_REQUEST"))
        .join();
  }

  @Test
  void waitUntilTableExists_existingTable_completesAtOnce() {
    createTable("tbl");
    try (DynamoDbAsyncWaiter waiter = dynamoDb.waiter()) {
      CompletableFuture<WaiterResponse<DescribeTableResponse>> f =
          waiter.waitUntilTableExists(b -> b.tableName("tbl"));
      assertTrue(f.isDone());
      assertEquals("tbl", f.join().matched().response().get().table().tableName());
      assertEquals(1, f.join().attemptsExecuted());
    }
  }

  @Test
  void waitUntilTableExists_tableCreatedLater_checksAgainEvery20VirtualSeconds() {
    try (DynamoDbAsyncWaiter waiter = dynamoDb.waiter()) {
      CompletableFuture<WaiterResponse<DescribeTableResponse>> f =
          waiter.waitUntilTableExists(b -> b.tableName("later"));
      assertFalse(f.isDone());
      sim.after(Duration.ofSeconds(30), () -> createTable("later"));

      sim.advanceBy(Duration.ofSeconds(39));
      assertFalse(f.isDone(), "checks at 0 s and 20 s find no table");
      sim.advanceBy(Duration.ofSeconds(1));

      assertTrue(f.isDone(), "the check at 40 s finds it");
      assertEquals(3, f.join().attemptsExecuted());
    }
  }

  @Test
  void waitUntilTableNotExists_deletedLater_completesOnVirtualTime() {
    createTable("gone");
    try (DynamoDbAsyncWaiter waiter = dynamoDb.waiter()) {
      CompletableFuture<WaiterResponse<DescribeTableResponse>> f =
          waiter.waitUntilTableNotExists(b -> b.tableName("gone"));
      sim.after(Duration.ofSeconds(5), () -> dynamoDb.deleteTable(b -> b.tableName("gone")).join());
      sim.advanceBy(Duration.ofSeconds(19));
      assertFalse(f.isDone());
      sim.advanceBy(Duration.ofSeconds(1));
      assertTrue(f.isDone());
      assertTrue(f.join().matched().exception().orElseThrow() instanceof ResourceNotFoundException);
    }
  }
}
