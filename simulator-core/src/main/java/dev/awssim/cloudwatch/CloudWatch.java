package dev.awssim.cloudwatch;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.awssim.engine.metrics.Datapoint;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.engine.time.Cancellable;
import dev.awssim.internal.SimulationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch metric alarms over the simulation's metrics: PutMetricAlarm, DescribeAlarms,
 * DeleteAlarms, SetAlarmState, Enable/DisableAlarmActions, evaluated on virtual time as AWS
 * documents (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarm-evaluation.html).
 *
 * <pre>{@code
 * sim.cloudWatch().putMetricAlarm(PutMetricAlarmRequest.builder("q-backlog", "AWS/SQS",
 *         "ApproximateNumberOfMessagesVisible", Dimensions.of("QueueName", "orders"))
 *     .statistic(Statistic.MAXIMUM).threshold(100).evaluationPeriods(3).build());
 * }</pre>
 *
 * <p>An alarm with a period of 60 s or more is evaluated at every virtual instant that is a
 * multiple of 60 s since the epoch; a 10, 20 or 30 s alarm every 10 s. At an evaluation instant t,
 * point k (k = 1 newest) is the statistic of the values in [t - kP, t - (k-1)P); an empty bucket is
 * missing. Ingestion latency is zero. One scheduled task per alarm, so an alarm costs nothing
 * between evaluations. A state change is stamped t and runs the new state's actions once, at t.
 * Percentile statistics and metric-math alarms are not modelled.
 */
public final class CloudWatch {
  /** The evaluation cadence of alarms whose period is at least a minute: every minute. */
  public static final int EVALUATION_INTERVAL_SECONDS = 60;

  /** The evaluation cadence of 10, 20 and 30 s (high-resolution) alarms: every 10 s. */
  public static final int HIGH_RESOLUTION_EVALUATION_INTERVAL_SECONDS = 10;

  /**
   * Period × EvaluationPeriods is at most 86,400 s for periods under an hour, and 604,800 s
   * otherwise (API_PutMetricAlarm.html).
   */
  public static final int MAX_EVALUATION_WINDOW_SECONDS = 86_400;

  /** The evaluation window limit for periods of an hour or more (page as above). */
  public static final int MAX_LONG_EVALUATION_WINDOW_SECONDS = 604_800;

  private final SimulationContext context;
  private final Map<String, Alarm> alarms = new LinkedHashMap<>();
  private AlarmActions actions = AlarmActions.NONE;

  /**
   * Creates alarms on {@code context}'s metrics.
   *
   * @throws NullPointerException if {@code context} is null
   */
  public CloudWatch(SimulationContext context) {
    this.context = checkNotNull(context, "context");
  }

  /**
   * Where actions go (the simulation wires SNS here).
   *
   * @throws NullPointerException if {@code target} is null
   */
  public void setAlarmActions(AlarmActions target) {
    checkNotNull(target, "target");
    synchronized (context.lock()) {
      this.actions = target;
    }
  }

  private static final class Alarm {
    PutMetricAlarmRequest definition;
    String arn;
    AlarmState state = AlarmState.INSUFFICIENT_DATA;
    String reason = "Unchecked: Initial alarm creation";
    Instant updated;
    Instant configUpdated;
    boolean actionsEnabled;
    Cancellable next;
  }

  /**
   * PutMetricAlarm: creates or replaces the alarm; a new alarm starts in INSUFFICIENT_DATA.
   *
   * @throws CloudWatchException InvalidParameterValue, MissingParameter
   */
  public void putMetricAlarm(PutMetricAlarmRequest r) {
    checkNotNull(r, "request");
    validate(r);
    synchronized (context.lock()) {
      Alarm a = alarms.get(r.alarmName());
      if (a == null) {
        a = new Alarm();
        a.arn =
            "arn:aws:cloudwatch:"
                + context.account().region()
                + ":"
                + context.account().accountId()
                + ":alarm:"
                + r.alarmName();
        a.updated = context.clock().now();
        alarms.put(r.alarmName(), a);
      } else if (a.next != null) {
        a.next.cancel();
      }
      a.definition = r;
      a.actionsEnabled = r.actionsEnabled();
      a.configUpdated = context.clock().now();
      schedule(a);
    }
  }

