package dev.awssim.cloudwatch;

import dev.awssim.engine.AwsAccount;
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
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT)
          .withZone(java.time.ZoneOffset.UTC);

  private AlarmMessage() {}

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
    field(sb, "AlarmName", d.alarmName());
    sb.append(",\"AlarmDescription\":")
        .append(d.alarmDescription() == null ? "null" : quote(d.alarmDescription()));
    sb.append(',');
    field(sb, "AWSAccountId", account.accountId());
    sb.append(',');
    field(sb, "AlarmConfigurationUpdatedTimestamp", TIME.format(configUpdated));
    sb.append(',');
    field(sb, "NewStateValue", next.name());
    sb.append(',');
    field(sb, "NewStateReason", reason);
    sb.append(',');
    field(sb, "StateChangeTime", TIME.format(changed));
    sb.append(',');
    field(sb, "Region", account.region());
    sb.append(',');
    field(sb, "AlarmArn", arn);
    sb.append(',');
    field(sb, "OldStateValue", old.name());
    sb.append(",\"OKActions\":").append(list(d.okActions()));
    sb.append(",\"AlarmActions\":").append(list(d.alarmActions()));
    sb.append(",\"InsufficientDataActions\":").append(list(d.insufficientDataActions()));
    sb.append(",\"Trigger\":{");
    field(sb, "MetricName", d.metricName());
    sb.append(',');
    field(sb, "Namespace", d.namespace());
    sb.append(',');
    field(sb, "StatisticType", "Statistic");
    sb.append(',');
    field(sb, "Statistic", d.statistic().name());
    sb.append(",\"Unit\":null,\"Dimensions\":[");
    boolean first = true;
    for (Map.Entry<String, String> e : d.dimensions().asMap().entrySet()) {
      sb.append(first ? "" : ",").append("{\"value\":").append(quote(e.getValue()));
      sb.append(",\"name\":").append(quote(e.getKey())).append('}');
      first = false;
    }
    sb.append("],\"Period\":").append(d.periodSeconds());
    sb.append(",\"EvaluationPeriods\":").append(d.evaluationPeriods());
    sb.append(",\"DatapointsToAlarm\":").append(d.effectiveDatapointsToAlarm());
    sb.append(',');
    field(sb, "ComparisonOperator", d.comparisonOperator().awsName());
    sb.append(",\"Threshold\":").append(d.threshold());
    sb.append(',');
    field(sb, "TreatMissingData", d.treatMissingData().awsName());
    sb.append(",\"EvaluateLowSampleCountPercentile\":\"\"}}");
    return sb.toString();
  }

  private static String list(List<String> values) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(quote(values.get(i)));
    }
    return sb.append(']').toString();
  }

  private static void field(StringBuilder sb, String name, String value) {
    sb.append(quote(name)).append(':').append(quote(value));
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
