package dev.awssim.cloudwatch;

import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.Statistic;
import java.util.List;

/**
 * The parameters of PutMetricAlarm for a metric alarm
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html): on
 * one metric ({@link #builder(String, String, String, Dimensions)}), or on the result of a metric
 * math expression ({@link #builder(String, List)}), whose {@code metrics} then replace the
 * namespace, metric name, dimensions, period and statistic.
 *
 * <pre>{@code
 * cloudWatch.putMetricAlarm(PutMetricAlarmRequest.builder("throttles", "AWS/DynamoDB",
 *         "ThrottledRequests", Dimensions.of("TableName", "orders"))
 *     .statistic(Statistic.SUM).period(60).evaluationPeriods(3).datapointsToAlarm(2)
 *     .threshold(1).comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
 *     .alarmActions(List.of(topicArn)).build());
 * }</pre>
 *
 * @param alarmName the name, unique in the account
 * @param namespace the metric's namespace (null for a metric-math alarm)
 * @param metricName the metric's name (null for a metric-math alarm)
 * @param dimensions the metric's dimensions (null for a metric-math alarm)
 * @param statistic the statistic compared, or null with {@code extendedStatistic} (or {@code
 *     metrics})
 * @param extendedStatistic a percentile such as {@code p99}, or null with {@code statistic}
 * @param periodSeconds 10, 20, 30 or a multiple of 60 (0 for a metric-math alarm: its period is its
 *     metrics')
 * @param evaluationPeriods N
 * @param datapointsToAlarm M (null = N)
 * @param threshold the threshold
 * @param comparisonOperator the comparison
 * @param treatMissingData how missing points count
 * @param actionsEnabled whether actions run
 * @param alarmActions actions on entering ALARM
 * @param okActions actions on entering OK
 * @param insufficientDataActions actions on entering INSUFFICIENT_DATA
 * @param alarmDescription the description, or null
 * @param evaluateLowSampleCountPercentile {@code evaluate} or {@code ignore} for a percentile
 *     alarm, or null ({@code evaluate})
 * @param metrics the queries of a metric-math alarm (up to 10 metrics and 10 expressions, exactly
 *     one with ReturnData true: the series the alarm watches), or empty for an alarm on one metric
 */
