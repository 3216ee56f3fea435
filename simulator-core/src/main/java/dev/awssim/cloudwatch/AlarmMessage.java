package dev.awssim.cloudwatch;

import dev.awssim.engine.AwsAccount;
import dev.awssim.engine.metrics.Dimensions;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON message an alarm action publishes to SNS, with the field names of the notifications AWS
 * sends (AlarmName, AlarmDescription, AWSAccountId, NewStateValue, NewStateReason, StateChangeTime,
 * Region, AlarmArn, OldStateValue, Trigger, ...). AWS does not document the body; the simulator's
 * is shaped like the ones AWS sends.
 */
final class AlarmMessage {
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT)
          .withZone(java.time.ZoneOffset.UTC);

  private AlarmMessage() {}

  /** Dimensions as a JSON array of {@code {"name": ..., "value": ...}} objects. */
  static String dimensions(Dimensions dims) {
    StringBuilder sb = new StringBuilder("[");
    boolean first = true;
    for (Map.Entry<String, String> e : dims.asMap().entrySet()) {
      sb.append(first ? "{" : ",{");
      JsonText.field(sb, "name", e.getKey());
      sb.append(',');
      JsonText.field(sb, "value", e.getValue());
      sb.append('}');
      first = false;
    }
    return sb.append(']').toString();
  }

  /** A metric-math alarm's queries as JSON, capitalised as in AWS's message when {@code upper}. */
  static String metrics(List<MetricDataQuery> queries, boolean upper) {
    StringBuilder sb = new StringBuilder("[");
    boolean first = true;
    for (MetricDataQuery q : queries) {
      sb.append(first ? "{" : ",{");
      first = false;
      JsonText.field(sb, upper ? "Id" : "id", q.id());
      if (q.expression() != null) {
        sb.append(',');
        JsonText.field(sb, upper ? "Expression" : "expression", q.expression());
      }
      if (q.label() != null) {
        sb.append(',');
        JsonText.field(sb, upper ? "Label" : "label", q.label());
      }
      if (q.metricStat() != null) {
        MetricStat m = q.metricStat();
        sb.append(upper ? ",\"MetricStat\":{\"Metric\":{" : ",\"metricStat\":{\"metric\":{");
        sb.append(upper ? "\"Dimensions\":" : "\"dimensions\":")
            .append(dimensions(m.metric().dimensions()));
        sb.append(',');
        JsonText.field(sb, upper ? "MetricName" : "metricName", m.metric().metricName());
        sb.append(',');
        JsonText.field(sb, upper ? "Namespace" : "namespace", m.metric().namespace());
        sb.append(upper ? "},\"Period\":" : "},\"period\":").append(m.period());
        sb.append(',');
        JsonText.field(sb, upper ? "Stat" : "stat", m.stat());
        sb.append('}');
      }
      sb.append(upper ? ",\"ReturnData\":" : ",\"returnData\":")
          .append(!Boolean.FALSE.equals(q.returnData()))
          .append('}');
    }
    return sb.append(']').toString();
  }

  static String json(
      PutMetricAlarmRequest d,
      String arn,
      AlarmState old,
      AlarmState next,
      String reason,
      Instant changed,
      Instant configUpdated,
      AwsAccount account) {
    StringBuilder sb = new StringBuilder(1024).append('{');
    JsonText.field(sb, "AlarmName", d.alarmName());
    sb.append(",\"AlarmDescription\":")
        .append(d.alarmDescription() == null ? "null" : JsonText.quote(d.alarmDescription()));
    sb.append(',');
    JsonText.field(sb, "AWSAccountId", account.accountId());
    sb.append(',');
    JsonText.field(sb, "AlarmConfigurationUpdatedTimestamp", TIME.format(configUpdated));
    sb.append(',');
    JsonText.field(sb, "NewStateValue", next.name());
    sb.append(',');
    JsonText.field(sb, "NewStateReason", reason);
    sb.append(',');
    JsonText.field(sb, "StateChangeTime", TIME.format(changed));
    sb.append(',');
    JsonText.field(sb, "Region", account.region());
    sb.append(',');
    JsonText.field(sb, "AlarmArn", arn);
    sb.append(',');
    JsonText.field(sb, "OldStateValue", old.name());
    sb.append(",\"OKActions\":").append(JsonText.list(d.okActions()));
    sb.append(",\"AlarmActions\":").append(JsonText.list(d.alarmActions()));
    sb.append(",\"InsufficientDataActions\":").append(JsonText.list(d.insufficientDataActions()));
    sb.append(",\"Trigger\":{");
    if (d.isMetricMath()) {
      sb.append("\"Period\":").append(d.effectivePeriodSeconds());
      sb.append(",\"Metrics\":").append(metrics(d.metrics(), true));
    } else {
      JsonText.field(sb, "MetricName", d.metricName());
      sb.append(',');
      JsonText.field(sb, "Namespace", d.namespace());
      sb.append(',');
      if (d.extendedStatistic() != null) {
        JsonText.field(sb, "StatisticType", "ExtendedStatistic");
        sb.append(',');
        JsonText.field(sb, "ExtendedStatistic", d.extendedStatistic());
      } else {
        JsonText.field(sb, "StatisticType", "Statistic");
        sb.append(',');
        JsonText.field(sb, "Statistic", d.statistic().name());
      }
      sb.append(",\"Unit\":null,\"Dimensions\":").append(dimensions(d.dimensions()));
      sb.append(",\"Period\":").append(d.periodSeconds());
    }
    sb.append(",\"EvaluationPeriods\":").append(d.evaluationPeriods());
    sb.append(",\"DatapointsToAlarm\":").append(d.effectiveDatapointsToAlarm());
    sb.append(',');
    JsonText.field(sb, "ComparisonOperator", d.comparisonOperator().awsName());
    sb.append(",\"Threshold\":").append(d.threshold());
    sb.append(',');
    JsonText.field(sb, "TreatMissingData", d.treatMissingData().awsName());
    sb.append(",\"EvaluateLowSampleCountPercentile\":")
        .append(
            JsonText.quote(
                d.evaluateLowSampleCountPercentile() == null
                    ? ""
                    : d.evaluateLowSampleCountPercentile()))
        .append("}}");
    return sb.toString();
  }
}
