package dev.awssim.awssdk;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.Metrics;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchServiceClientConfiguration;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

/**
 * The part of {@link CloudWatchAsyncClient} that libraries publishing their own metrics call (the
 * Kinesis Client Library's {@code CloudWatchMetricsPublisher}): PutMetricData, recorded into the
 * simulation's {@link Metrics} at the current virtual time, next to the services' own metrics, so
 * that users can chart them. Every other operation throws the interface's {@code
 * UnsupportedOperationException}.
 *
 * <p>Simplifications: a datum's {@code Timestamp} and {@code Unit} are accepted and not used (the
 * value is recorded at the current virtual time); a {@code StatisticSet} is recorded as {@code
 * SampleCount} values with its Minimum, its Maximum and the rest equal, which keeps the Sum,
 * SampleCount, Minimum, Maximum and Average that the simulator's statistics report.
 */
final class SimulatedCloudWatchAsyncClient implements CloudWatchAsyncClient {
  /**
   * Each PutMetricData request is limited to 1,000 different metrics (<a
   * href="https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricData.html">
   * PutMetricData</a>).
   */
  static final int MAX_METRICS_PER_REQUEST = 1000;

  /** Up to 30 dimensions per metric (PutMetricData, as above). */
  static final int MAX_DIMENSIONS_PER_METRIC = 30;

  /** Up to 150 values per metric with the Values and Counts form (PutMetricData, as above). */
  static final int MAX_VALUES_PER_METRIC = 150;

  /** Values must lie in -2^360 to 2^360 (PutMetricData, as above); NaN and infinities are not. */
  static final double MAX_ABS_VALUE = Math.scalb(1.0, 360);

  /** Namespaces that begin with "AWS/" are reserved for AWS services (PutMetricData, as above). */
  static final String RESERVED_NAMESPACE_PREFIX = "AWS/";

  static final ServiceErrors ERRORS =
      new ServiceErrors(
          "CloudWatch",
          CloudWatchException::builder,
          ImmutableMap.of(
              "InvalidParameterValue", InvalidParameterValueException::builder,
              "MissingParameter", MissingRequiredParameterException::builder,
              "InvalidParameterCombination", InvalidParameterCombinationException::builder),
          dev.awssim.engine.AwsServiceException::errorCode,
          (e, b) -> {});

  private final Metrics metrics;
  private final RetryExecutor retries;
  private final String region;

