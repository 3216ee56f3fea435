/**
 * CloudWatch over the simulation's metrics: {@link dev.awssim.cloudwatch.CloudWatch}.
 *
 * <p><b>Metrics.</b> PutMetricData records custom metrics next to the ones the service models
 * record ({@code AWS/SQS}, {@code AWS/Kinesis}, {@code AWS/DynamoDB}, {@code AWS/ApiGateway},
 * {@code AWS/Lambda}, {@code AWS/SNS}, ...), with AWS's limits ({@link
 * dev.awssim.cloudwatch.CloudWatchLimits}), each datum in the period of its own Timestamp (up to
 * two weeks back and two hours ahead), with no ingestion latency. GetMetricStatistics,
 * GetMetricData and ListMetrics read them. Statistics are exact. Percentiles ({@code pNN.NN}) are
 * computed exactly, by nearest rank, over the raw values kept for a metric from the moment it is
 * tracked (published through PutMetricData, named by a percentile alarm, or {@code
 * trackPercentiles}); AWS computes them from a compressed form it does not document, so values may
 * differ from AWS's by the gap between two neighbouring samples. Metric math in GetMetricData
 * covers arithmetic, comparisons, arrays, SUM / AVG / MIN / MAX, ABS, RATE, DIFF, FILL and IF
 * ({@code MetricMath}); other functions are rejected.
 *
 * <p><b>Alarms.</b> Each alarm has one scheduled task, at its next evaluation instant (multiples of
 * 60 s, or of 10 s for 10/20/30 s periods). An evaluation reads the range of N + max(N/3, 2)
 * periods counted back from the instant, turns each bucket into breaching / not breaching /
 * missing, and applies AWS's missing-data rules (alarm-evaluation.html): with at least N real
 * points the newest N decide (M of N); with none, TreatMissingData decides; otherwise the gaps are
 * filled as TreatMissingData says, with the premature-alarm rule for {@code missing} and {@code
 * ignore}. AWS/DynamoDB metrics are always treated as {@code ignore}. A change of state runs that
 * state's actions once (an SNS publish of the alarm's JSON message), at the evaluation instant.
 * Creations, updates, deletions, state changes and actions are kept in the alarm history for two
 * weeks. A metric-math alarm (up to 10 metrics and 10 expressions, exactly one returning data, all
 * metrics at one period) is evaluated on its watched expression, computed over the alarm's own
 * periods. Composite alarms and anomaly detection are not modelled.
 */
package dev.awssim.cloudwatch;
