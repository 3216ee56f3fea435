package dev.awssim.awssdk;

import dev.awssim.cloudwatch.AlarmHistoryItem;
import dev.awssim.cloudwatch.AlarmState;
import dev.awssim.cloudwatch.ComparisonOperator;
import dev.awssim.cloudwatch.DimensionFilter;
import dev.awssim.cloudwatch.HistoryItemType;
import dev.awssim.cloudwatch.MetricAlarm;
import dev.awssim.cloudwatch.MetricDataQuery;
import dev.awssim.cloudwatch.MetricDatum;
import dev.awssim.cloudwatch.MetricStat;
import dev.awssim.cloudwatch.PutMetricAlarmRequest;
import dev.awssim.cloudwatch.ScanBy;
import dev.awssim.cloudwatch.StatisticSet;
import dev.awssim.cloudwatch.StatisticsDatapoint;
import dev.awssim.cloudwatch.TreatMissingData;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.engine.metrics.Statistic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;

/**
 * Conversions between the SDK's CloudWatch shapes and the simulator's ({@code
 * dev.awssim.cloudwatch}), used by the sync client and so by the async one. A value the SDK's enums
 * or the simulator do not know is rejected with AWS's InvalidParameterValue.
 */
final class CloudWatchConverters {
  private CloudWatchConverters() {}

  /** An error the adapter raises before the simulator sees the request. */
  static final class CloudWatchError extends dev.awssim.engine.AwsServiceException {
    private static final long serialVersionUID = 1L;

    CloudWatchError(String code, String message) {
      super("CloudWatch", code, 400, message);
    }
  }

  static CloudWatchError invalid(String parameter, String value) {
    return new CloudWatchError(
        "InvalidParameterValue",
        "The value " + value + " for parameter " + parameter + " is invalid.");
  }

  static List<dev.awssim.cloudwatch.Dimension> dimensions(List<Dimension> dims) {
    return Convert.list(dims, d -> new dev.awssim.cloudwatch.Dimension(d.name(), d.value()));
  }

  static Dimensions dimensionSet(List<Dimension> dims) {
    Dimensions out = Dimensions.none();
    for (Dimension d : dims) {
      if (d.name() == null || d.value() == null || out.asMap().containsKey(d.name())) {
        throw invalid("Dimensions", d.name());
      }
      out = out.with(d.name(), d.value());
    }
    return out;
  }

  static List<Dimension> dimensions(Dimensions dims) {
    List<Dimension> out = new ArrayList<>();
    dims.asMap().forEach((k, v) -> out.add(Dimension.builder().name(k).value(v).build()));
    return out;
  }

  static MetricKey key(String namespace, String metricName, List<Dimension> dims) {
    if (namespace == null || metricName == null) {
      throw new CloudWatchError(
          "MissingParameter", "The parameters Namespace and MetricName are required.");
    }
    return new MetricKey(namespace, metricName, dimensionSet(dims));
  }

  static Metric metric(MetricKey k) {
    return Metric.builder()
        .namespace(k.namespace())
        .metricName(k.metricName())
        .dimensions(dimensions(k.dimensions()))
        .build();
  }

  static String awsName(Statistic s) {
    return switch (s) {
      case SUM -> "Sum";
      case AVERAGE -> "Average";
      case MINIMUM -> "Minimum";
      case MAXIMUM -> "Maximum";
      case SAMPLE_COUNT -> "SampleCount";
    };
  }

  /** The statistic AWS names {@code name} (null stays null). */
  static Statistic statistic(String name, String parameter) {
    if (name == null) {
      return null;
    }
    for (Statistic s : Statistic.values()) {
      if (awsName(s).equals(name)) {
        return s;
      }
    }
    throw invalid(parameter, name);
  }

  static MetricDatum datum(software.amazon.awssdk.services.cloudwatch.model.MetricDatum d) {
    software.amazon.awssdk.services.cloudwatch.model.StatisticSet s = d.statisticValues();
    return new MetricDatum(
        d.metricName(),
        dimensions(d.dimensions()),
        d.value(),
        d.hasValues() ? d.values() : null,
        d.hasCounts() ? d.counts() : null,
        s == null ? null : new StatisticSet(s.sampleCount(), s.sum(), s.minimum(), s.maximum()),
        d.storageResolution(),
        d.unitAsString(),
        d.timestamp());
  }

  static Datapoint datapoint(StatisticsDatapoint p) {
    Datapoint.Builder b = Datapoint.builder().timestamp(p.timestamp());
    for (Map.Entry<Statistic, Double> e : p.statistics().entrySet()) {
      switch (e.getKey()) {
        case SUM -> b.sum(e.getValue());
        case AVERAGE -> b.average(e.getValue());
        case MINIMUM -> b.minimum(e.getValue());
        case MAXIMUM -> b.maximum(e.getValue());
        case SAMPLE_COUNT -> b.sampleCount(e.getValue());
      }
    }
    if (!p.extendedStatistics().isEmpty()) {
      b.extendedStatistics(p.extendedStatistics());
    }
    return b.build();
  }

  static DimensionFilter filter(
      software.amazon.awssdk.services.cloudwatch.model.DimensionFilter f) {
    return new DimensionFilter(f.name(), f.value());
  }

  static ScanBy scanBy(String value) {
    if (value == null) {
      return null;
    }
    for (ScanBy s : ScanBy.values()) {
      if (s.awsName().equals(value)) {
        return s;
      }
    }
    throw invalid("ScanBy", value);
  }