  SimulatedCloudWatchAsyncClient(Metrics metrics, RetryExecutor retries, String region) {
    this.metrics = checkNotNull(metrics, "metrics");
    this.retries = checkNotNull(retries, "retries");
    this.region = checkNotNull(region, "region");
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {
    // Nothing to release: no connection was opened.
  }

  @Override
  public CloudWatchServiceClientConfiguration serviceClientConfiguration() {
    return CloudWatchServiceClientConfiguration.builder().region(Region.of(region)).build();
  }

  @Override
  public CompletableFuture<PutMetricDataResponse> putMetricData(PutMetricDataRequest request) {
    checkNotNull(request, "request");
    return retries.callAsync(
        "PutMetricData",
        () -> {
          put(request);
          return CompletableFuture.completedFuture(PutMetricDataResponse.builder().build());
        },
        null);
  }

  /** Validates the whole request first, so that a rejected request records nothing. */
  private void put(PutMetricDataRequest request) {
    String namespace = request.namespace();
    if (namespace == null || namespace.isEmpty()) {
      throw error("MissingParameter", "The parameter Namespace is required.");
    }
    if (namespace.startsWith(RESERVED_NAMESPACE_PREFIX)) {
      throw invalid("The value " + namespace + " for parameter Namespace is invalid.");
    }
    List<MetricDatum> data = request.metricData();
    if (data.isEmpty()) {
      throw error("MissingParameter", "The parameter MetricData is required.");
    }
    if (data.size() > MAX_METRICS_PER_REQUEST) {
      throw invalid(
          "The collection MetricData must not have a size greater than "
              + MAX_METRICS_PER_REQUEST
              + ".");
    }
    for (int i = 0; i < data.size(); i++) {
      validate(data.get(i), "MetricData.member." + (i + 1));
    }
    for (MetricDatum d : data) {
      record(namespace, d);
    }
  }

  private static void validate(MetricDatum d, String at) {
    if (d.metricName() == null || d.metricName().isEmpty()) {
      throw error("MissingParameter", "The parameter " + at + ".MetricName is required.");
    }
    if (d.dimensions().size() > MAX_DIMENSIONS_PER_METRIC) {
      throw invalid(
          "The collection "
              + at
              + ".Dimensions must not have a size greater than "
              + MAX_DIMENSIONS_PER_METRIC
              + ".");
    }
    Set<String> names = new HashSet<>();
    for (Dimension dim : d.dimensions()) {
      if (dim.name() == null || dim.value() == null) {
        throw error(
            "MissingParameter", "The parameter " + at + ".Dimensions needs Name and Value.");
      }
      if (!names.add(dim.name())) {
        throw invalid("The dimension " + dim.name() + " is given twice in " + at + ".");
      }
    }
    int forms = (d.value() != null ? 1 : 0) + (d.statisticValues() != null ? 1 : 0);
    forms += d.hasValues() && !d.values().isEmpty() ? 1 : 0;
    if (forms > 1) {
      throw error(
          "InvalidParameterCombination",
          "The parameters " + at + ".Value, StatisticValues and Values are mutually exclusive.");
    }
    if (d.value() != null) {
      checkValue(d.value(), at + ".Value");
    }
    if (d.statisticValues() != null) {
      StatisticSet s = d.statisticValues();
      if (s.sampleCount() == null
          || s.sum() == null
          || s.minimum() == null
          || s.maximum() == null) {
        throw error(
            "MissingParameter",
            "The parameter "
                + at
                + ".StatisticValues needs SampleCount, Sum, Minimum and Maximum.");
      }
      checkValue(s.sum(), at + ".StatisticValues.Sum");
      checkValue(s.minimum(), at + ".StatisticValues.Minimum");
      checkValue(s.maximum(), at + ".StatisticValues.Maximum");
      if (!(s.sampleCount() >= 1) || s.minimum() > s.maximum()) {
        throw invalid("The parameter " + at + ".StatisticValues is not a valid statistic set.");
      }
    }
    if (d.hasValues()) {
      if (d.values().size() > MAX_VALUES_PER_METRIC) {
        throw invalid(
            "The collection "
                + at
                + ".Values must not have a size greater than "
                + MAX_VALUES_PER_METRIC
                + ".");
      }
      if (d.hasCounts() && !d.counts().isEmpty() && d.counts().size() != d.values().size()) {
        throw invalid("The parameters " + at + ".Values and Counts must be the same length.");
      }
      for (Double v : d.values()) {
        checkValue(v, at + ".Values");
      }
    }
  }

  private static void checkValue(Double v, String at) {
    if (v == null || !Double.isFinite(v) || Math.abs(v) > MAX_ABS_VALUE) {
      throw invalid("The value " + v + " for parameter " + at + " is invalid.");
    }
  }

  private void record(String namespace, MetricDatum d) {
    Dimensions dims = Dimensions.none();
    for (Dimension dim : d.dimensions()) {
      dims = dims.with(dim.name(), dim.value());
    }
    String name = d.metricName();
    if (d.value() != null) {
      metrics.record(namespace, name, dims, d.value());
    } else if (d.statisticValues() != null) {
      StatisticSet s = d.statisticValues();
      long n = (long) Math.floor(s.sampleCount());
      if (n <= 1) {
        metrics.record(namespace, name, dims, s.sum());
        return;
      }
      metrics.record(namespace, name, dims, s.minimum());
      metrics.record(namespace, name, dims, s.maximum());
      double rest = (s.sum() - s.minimum() - s.maximum()) / (n - 2);
      for (long i = 2; i < n; i++) {
        metrics.record(namespace, name, dims, rest);
      }
    } else if (d.hasValues()) {
      for (int i = 0; i < d.values().size(); i++) {
        long count = d.hasCounts() && !d.counts().isEmpty() ? Math.round(d.counts().get(i)) : 1;
        for (long c = 0; c < count; c++) {
          metrics.record(namespace, name, dims, d.values().get(i));
        }
      }
    }
  }

  private static CloudWatchError invalid(String message) {
    return error("InvalidParameterValue", message);
  }

  private static CloudWatchError error(String code, String message) {
    return new CloudWatchError(code, message);
  }

  /** A CloudWatch error (HTTP 400), before the SDK's exception is made of it. */
  private static final class CloudWatchError extends dev.awssim.engine.AwsServiceException {
    private static final long serialVersionUID = 1L;

    CloudWatchError(String code, String message) {
      super("CloudWatch", code, 400, message);
    }
  }
}