public record PutMetricAlarmRequest(
    String alarmName,
    String namespace,
    String metricName,
    Dimensions dimensions,
    Statistic statistic,
    String extendedStatistic,
    int periodSeconds,
    int evaluationPeriods,
    Integer datapointsToAlarm,
    double threshold,
    ComparisonOperator comparisonOperator,
    TreatMissingData treatMissingData,
    boolean actionsEnabled,
    List<String> alarmActions,
    List<String> okActions,
    List<String> insufficientDataActions,
    String alarmDescription,
    String evaluateLowSampleCountPercentile,
    List<MetricDataQuery> metrics) {

  /** Copies the lists (null becomes empty; null queries are kept for validation to reject). */
  public PutMetricAlarmRequest {
    metrics =
        metrics == null
            ? List.of()
            : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(metrics));
    alarmActions = alarmActions == null ? List.of() : List.copyOf(alarmActions);
    okActions = okActions == null ? List.of() : List.copyOf(okActions);
    insufficientDataActions =
        insufficientDataActions == null ? List.of() : List.copyOf(insufficientDataActions);
  }

  /**
   * The statistic's AWS name: {@code Sum}, ..., or the extended statistic such as {@code p99}; null
   * for a metric-math alarm.
   */
  public String statisticName() {
    return extendedStatistic != null
        ? extendedStatistic
        : statistic == null ? null : Statistics.awsName(statistic);
  }

  /** Whether this is an alarm on a metric math expression ({@code metrics} given). */
  public boolean isMetricMath() {
    return !metrics.isEmpty();
  }

  /**
   * The period the alarm evaluates: {@code periodSeconds}, or for a metric-math alarm the period of
   * its metrics (0 when it has none).
   */
  public int effectivePeriodSeconds() {
    if (!isMetricMath()) {
      return periodSeconds;
    }
    for (MetricDataQuery q : metrics) {
      if (q != null && q.metricStat() != null) {
        return q.metricStat().period();
      }
    }
    return 0;
  }

  /** M: DatapointsToAlarm, or N when not given. */
  public int effectiveDatapointsToAlarm() {
    return datapointsToAlarm == null ? evaluationPeriods : datapointsToAlarm;
  }

  /** A builder for an alarm on one metric. */
  public static Builder builder(
      String alarmName, String namespace, String metricName, Dimensions dimensions) {
    return new Builder(alarmName, namespace, metricName, dimensions);
  }

  /**
   * A builder for an alarm on a metric math expression: {@code metrics} hold the metrics and
   * expressions, and the one with ReturnData true is compared with the threshold.
   *
   * <pre>{@code
   * PutMetricAlarmRequest.builder("throttled", List.of(
   *         MetricDataQuery.metric("m1", new MetricStat(throttles, 60, "Sum", null))
   *             .withReturnData(false),
   *         MetricDataQuery.expression("e1", "FILL(m1, 0)").withReturnData(true)))
   *     .threshold(1).build();
   * }</pre>
   */
  public static Builder builder(String alarmName, List<MetricDataQuery> metrics) {
    Builder b = new Builder(alarmName, null, null, null);
    b.metrics = metrics;
    b.statistic = null;
    b.periodSeconds = 0;
    return b;
  }

  /**
   * Builds a {@link PutMetricAlarmRequest}; defaults: Average, 60 s, N = 1, missing (for a
   * metric-math alarm: no statistic and no period of its own).
   */
  public static final class Builder {
    private final String alarmName;
    private final String namespace;
    private final String metricName;
    private final Dimensions dimensions;
    private Statistic statistic = Statistic.AVERAGE;
    private String extendedStatistic;
    private String evaluateLowSampleCountPercentile;
    private int periodSeconds = 60;
    private int evaluationPeriods = 1;
    private Integer datapointsToAlarm;
    private double threshold;
    private ComparisonOperator comparisonOperator =
        ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD;
    private TreatMissingData treatMissingData = TreatMissingData.MISSING;
    private boolean actionsEnabled = true;
    private List<String> alarmActions = List.of();
    private List<String> okActions = List.of();
    private List<String> insufficientDataActions = List.of();
    private String alarmDescription;
    private List<MetricDataQuery> metrics = List.of();

    private Builder(String alarmName, String namespace, String metricName, Dimensions dimensions) {
      this.alarmName = alarmName;
      this.namespace = namespace;
      this.metricName = metricName;
      this.dimensions = dimensions;
    }

    /** The statistic (and no extended statistic). */
    public Builder statistic(Statistic value) {
      statistic = value;
      extendedStatistic = null;
      return this;
    }

    /** A percentile such as {@code p99} as the statistic (and no {@link Statistic}). */
    public Builder extendedStatistic(String value) {
      extendedStatistic = value;
      statistic = null;
      return this;
    }

    /** {@code evaluate} (the default) or {@code ignore}: how a low-sample percentile counts. */
    public Builder evaluateLowSampleCountPercentile(String value) {
      evaluateLowSampleCountPercentile = value;
      return this;
    }

    /** The period in seconds. */
    public Builder period(int seconds) {
      periodSeconds = seconds;
      return this;
    }

    /** N. */
    public Builder evaluationPeriods(int value) {
      evaluationPeriods = value;
      return this;
    }

    /** M. */
    public Builder datapointsToAlarm(Integer value) {
      datapointsToAlarm = value;
      return this;
    }

    /** The threshold. */
    public Builder threshold(double value) {
      threshold = value;
      return this;
    }

    /** The comparison. */
    public Builder comparisonOperator(ComparisonOperator value) {
      comparisonOperator = value;
      return this;
    }

    /** How missing data counts. */
    public Builder treatMissingData(TreatMissingData value) {
      treatMissingData = value;
      return this;
    }

    /** Whether actions run. */
    public Builder actionsEnabled(boolean value) {
      actionsEnabled = value;
      return this;
    }

    /** Actions on entering ALARM. */
    public Builder alarmActions(List<String> value) {
      alarmActions = value;
      return this;
    }

    /** Actions on entering OK. */
    public Builder okActions(List<String> value) {
      okActions = value;
      return this;
    }

    /** Actions on entering INSUFFICIENT_DATA. */
    public Builder insufficientDataActions(List<String> value) {
      insufficientDataActions = value;
      return this;
    }

    /** The description. */
    public Builder alarmDescription(String value) {
      alarmDescription = value;
      return this;
    }

    /** The request. */
    public PutMetricAlarmRequest build() {
      return new PutMetricAlarmRequest(
          alarmName,
          namespace,
          metricName,
          dimensions,
          statistic,
          extendedStatistic,
          periodSeconds,
          evaluationPeriods,
          datapointsToAlarm,
          threshold,
          comparisonOperator,
          treatMissingData,
          actionsEnabled,
          alarmActions,
          okActions,
          insufficientDataActions,
          alarmDescription,
          evaluateLowSampleCountPercentile,
          metrics);
    }
  }
}