  private static void validate(PutMetricAlarmRequest r) {
    if (r.alarmName() == null || r.alarmName().isEmpty()) {
      throw CloudWatchException.missing("AlarmName");
    }
    if (r.namespace() == null || r.metricName() == null || r.dimensions() == null) {
      throw CloudWatchException.missing("MetricName");
    }
    if (r.statistic() == null || r.comparisonOperator() == null || r.treatMissingData() == null) {
      throw CloudWatchException.missing("Statistic");
    }
    int p = r.periodSeconds();
    if (!(p == 10 || p == 20 || p == 30 || (p > 0 && p % 60 == 0))) {
      throw CloudWatchException.invalid(
          "The parameter Period must be 10, 20, 30 or a multiple of 60.");
    }
    if (r.evaluationPeriods() < 1) {
      throw CloudWatchException.invalid("The parameter EvaluationPeriods must be at least 1.");
    }
    int m = r.effectiveDatapointsToAlarm();
    if (m < 1 || m > r.evaluationPeriods()) {
      throw CloudWatchException.invalid(
          "DatapointsToAlarm must be between 1 and EvaluationPeriods.");
    }
    long window = (long) p * r.evaluationPeriods();
    long max = p < 3_600 ? MAX_EVALUATION_WINDOW_SECONDS : MAX_LONG_EVALUATION_WINDOW_SECONDS;
    if (window > max) {
      throw CloudWatchException.invalid(
          "The evaluation period (Period x EvaluationPeriods) must not exceed "
              + max
              + " seconds.");
    }
  }

  private void schedule(Alarm a) {
    int cadence =
        a.definition.periodSeconds() < 60
            ? HIGH_RESOLUTION_EVALUATION_INTERVAL_SECONDS
            : EVALUATION_INTERVAL_SECONDS;
    Instant now = context.clock().now();
    long second = now.getEpochSecond();
    long next = Math.floorDiv(second, cadence) * cadence + cadence;
    Instant at = Instant.ofEpochSecond(next);
    a.next = context.scheduler().at(at, () -> evaluate(a));
  }

  private void evaluate(Alarm a) {
    synchronized (context.lock()) {
      if (alarms.get(a.definition.alarmName()) != a) {
        return;
      }
      PutMetricAlarmRequest d = a.definition;
      Instant t = context.clock().now();
      int n = d.evaluationPeriods();
      int range = Evaluation.range(n);
      long p = d.periodSeconds();
      long granularity = p < 60 ? HIGH_RESOLUTION_EVALUATION_INTERVAL_SECONDS : 60;
      Instant start = t.minusSeconds(range * p);
      List<Datapoint> data =
          context
              .metrics()
              .getMetricStatistics(
                  new MetricKey(d.namespace(), d.metricName(), d.dimensions()),
                  start,
                  t,
                  Duration.ofSeconds(granularity));
      double[][] buckets = new double[range][];
      for (Datapoint dp : data) {
        long offset = dp.timestamp().getEpochSecond() - start.getEpochSecond();
        int slot = (int) Math.floorDiv(offset, p);
        if (slot < 0 || slot >= range) {
          continue;
        }
        double[] b = buckets[slot];
        if (b == null) {
          b = new double[] {0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0};
          buckets[slot] = b;
        }
        b[0] += dp.sum();
        b[1] = Math.min(b[1], dp.minimum());
        b[2] = Math.max(b[2], dp.maximum());
        b[3] += dp.sampleCount();
      }
      List<Boolean> points = new ArrayList<>(range);
      for (double[] b : buckets) {
        if (b == null) {
          points.add(null);
        } else {
          double value = new Datapoint(t, b[0], b[1], b[2], (long) b[3]).get(d.statistic());
          points.add(d.comparisonOperator().breaches(value, d.threshold()));
        }
      }
      // CloudWatch treats every AWS/DynamoDB metric as ignore (alarm-evaluation.html).
      TreatMissingData treat =
          d.namespace().equals("AWS/DynamoDB") ? TreatMissingData.IGNORE : d.treatMissingData();
      AlarmState next =
          Evaluation.evaluate(points, d.effectiveDatapointsToAlarm(), n, treat, a.state);
      transition(a, next, "Threshold Crossed: evaluated " + describe(points));
      schedule(a);
    }
  }