  static MetricDataQuery query(software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery q) {
    MetricStat stat = null;
    if (q.metricStat() != null) {
      var s = q.metricStat();
      if (s.metric() == null || s.period() == null) {
        throw new CloudWatchError(
            "MissingParameter", "The MetricStat of " + q.id() + " needs Metric and Period.");
      }
      stat =
          new MetricStat(
              key(s.metric().namespace(), s.metric().metricName(), s.metric().dimensions()),
              s.period(),
              s.stat(),
              s.unitAsString());
    }
    return new MetricDataQuery(q.id(), stat, q.expression(), q.label(), q.returnData(), q.period());
  }

  static AlarmState state(String value, String parameter) {
    if (value == null) {
      return null;
    }
    try {
      return AlarmState.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw invalid(parameter, value);
    }
  }

  static HistoryItemType historyItemType(String value) {
    if (value == null) {
      return null;
    }
    for (HistoryItemType t : HistoryItemType.values()) {
      if (t.awsName().equals(value)) {
        return t;
      }
    }
    throw invalid("HistoryItemType", value);
  }

  static software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem historyItem(
      AlarmHistoryItem i) {
    return software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem.builder()
        .alarmName(i.alarmName())
        .alarmType(i.alarmType())
        .timestamp(i.timestamp())
        .historyItemType(i.historyItemType().awsName())
        .historySummary(i.historySummary())
        .historyData(i.historyData())
        .build();
  }

  static PutMetricAlarmRequest alarm(
      software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest r) {
    if (r.alarmName() == null || r.evaluationPeriods() == null || r.comparisonOperator() == null) {
      throw new CloudWatchError(
          "MissingParameter",
          "The parameters AlarmName, EvaluationPeriods and ComparisonOperator are required.");
    }
    boolean math = r.hasMetrics() && !r.metrics().isEmpty();
    if ((!math && r.period() == null) || r.threshold() == null) {
      throw new CloudWatchError(
          "MissingParameter", "The parameters Period and Threshold are required.");
    }
    Dimensions dims =
        r.namespace() == null && !(math && r.hasDimensions())
            ? (math ? null : Dimensions.none())
            : dimensionSet(r.dimensions());
    return new PutMetricAlarmRequest(
        r.alarmName(),
        r.namespace(),
        r.metricName(),
        dims,
        statistic(r.statisticAsString(), "Statistic"),
        r.extendedStatistic(),
        r.period() == null ? 0 : r.period(),
        r.evaluationPeriods(),
        r.datapointsToAlarm(),
        r.threshold(),
        comparison(r.comparisonOperatorAsString()),
        treatMissingData(r.treatMissingData()),
        r.actionsEnabled() == null || r.actionsEnabled(),
        r.alarmActions(),
        r.okActions(),
        r.insufficientDataActions(),
        r.alarmDescription(),
        r.evaluateLowSampleCountPercentile(),
        math ? Convert.list(r.metrics(), CloudWatchConverters::query) : List.of());
  }

  private static ComparisonOperator comparison(String value) {
    for (ComparisonOperator c : ComparisonOperator.values()) {
      if (c.awsName().equals(value)) {
        return c;
      }
    }
    throw invalid("ComparisonOperator", value);
  }

  private static TreatMissingData treatMissingData(String value) {
    if (value == null) {
      return TreatMissingData.MISSING;
    }
    for (TreatMissingData t : TreatMissingData.values()) {
      if (t.awsName().equals(value)) {
        return t;
      }
    }
    throw invalid("TreatMissingData", value);
  }

  /** A query as the SDK shapes it, for DescribeAlarms of a metric-math alarm. */
  static software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery query(MetricDataQuery q) {
    var b =
        software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery.builder()
            .id(q.id())
            .expression(q.expression())
            .label(q.label())
            .returnData(q.returnData())
            .period(q.period());
    MetricStat s = q.metricStat();
    if (s != null) {
      b.metricStat(
          m -> m.metric(metric(s.metric())).period(s.period()).stat(s.stat()).unit(s.unit()));
    }
    return b.build();
  }

  static software.amazon.awssdk.services.cloudwatch.model.MetricAlarm alarm(MetricAlarm a) {
    PutMetricAlarmRequest d = a.definition();
    var b =
        software.amazon.awssdk.services.cloudwatch.model.MetricAlarm.builder()
            .alarmName(d.alarmName())
            .alarmArn(a.alarmArn())
            .alarmDescription(d.alarmDescription())
            .alarmConfigurationUpdatedTimestamp(a.alarmConfigurationUpdatedTimestamp())
            .actionsEnabled(a.actionsEnabled())
            .okActions(d.okActions())
            .alarmActions(d.alarmActions())
            .insufficientDataActions(d.insufficientDataActions())
            .stateValue(a.stateValue().name())
            .stateReason(a.stateReason())
            .stateUpdatedTimestamp(a.stateUpdatedTimestamp())
            .stateTransitionedTimestamp(a.stateUpdatedTimestamp())
            .evaluationPeriods(d.evaluationPeriods())
            .datapointsToAlarm(d.effectiveDatapointsToAlarm())
            .threshold(d.threshold())
            .comparisonOperator(d.comparisonOperator().awsName())
            .treatMissingData(d.treatMissingData().awsName());
    if (d.isMetricMath()) {
      return b.metrics(Convert.list(d.metrics(), CloudWatchConverters::query)).build();
    }
    return b.metricName(d.metricName())
        .namespace(d.namespace())
        .statistic(d.statistic() == null ? null : awsName(d.statistic()))
        .extendedStatistic(d.extendedStatistic())
        .dimensions(dimensions(d.dimensions()))
        .period(d.periodSeconds())
        .evaluateLowSampleCountPercentile(d.evaluateLowSampleCountPercentile())
        .build();
  }
}
