package dev.awssim.dynamodb;

import dev.awssim.dynamodb.capacity.ThrottlingReason;
import java.util.List;
import java.util.function.Predicate;

/**
 * A test seam into the DynamoDB model's package-private throughput gate, so that SDK-level tests
 * can make chosen operations throttle whatever their capacity.
 */
public final class TestThrottles {
  private TestThrottles() {}

  /**
   * Throttles, with ProvisionedThroughputExceededException, every operation whose first charge's
   * partition key (a string) {@code throttled} accepts.
   */
  public static void throttleKeys(DynamoDb db, Predicate<String> throttled) {
    CapacityDecision throttle =
        CapacityDecision.throttled(
            "ProvisionedThroughputExceededException",
            "The level of configured provisioned throughput for the table was exceeded."
                + " Consider increasing your provisioning level with the UpdateTable API.",
            List.of(
                new ThrottlingReason(
                    "TableWriteProvisionedThroughputExceeded",
                    "arn:aws:dynamodb:us-east-1:000000000000:table/t")));
    db.throughputGate(
        charges ->
            throttled.test(charges.get(0).partitionKey().text().substring(2))
                ? throttle
                : CapacityDecision.admitted());
  }

  /** Lifts every throttle. */
  public static void unlimited(DynamoDb db) {
    db.throughputGate(null);
  }
}