  private static String describe(List<Boolean> points) {
    StringBuilder sb = new StringBuilder();
    for (Boolean b : points) {
      sb.append(b == null ? '-' : b ? 'X' : '0');
    }
    return sb.toString();
  }

  private void transition(Alarm a, AlarmState next, String reason) {
    if (next == a.state) {
      return;
    }
    AlarmState old = a.state;
    a.state = next;
    a.reason = reason;
    a.updated = context.clock().now();
    context
        .trace()
        .record(
            CloudWatchEventType.ALARM_STATE_CHANGED,
            a.definition.alarmName(),
            ImmutableMap.of("from", old.name(), "to", next.name()));
    if (!a.actionsEnabled) {
      return;
    }
    List<String> targets =
        switch (next) {
          case ALARM -> a.definition.alarmActions();
          case OK -> a.definition.okActions();
          case INSUFFICIENT_DATA -> a.definition.insufficientDataActions();
        };
    if (targets.isEmpty()) {
      return;
    }
    String subject =
        next.name() + ": \"" + a.definition.alarmName() + "\" in " + context.account().region();
    String message =
        AlarmMessage.json(
            a.definition, a.arn, old, next, reason, a.updated, a.configUpdated, context.account());
    for (String target : targets) {
      actions.run(target, subject, message);
    }
  }

  /** DescribeAlarms: the named alarms (all when {@code names} is empty), in creation order. */
  public List<MetricAlarm> describeAlarms(List<String> names) {
    synchronized (context.lock()) {
      ImmutableList.Builder<MetricAlarm> out = ImmutableList.builder();
      for (Alarm a : alarms.values()) {
        if (names == null || names.isEmpty() || names.contains(a.definition.alarmName())) {
          out.add(new MetricAlarm(a.arn, a.definition, a.state, a.reason, a.updated));
        }
      }
      return out.build();
    }
  }

  /**
   * DeleteAlarms: every name must exist, else nothing is deleted.
   *
   * @throws CloudWatchException ResourceNotFound
   */
  public void deleteAlarms(List<String> names) {
    synchronized (context.lock()) {
      for (String name : names) {
        if (!alarms.containsKey(name)) {
          throw CloudWatchException.notFound(name);
        }
      }
      for (String name : names) {
        Alarm a = alarms.remove(name);
        if (a.next != null) {
          a.next.cancel();
        }
      }
    }
  }

  /**
   * SetAlarmState: sets the state until the next evaluation, running the new state's actions if it
   * changed (API_SetAlarmState.html).
   *
   * @throws CloudWatchException ResourceNotFound
   */
  public void setAlarmState(String alarmName, AlarmState state, String reason) {
    checkNotNull(state, "state");
    synchronized (context.lock()) {
      Alarm a = alarms.get(alarmName);
      if (a == null) {
        throw CloudWatchException.notFound(alarmName);
      }
      transition(a, state, reason == null ? "" : reason);
    }
  }

  /**
   * EnableAlarmActions / DisableAlarmActions.
   *
   * @throws CloudWatchException ResourceNotFound
   */
  public void setAlarmActionsEnabled(List<String> alarmNames, boolean enabled) {
    synchronized (context.lock()) {
      for (String name : alarmNames) {
        if (!alarms.containsKey(name)) {
          throw CloudWatchException.notFound(name);
        }
      }
      for (String name : alarmNames) {
        alarms.get(name).actionsEnabled = enabled;
      }
    }
  }
}
