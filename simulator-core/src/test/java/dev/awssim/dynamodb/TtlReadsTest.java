package dev.awssim.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Expired items before their deletion
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ttl-expired-items.html): still
 * returned by reads, queries and scans, still updatable (removing the TTL attribute keeps the
 * item); the deletion itself consumes no write capacity.
 */
class TtlReadsTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(4);
  private final DynamoDb db = StreamsAndTtlTest.newTable(sim, StreamViewType.KEYS_ONLY);

  private double metric(String name) {
    return sim.metrics()
        .total(new MetricKey("AWS/DynamoDB", name, Dimensions.of("TableName", "events")));
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of("id", AttributeValue.s(id));
  }

  @Test
  void expiredItems_readQueriedAndScannedUntilDeleted_removingTheTtlKeepsOne_deletionIsFree() {
    db.updateTimeToLive("events", new TimeToLiveSpecification(true, "exp"));
    long expiry = sim.now().getEpochSecond() + 10;
    for (String id : new String[] {"a", "b"}) {
      db.putItem("events", Map.of("id", AttributeValue.s(id), "exp", AttributeValue.n(expiry)));
    }
    sim.advanceBy(Duration.ofHours(1));

    assertEquals(2, db.scan(ScanRequest.of("events")).count(), "expired, not yet deleted");
    assertEquals(
        1,
        db.query(
                QueryRequest.of("events", "id = :a")
                    .withExpressionAttributeValues(Map.of(":a", AttributeValue.s("a"))))
            .count());
    db.updateItem(UpdateItemRequest.of("events", key("b"), "REMOVE exp"));
    double written = metric("ConsumedWriteCapacityUnits");

    sim.advanceBy(Duration.ofDays(2));

    assertNull(db.getItem("events", key("a")));
    assertNotNull(db.getItem("events", key("b")), "its TTL attribute was removed in time");
    assertEquals(1.0, metric("TimeToLiveDeletedItemCount"));
    assertEquals(written, metric("ConsumedWriteCapacityUnits"), "a TTL delete costs no WCU");
  }
}
