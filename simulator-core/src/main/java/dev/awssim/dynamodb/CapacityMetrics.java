package dev.awssim.dynamodb;

import com.google.common.collect.ImmutableMap;
import dev.awssim.dynamodb.capacity.CapacityTraceEvent;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.internal.metrics.MetricRecorder;
import dev.awssim.internal.trace.TraceRecorder;
import java.util.List;

/**
 * What capacity decisions record in CloudWatch's {@code AWS/DynamoDB} namespace, with AWS's names
 * and dimensions ({@code
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/metrics-dimensions.html}), and
 * in the trace.
 */
final class CapacityMetrics {
  static final String NAMESPACE = "AWS/DynamoDB";

  private CapacityMetrics() {}

  /**
   * Records one call's decision: the units consumed when admitted; when throttled, {@code
   * Read/WriteThrottleEvents} (and the per-limit events) of the resource that refused, {@code
   * ThrottledRequests} with dimensions {@code TableName} and {@code Operation} (not for a batch's
   * entries: only a batch throttled whole counts, see {@link #throttledRequest}), and a trace
   * event.
   */
  public static void record(
      MetricRecorder metrics,
      TraceRecorder trace,
      String operation,
      List<CapacityCharge> charges,
      CapacityDecision decision) {
    if (decision.isAdmitted()) {
      for (CapacityCharge charge : charges) {
        Resource resource = charge.table().resource(charge.indexName());
        resource
            .lane(charge.write())
            .consumed(metrics, resource.dimensions)
            .recordHoldingLock(charge.units());
      }
      return;
    }
    CapacityCharge charge = decision.refused;
    Resource resource = decision.resource;
    if (charge == null) {
      return;
    }
    String rw = charge.write() ? "Write" : "Read";
    metrics.record(NAMESPACE, rw + "ThrottleEvents", resource.dimensions, 1);
    if (!"BatchGetItem".equals(operation) && !"BatchWriteItem".equals(operation)) {
      metrics.record(
          NAMESPACE, "ThrottledRequests", requestDimensions(charge.table().name, operation), 1);
    }
    String reason = decision.reasons().get(0).reason();
    String limitType = reason.substring(reason.indexOf(rw) + rw.length()).replace("Exceeded", "");
    metrics.record(NAMESPACE, rw + limitType + "ThrottleEvents", resource.dimensions, 1);
    if (trace.isEnabled()) {
      trace.record(
          CapacityTraceEvent.THROTTLED,
          resource.arn,
          ImmutableMap.of(
              "reason",
              reason,
              "partitionKey",
              charge.partitionKey().text(),
              "partition",
              Integer.toString(resource.partitionOf(charge.partitionKey())),
              "units",
              Double.toString(charge.units())));
    }
  }

  /**
   * Counts one throttled request of {@code operation} on a table in {@code ThrottledRequests}: a
   * BatchGetItem or BatchWriteItem counts there only when every entry was throttled, which only the
   * caller knows.
   */
  public static void throttledRequest(MetricRecorder metrics, String tableName, String operation) {
    metrics.record(NAMESPACE, "ThrottledRequests", requestDimensions(tableName, operation), 1);
  }

  /** Records the provisioned read and write units of the table and each GSI. */
  public static void provisioned(MetricRecorder metrics, TableThroughput table) {
    for (Resource r : table.resources()) {
      metrics.record(
          NAMESPACE, "ProvisionedReadCapacityUnits", r.dimensions, r.read.rateMilli / 1000.0);
      metrics.record(
          NAMESPACE, "ProvisionedWriteCapacityUnits", r.dimensions, r.write.rateMilli / 1000.0);
    }
  }

  private static Dimensions requestDimensions(String tableName, String operation) {
    return operation == null
        ? Dimensions.of("TableName", tableName)
        : Dimensions.of("TableName", tableName, "Operation", operation);
  }
}
