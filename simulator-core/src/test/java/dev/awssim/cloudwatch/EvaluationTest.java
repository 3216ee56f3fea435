package dev.awssim.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AWS's ten missing-data examples (alarm-evaluation.html, "How CloudWatch alarms treat missing
 * data"): range 5 for N = 3, newest point on the right; 0 not breaching, X breaching, - missing.
 * "retain" is the current state, tried from both OK and ALARM.
 */
class EvaluationTest {
  static Stream<Arguments> vectors() {
    return Stream.of(
        Arguments.of("0 - X - X", 3, "OK", "OK", "OK", "OK"),
        Arguments.of("0 - - - -", 3, "OK", "OK", "OK", "OK"),
        Arguments.of("- - - - -", 3, "INSUFFICIENT_DATA", "retain", "ALARM", "OK"),
        Arguments.of("0 X X - X", 3, "ALARM", "ALARM", "ALARM", "ALARM"),
        Arguments.of("- - X - -", 3, "ALARM", "retain", "ALARM", "OK"),
        Arguments.of("0 - X - X", 2, "ALARM", "ALARM", "ALARM", "ALARM"),
        Arguments.of("0 0 X 0 X", 2, "ALARM", "ALARM", "ALARM", "ALARM"),
        Arguments.of("0 - X - -", 2, "OK", "OK", "ALARM", "OK"),
        Arguments.of("- - - - 0", 2, "OK", "OK", "ALARM", "OK"),
        Arguments.of("- - - X -", 2, "ALARM", "retain", "ALARM", "OK"));
  }

  @ParameterizedTest(name = "{0} M={1} of 3")
  @MethodSource("vectors")
  void evaluate_awsTable(
      String points, int m, String missing, String ignore, String breaching, String notBreaching) {
    List<Boolean> p = new ArrayList<>();
    for (String s : points.split(" ", -1)) {
      p.add(s.equals("-") ? null : s.equals("X"));
    }
    assertEquals(5, Evaluation.range(3));
    for (AlarmState current : List.of(AlarmState.OK, AlarmState.ALARM)) {
      assertEquals(
          expected(missing, current),
          Evaluation.evaluate(p, m, 3, TreatMissingData.MISSING, current));
      assertEquals(
          expected(ignore, current),
          Evaluation.evaluate(p, m, 3, TreatMissingData.IGNORE, current));
      assertEquals(
          expected(breaching, current),
          Evaluation.evaluate(p, m, 3, TreatMissingData.BREACHING, current));
      assertEquals(
          expected(notBreaching, current),
          Evaluation.evaluate(p, m, 3, TreatMissingData.NOT_BREACHING, current));
    }
  }

  private static AlarmState expected(String s, AlarmState current) {
    return s.equals("retain") ? current : AlarmState.valueOf(s);
  }
}
