package dev.awssim.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The alarm on DynamoDB throttling: its transitions at CloudWatch's one-minute evaluation instants
 * and the notifications SNS delivers to the queue, for the default seed and options.
 */
class DynamoDbThrottleAlarmDemoTest {
  private static DemoResult run(String... args) {
    Demo d = Demos.find("dynamodb-throttle-alarm");
    return d.run(Demos.parse(d, args).options());
  }

  @Test
  void defaults_throttleAt300s_alarmAt360s_okAt540s_bareMetricAlarmStaysInAlarm() {
    DemoResult result = run();

    // The spike runs [300 s, 480 s) on a table written at exactly its 50 WCU: no burst saved, the
    // first spike second throttles. The minute [300, 360) is evaluated at 360 s; the last throttled
    // minute [420, 480) at 480 s; the first quiet one [480, 540) at 540 s.
    assertEquals("300 s", result.value("first throttle"));
    assertEquals("360 s", result.value("alarm to ALARM"));
    assertEquals("540 s", result.value("alarm back to OK"));
    assertEquals("ALARM", result.value("bare-metric alarm at the end"));
    // INSUFFICIENT_DATA -> OK at 60 s (the first evaluation: FILL gives 0), ALARM at 360 s, OK at
    // 540 s: one notification per change.
    assertEquals("3", result.value("notifications read from SQS"));
    List<List<String>> rows = result.timelineRows();
    assertTrue(
        rows.stream()
            .anyMatch(
                r ->
                    r.get(0).equals("360 s")
                        && r.get(2).equals("ALARM: \"orders-throttled\" in us-east-1")),
        rows.toString());
    assertEquals(2, result.charts().size());
  }

  @Test
  void noThrottleBeforeTheSpike_stateChartOkUntil360s() {
    DemoResult result = run();
    List<double[]> throttled = result.charts().get(0).series().get(1).points();
    List<double[]> filled = result.charts().get(1).series().get(0).points();

    for (double[] p : throttled) {
      if (p[0] < 300 || p[0] >= 480) {
        assertEquals(0.0, p[1], "throttled at " + p[0] + " s");
      }
    }
    assertEquals(0.0, filled.get(59)[1], "INSUFFICIENT_DATA at 59 s");
    assertEquals(1.0, filled.get(60)[1], "OK at 60 s");
    assertEquals(1.0, filled.get(359)[1], "OK at 359 s");
    assertEquals(2.0, filled.get(360)[1], "ALARM at 360 s");
    assertEquals(2.0, filled.get(539)[1], "ALARM at 539 s");
    assertEquals(1.0, filled.get(540)[1], "OK at 540 s");
  }
}
