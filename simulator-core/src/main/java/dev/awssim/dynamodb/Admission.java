package dev.awssim.dynamodb;

import dev.awssim.dynamodb.capacity.CapacityLimits;
import dev.awssim.dynamodb.capacity.ThrottlingReason;
import java.util.function.LongSupplier;

/**
 * The checks of one charge, in AWS's order of ceilings ({@code burst-adaptive-capacity.html},
 * {@code TroubleshootingThrottling.html}; the order is [SIM]).
 */
final class Admission {
  private static final String PTEE = "ProvisionedThroughputExceededException";
  private static final String THROTTLING = "ThrottlingException";

  private Admission() {}

  /** Returns the throttle decision, or {@code null} when the charge fits (package-internal). */
  static CapacityDecision check(
      LongSupplier tableUsed,
      Resource r,
      Lane lane,
      int partition,
      CapacityCharge charge,
      long milli,
      CapacityLimits limits,
      LongSupplier accountUsed) {
    PartitionKey key = charge.partitionKey();
    // A Scan's share is held to its partition's ceiling; a key's own reads and writes to the
    // key's ceiling, and to the partition's when hot items are not isolated.
    boolean overKey = !charge.range() && lane.keyUsed(key) + milli > lane.ceilingMilli();
    boolean overPartition =
        (charge.range() || !lane.knobs.hotItemIsolation())
            && lane.partUsed[partition] + milli > lane.ceilingMilli();
    if (overKey || overPartition) {
      return refuse(
          PTEE,
          r,
          charge,
          "KeyRangeThroughputExceeded",
          "Throughput exceeds the current capacity for one or more partitions (key range) of your table or index.");
    }
    if (lane.onDemand) {
      return onDemand(tableUsed, r, lane, charge, milli, limits, accountUsed);
    }
    long excess = milli - lane.allowance(partition);
    if (excess > lane.burstMilli) {
      return refuse(
          PTEE,
          r,
          charge,
          "ProvisionedThroughputExceeded",
          "The level of configured provisioned throughput for the "
              + (r.isIndex ? "index" : "table")
              + " was exceeded. Consider increasing your provisioning level with the UpdateTable API.");
    }
    return null;
  }

  private static CapacityDecision onDemand(
      LongSupplier tableUsed,
      Resource r,
      Lane lane,
      CapacityCharge charge,
      long milli,
      CapacityLimits limits,
      LongSupplier accountUsed) {
    if (lane.maxMilli > 0 && lane.used + milli > lane.maxMilli) {
      return refuse(
          THROTTLING,
          r,
          charge,
          "MaxOnDemandThroughputExceeded",
          "Throughput exceeds the maximum OnDemandThroughput configured on the table or index.");
    }
    if (lane.used + milli > 2 * lane.peakMilli) {
      return refuse(
          THROTTLING,
          r,
          charge,
          "KeyRangeThroughputExceeded",
          "Throughput exceeds the current capacity of your table or index. DynamoDB is automatically scaling your table or index so please try again shortly.");
    }
    if (tableUsed.getAsLong() + milli > limits.tableUnits() * 1000) {
      return refuse(
          THROTTLING,
          r,
          charge,
          "AccountLimitExceeded",
          "Throughput exceeds the current throughput limit for your table.");
    }
    if (accountUsed.getAsLong() + milli > limits.accountUnits() * 1000) {
      return refuse(
          "RequestLimitExceeded",
          r,
          charge,
          "AccountLimitExceeded",
          "Throughput exceeds the current throughput limit for your account.");
    }
    return null;
  }

  private static CapacityDecision refuse(
      String code, Resource r, CapacityCharge charge, String limitType, String message) {
    return CapacityDecision.throttled(
        code, message, new ThrottlingReason(r.reason(charge.write(), limitType), r.arn), charge, r);
  }
}
