package dev.awssim.cloudwatch;

import java.util.List;

/**
 * The parameters of DescribeAlarms (API_DescribeAlarms.html); null or empty ones do not filter.
 *
 * @param alarmNames only these alarms (at most 100; not with {@code alarmNamePrefix})
 * @param alarmNamePrefix only alarms whose name starts with this
 * @param stateValue only alarms in this state
 * @param actionPrefix only alarms with an action (of any state) starting with this
 * @param maxRecords at most this many (1 to 100; 100 when null)
 * @param nextToken the token of the previous page
 */
public record DescribeAlarmsRequest(
    List<String> alarmNames,
    String alarmNamePrefix,
    AlarmState stateValue,
    String actionPrefix,
    Integer maxRecords,
    String nextToken) {

  /** Copies the list (null becomes empty). */
  public DescribeAlarmsRequest {
    alarmNames = alarmNames == null ? List.of() : List.copyOf(alarmNames);
  }

  /** Every alarm. */
  public static DescribeAlarmsRequest all() {
    return new DescribeAlarmsRequest(null, null, null, null, null, null);
  }
}
