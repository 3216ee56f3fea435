/**
 * CloudWatch-like metrics on virtual time.
 *
 * <p>Models record values under AWS's namespace, metric names and dimensions ({@code AWS/SQS
 * NumberOfMessagesSent QueueName=orders}). Values are aggregated (sum, minimum, maximum, sample
 * count) per second of virtual time; when a second ends its statistics are rolled up into 1-second,
 * 1-minute, 5-minute and 1-hour data points, and each resolution is kept for CloudWatch's
 * documented retention ({@link dev.awssim.engine.metrics.MetricsRetention}: 3 hours, 15 days, 63
 * days, 455 days) or a shorter bound the user sets. Memory therefore stays bounded over long runs.
 *
 * <p>A query for any whole-second period is merged from the finest data that divides the period and
 * still holds it, aligned to the epoch as CloudWatch aligns periods: 1-second periods for the last
 * 3 hours, 1-minute periods for 15 days, 5-minute periods for 63 days, hours for 455 days.
 *
 * <p>This package is the read side users see ({@link dev.awssim.engine.metrics.Metrics} has no way
 * to record): only the simulated services write AWS's metrics, through the recorder in {@code
 * dev.awssim.internal.metrics}; users publish their own through CloudWatch's {@code PutMetricData}.
 */
package dev.awssim.engine.metrics;
