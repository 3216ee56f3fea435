/**
 * The recording side of the CloudWatch-like metrics: the {@link
 * dev.awssim.internal.metrics.MetricRecorder} each simulation owns and the per-metric {@link
 * dev.awssim.internal.metrics.MetricSeries} the service models hold, so that recording on a hot
 * path costs no lookup and no allocation. Users read the same data through {@link
 * dev.awssim.engine.metrics.Metrics}, which cannot record: only the simulated services write AWS's
 * metrics.
 */
package dev.awssim.internal.metrics;
