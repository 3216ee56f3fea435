package dev.awssim.cloudwatch;

import java.util.List;

/**
 * The state an alarm's data points give
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarm-evaluation.html, "How
 * CloudWatch alarms treat missing data"): the rule that reproduces AWS's two tables of examples.
 */
final class Evaluation {
  private Evaluation() {}

  /**
   * The evaluation range: more points than N are fetched; AWS's example gives 5 for N = 3. The
   * general size is not documented; N + max(N / 3, 2) reproduces the example.
   */
  static int range(int evaluationPeriods) {
    return evaluationPeriods + Math.max(evaluationPeriods / 3, 2);
  }

  /**
   * The new state.
   *
   * @param points oldest first; null = missing, TRUE = breaching, FALSE = not breaching
   * @param m DatapointsToAlarm
   * @param n EvaluationPeriods
   * @param current the current state (kept by {@code ignore})
   */
  static AlarmState evaluate(
      List<Boolean> points, int m, int n, TreatMissingData treat, AlarmState current) {
    int real = 0;
    for (Boolean p : points) {
      if (p != null) {
        real++;
      }
    }
    if (real >= n) {
      int breaching = 0;
      int taken = 0;
      for (int i = points.size() - 1; i >= 0 && taken < n; i--) {
        Boolean p = points.get(i);
        if (p != null) {
          taken++;
          if (p) {
            breaching++;
          }
        }
      }
      return breaching >= m ? AlarmState.ALARM : AlarmState.OK;
    }
    if (real == 0) {
      return switch (treat) {
        case MISSING -> AlarmState.INSUFFICIENT_DATA;
        case IGNORE -> current;
        case BREACHING -> AlarmState.ALARM;
        case NOT_BREACHING -> AlarmState.OK;
      };
    }
    int breaching = 0;
    for (Boolean p : points) {
      if (Boolean.TRUE.equals(p)) {
        breaching++;
      }
    }
    int filled = n - real;
    return switch (treat) {
      case BREACHING -> breaching + filled >= m ? AlarmState.ALARM : AlarmState.OK;
      case NOT_BREACHING -> breaching >= m ? AlarmState.ALARM : AlarmState.OK;
      case MISSING -> breaching >= m || premature(points, m) ? AlarmState.ALARM : AlarmState.OK;
      case IGNORE -> {
        if (breaching >= m) {
          yield AlarmState.ALARM;
        }
        yield premature(points, m) ? current : AlarmState.OK;
      }
    };
  }

  /**
   * The oldest real point breaches, is at least M periods old (the newest slot is 1 period old),
   * and every later real point breaches.
   */
  private static boolean premature(List<Boolean> points, int m) {
    int oldest = -1;
    for (int i = 0; i < points.size(); i++) {
      if (points.get(i) != null) {
        oldest = i;
        break;
      }
    }
    if (oldest < 0 || !points.get(oldest)) {
      return false;
    }
    int age = points.size() - oldest;
    if (age < m) {
      return false;
    }
    for (int i = oldest + 1; i < points.size(); i++) {
      if (Boolean.FALSE.equals(points.get(i))) {
        return false;
      }
    }
    return true;
  }
}
