package dev.awssim.engine.metrics;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Identifies one CloudWatch metric: namespace, metric name and dimensions.
 *
 * <pre>{@code
 * MetricKey visible = new MetricKey("AWS/SQS", "ApproximateNumberOfMessagesVisible",
 *     Dimensions.of("QueueName", "orders"));
 * }</pre>
 *
 * @param namespace such as {@code AWS/SQS}
 * @param metricName such as {@code NumberOfMessagesSent}
 * @param dimensions such as {@code QueueName=orders}
 */
public record MetricKey(String namespace, String metricName, Dimensions dimensions) {
  /**
   * Validates the key.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if a name is empty
   */
  public MetricKey {
    checkNotNull(namespace, "namespace");
    checkNotNull(metricName, "metricName");
    checkNotNull(dimensions, "dimensions");
    checkArgument(!namespace.isEmpty(), "namespace must not be empty");
    checkArgument(!metricName.isEmpty(), "metricName must not be empty");
  }

  @Override
  public String toString() {
    return namespace + " " + metricName + " " + dimensions;
  }
}
