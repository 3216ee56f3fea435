package dev.awssim.cloudwatch;

import java.time.Duration;

/**
 * AWS's documented CloudWatch limits that the simulator enforces, each citing its page (base
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/).
 */
public final class CloudWatchLimits {
  private CloudWatchLimits() {}

  /** A PutMetricData request holds at most 1,000 metrics (API_PutMetricData.html). */
  public static final int MAX_METRICS_PER_PUT = 1_000;

  /** A PutMetricData request is at most 1 MB (API_PutMetricData.html, HTTP POST). */
  public static final int MAX_PUT_REQUEST_BYTES = 1_048_576;

  /** A metric has at most 30 dimensions (API_PutMetricData.html, API_MetricDatum.html). */
  public static final int MAX_DIMENSIONS = 30;

  /** Dimension names and values are 1 to 255 characters (API_Dimension.html). */
  public static final int MAX_DIMENSION_LENGTH = 255;

  /** A datum's Values (and Counts) arrays hold at most 150 items (API_MetricDatum.html). */
  public static final int MAX_VALUES_PER_DATUM = 150;

  /** Values lie in -2^360 to 2^360; NaN and the infinities are rejected (API_MetricDatum.html). */
  public static final double MAX_ABS_VALUE = Math.scalb(1.0, 360);

  /**
   * StorageResolution is 1 (high resolution) or 60 (standard, the default) (API_MetricDatum.html).
   */
  public static final int HIGH_STORAGE_RESOLUTION = 1;

  /** The standard StorageResolution (API_MetricDatum.html). */
  public static final int STANDARD_STORAGE_RESOLUTION = 60;

  /**
   * A datum's Timestamp may be up to two weeks before the current time (API_PutMetricData.html: "as
   * much as two weeks before the current date"); older ones are refused with InvalidParameterValue.
   */
  public static final Duration MAX_TIMESTAMP_AGE = Duration.ofDays(14);

  /**
   * A datum's Timestamp may be up to two hours after the current time (API_PutMetricData.html: "as
   * much as 2 hours after the current day and time").
   */
  public static final Duration MAX_TIMESTAMP_LEAD = Duration.ofHours(2);

  /** Namespaces beginning with {@code AWS/} are reserved for AWS (API_PutMetricData.html). */
  public static final String RESERVED_NAMESPACE_PREFIX = "AWS/";

  /**
   * GetMetricStatistics returns at most 1,440 data points a call (API_GetMetricStatistics.html).
   */
  public static final int MAX_STATISTICS_DATAPOINTS = 1_440;

  /** GetMetricStatistics takes 1 to 5 Statistics (API_GetMetricStatistics.html). */
  public static final int MAX_STATISTICS = 5;

  /** GetMetricStatistics takes 1 to 10 ExtendedStatistics (API_GetMetricStatistics.html). */
  public static final int MAX_EXTENDED_STATISTICS = 10;

  /** GetMetricData takes at most 500 MetricDataQuery structures (API_GetMetricData.html). */
  public static final int MAX_METRIC_DATA_QUERIES = 500;

  /** GetMetricData returns 100,800 data points a page unless MaxDatapoints says (same page). */
  public static final int DEFAULT_MAX_DATAPOINTS = 100_800;

  /** A MetricDataQuery Id is at most 255 characters (API_MetricDataQuery.html). */
  public static final int MAX_QUERY_ID_LENGTH = 255;

  /**
   * A metric-math alarm holds at most 10 MetricDataQuery structures with a MetricStat
   * (API_MetricDataQuery.html: "as many as 10 structures that contain a MetricStat parameter").
   */
  public static final int MAX_ALARM_METRICS = 10;

  /**
   * A metric-math alarm holds at most 10 MetricDataQuery structures with an Expression (same page).
   */
  public static final int MAX_ALARM_EXPRESSIONS = 10;

  /** A metric-math alarm holds at most 20 MetricDataQuery structures in all (same page). */
  public static final int MAX_ALARM_QUERIES = 20;

  /** ListMetrics returns up to 500 results a call (API_ListMetrics.html). */
  public static final int LIST_METRICS_PAGE_SIZE = 500;

  /** ListMetrics takes at most 10 dimension filters (API_ListMetrics.html). */
  public static final int MAX_DIMENSION_FILTERS = 10;

  /** ListMetrics RecentlyActive=PT3H: metrics with data in the past three hours (same page). */
  public static final Duration RECENTLY_ACTIVE = Duration.ofHours(3);

  /**
   * DescribeAlarms and DescribeAlarmHistory take MaxRecords 1 to 100 (API_DescribeAlarms.html,
   * API_DescribeAlarmHistory.html); the simulator's default page is the largest.
   */
  public static final int MAX_RECORDS = 100;

  /** DescribeAlarms names at most 100 alarms (API_DescribeAlarms.html). */
  public static final int MAX_ALARM_NAMES = 100;

  /**
   * Alarm history is kept two weeks, even after the alarm is deleted
   * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html, 2023
   * text; API_DescribeAlarmHistory.html).
   */
  public static final Duration ALARM_HISTORY_RETENTION = Duration.ofDays(14);

  /**
   * A percentile alarm's period is statistically significant with at least 10/(1-p) samples for p
   * in [0.5, 1), or 10/p for p in (0, 0.5); EvaluateLowSampleCountPercentile says what to do with
   * fewer (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html,
   * "Percentile-based CloudWatch alarms and low data samples").
   */
  public static final double LOW_SAMPLE_COUNT_FACTOR = 10;
}
