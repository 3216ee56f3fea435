/**
 * CloudWatch-like metrics on virtual time.
 *
 * <p>Models record values under AWS's namespace, metric names and dimensions ({@code AWS/SQS
 * NumberOfMessagesSent QueueName=orders}). Values are aggregated per second of virtual time (sum,
 * minimum, maximum, sample count), and any whole-second period (1 s, 60 s, ...) is merged from the
 * seconds on query, aligned to the epoch as CloudWatch aligns periods. A model holds a {@link
 * dev.awssim.engine.metrics.MetricSeries} so that recording on a hot path costs no lookup.
 */
package dev.awssim.engine.metrics;
