package dev.awssim.cloudwatch;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.awssim.engine.metrics.Datapoint;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.engine.metrics.Statistic;
import dev.awssim.engine.time.Cancellable;
import dev.awssim.internal.SimulationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

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
 * Alarms on a percentile ({@code ExtendedStatistic} {@code pNN.NN}) evaluate the raw values kept
 * for the metric, honouring EvaluateLowSampleCountPercentile. A metric-math alarm ({@code Metrics})
 * reads each of its metrics per period counted back from t and evaluates its expressions over those
 * periods; the watched expression's points then follow the same rules.
 *
 * <p>The metric side of CloudWatch is here too: PutMetricData, GetMetricStatistics, ListMetrics and
 * GetMetricData (with a subset of metric math, {@link MetricMath}) over the simulation's metrics,
 * the ones models record ({@code AWS/SQS}, {@code AWS/DynamoDB}, ...) and custom ones alike. Every
 * change to an alarm, every state change and every action is kept in the alarm history
 * (DescribeAlarmHistory) for {@link CloudWatchLimits#ALARM_HISTORY_RETENTION}.
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
  private final AlarmHistory history = new AlarmHistory();
  private final MetricQueries queries;
  private AlarmActions actions = AlarmActions.NONE;

  /**
   * Creates alarms on {@code context}'s metrics.
   *
   * @throws NullPointerException if {@code context} is null
   */
  public CloudWatch(SimulationContext context) {
    this.context = checkNotNull(context, "context");
    this.queries = new MetricQueries(context);
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
      boolean created = a == null;
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
      PutMetricAlarmRequest before = a.definition;
      a.definition = r;
      a.actionsEnabled = r.actionsEnabled();
      a.configUpdated = context.clock().now();
      if (r.extendedStatistic() != null) {
        queries.raw.track(key(r));
      }
      for (MetricDataQuery q : r.metrics()) {
        if (q.metricStat() != null && Statistics.parse(q.metricStat().stat()) == null) {
          queries.raw.track(q.metricStat().metric());
        }
      }
      if (created) {
        configurationItem(a, "Create", "created", "createdAlarm", null);
      } else {
        configurationItem(a, "Update", "updated", "updatedAlarm", before);
      }
      schedule(a);
    }
  }

  private static MetricKey key(PutMetricAlarmRequest d) {
    return new MetricKey(d.namespace(), d.metricName(), d.dimensions());
  }

  /** A ConfigurationUpdate history item with the alarm's definition as AWS's JSON. */
  private void configurationItem(
      Alarm a, String type, String verb, String field, PutMetricAlarmRequest before) {
    StringBuilder data = new StringBuilder("{");
    JsonText.field(data, "type", type);
    data.append(',');
    JsonText.field(data, "version", "1.0");
    data.append(',').append(JsonText.quote(field)).append(':').append(alarmJson(a, a.definition));
    if (before != null) {
      data.append(",\"originalUpdatedFields\":").append(alarmJson(a, before));
    }
    data.append('}');
    history.add(
        new AlarmHistoryItem(
            a.definition.alarmName(),
            "MetricAlarm",
            context.clock().now(),
            HistoryItemType.CONFIGURATION_UPDATE,
            "Alarm \"" + a.definition.alarmName() + "\" " + verb,
            data.toString()));
  }

  private String alarmJson(Alarm a, PutMetricAlarmRequest d) {
    StringBuilder sb = new StringBuilder("{");
    JsonText.field(sb, "alarmName", d.alarmName());
    sb.append(',');
    JsonText.field(sb, "alarmArn", a.arn);
    sb.append(",\"alarmDescription\":").append(JsonText.quote(d.alarmDescription()));
    sb.append(",\"actionsEnabled\":").append(d.actionsEnabled());
    sb.append(",\"oKActions\":").append(JsonText.list(d.okActions()));
    sb.append(",\"alarmActions\":").append(JsonText.list(d.alarmActions()));
    sb.append(",\"insufficientDataActions\":").append(JsonText.list(d.insufficientDataActions()));
    if (d.isMetricMath()) {
      sb.append(",\"metrics\":").append(AlarmMessage.metrics(d.metrics(), false));
    } else {
      sb.append(',');
      JsonText.field(sb, "metricName", d.metricName());
      sb.append(',');
      JsonText.field(sb, "namespace", d.namespace());
      sb.append(',');
      if (d.extendedStatistic() != null) {
        JsonText.field(sb, "extendedStatistic", d.extendedStatistic());
      } else {
        JsonText.field(sb, "statistic", Statistics.awsName(d.statistic()));
      }
      sb.append(",\"dimensions\":").append(AlarmMessage.dimensions(d.dimensions()));
      sb.append(",\"period\":").append(d.periodSeconds());
    }
    sb.append(",\"evaluationPeriods\":").append(d.evaluationPeriods());
    sb.append(",\"datapointsToAlarm\":").append(d.effectiveDatapointsToAlarm());
    sb.append(",\"threshold\":").append(d.threshold());
    sb.append(',');
    JsonText.field(sb, "comparisonOperator", d.comparisonOperator().awsName());
    sb.append(',');
    JsonText.field(sb, "treatMissingData", d.treatMissingData().awsName());
    if (d.evaluateLowSampleCountPercentile() != null) {
      sb.append(',');
      JsonText.field(sb, "evaluateLowSampleCountPercentile", d.evaluateLowSampleCountPercentile());
    }
    return sb.append('}').toString();
  }

  private void validate(PutMetricAlarmRequest r) {
    if (r.alarmName() == null || r.alarmName().isEmpty()) {
      throw CloudWatchException.missing("AlarmName");
    }
    if (r.isMetricMath()) {
      validateMath(r);
    } else if (r.namespace() == null || r.metricName() == null || r.dimensions() == null) {
      throw CloudWatchException.missing("MetricName");
    } else if ((r.statistic() == null) == (r.extendedStatistic() == null)) {
      throw CloudWatchException.combination(
          "Exactly one of the parameters Statistic and ExtendedStatistic must be given.");
    }
    if (r.extendedStatistic() != null) {
      MetricQueries.checkPercentile(r.extendedStatistic(), "ExtendedStatistic");
    }
    String low = r.evaluateLowSampleCountPercentile();
    if (low != null && !low.equals("evaluate") && !low.equals("ignore")) {
      throw CloudWatchException.invalid(
          "The value " + low + " for parameter EvaluateLowSampleCountPercentile is invalid.");
    }
    if (r.comparisonOperator() == null) {
      throw CloudWatchException.missing("ComparisonOperator");
    }
    if (r.treatMissingData() == null) {
      throw CloudWatchException.missing("TreatMissingData");
    }
    int p = r.effectivePeriodSeconds();
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

  /**
   * A metric-math alarm (API_PutMetricAlarm.html, API_MetricDataQuery.html): none of the
   * single-metric parameters, up to 10 metrics and 10 expressions, all metrics at one period,
   * exactly one query with ReturnData true, and every expression valid metric math giving one time
   * series. AWS answers these with ValidationError and the messages quoted here where they were
   * observed [OBS].
   */
  private void validateMath(PutMetricAlarmRequest r) {
    String[][] single = {
      {"Namespace", r.namespace()},
      {"MetricName", r.metricName()},
      {"Statistic", r.statistic() == null ? null : r.statistic().name()},
      {"ExtendedStatistic", r.extendedStatistic()},
      {"Period", r.periodSeconds() == 0 ? null : "set"},
      {"Dimensions", r.dimensions() == null || r.dimensions().asMap().isEmpty() ? null : "set"}
    };
    for (String[] field : single) {
      if (field[1] != null) {
        throw CloudWatchException.validation(
            field[0] + " should not be set if list of Metrics is set.");
      }
    }
    if (r.metrics().size() > CloudWatchLimits.MAX_ALARM_QUERIES) {
      throw CloudWatchException.validation(
          "The metrics list must not have more than "
              + CloudWatchLimits.MAX_ALARM_QUERIES
              + " elements.");
    }
    Map<String, MetricDataQuery> byId = new LinkedHashMap<>();
    int stats = 0;
    int expressions = 0;
    int returning = 0;
    Integer period = null;
    for (MetricDataQuery q : r.metrics()) {
      try {
        MetricQueries.validate(q);
      } catch (CloudWatchException e) {
        throw CloudWatchException.validation("Invalid metrics list: " + e.errorMessage());
      }
      if (byId.put(q.id(), q) != null) {
        throw CloudWatchException.validation(
            "The metrics list must not hold the Id " + q.id() + " twice.");
      }
      if (!Boolean.FALSE.equals(q.returnData())) {
        returning++;
      }
      if (q.metricStat() == null) {
        expressions++;
        continue;
      }
      stats++;
      if (period != null && period != q.metricStat().period()) {
        throw CloudWatchException.validation(
            "All metrics in the metrics list must have the same period.");
      }
      period = q.metricStat().period();
    }
    if (stats > CloudWatchLimits.MAX_ALARM_METRICS
        || expressions > CloudWatchLimits.MAX_ALARM_EXPRESSIONS) {
      throw CloudWatchException.validation(
          "The metrics list must not have more than 10 metrics and 10 expressions.");
    }
    if (returning != 1) {
      throw CloudWatchException.validation(
          "Exactly one element of the metrics list should return data.");
    }
    if (stats == 0) {
      throw CloudWatchException.validation(
          "The metrics list must retrieve at least one metric with a MetricStat.");
    }
    Instant now = context.clock().now();
    long p = period;
    MetricMath math =
        new MetricMath(
            s -> new MetricMath.Series(p, new TreeMap<>()), byId, now, now, now.getEpochSecond());
    for (MetricDataQuery q : r.metrics()) {
      try {
        math.series(q.id());
      } catch (CloudWatchException e) {
        throw CloudWatchException.validation(e.errorMessage());
      }
    }
  }

  private void schedule(Alarm a) {
    int cadence =
        a.definition.effectivePeriodSeconds() < 60
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
      long p = d.effectivePeriodSeconds();
      Instant start = t.minusSeconds(range * p);
      List<Double> values;
      boolean lowSamples = false;
      if (d.isMetricMath()) {
        values = mathValues(d, start, t, range, p);
      } else {
        MetricKey key = key(d);
        double[][] buckets = buckets(key, start, t, range, p);
        Statistic stat = d.extendedStatistic() == null ? d.statistic() : null;
        double percentile = Statistics.percentile(d.extendedStatistic());
        values = new ArrayList<>(range);
        for (int slot = 0; slot < range; slot++) {
          long from = start.getEpochSecond() + slot * p;
          values.add(value(key, buckets[slot], stat, percentile, from, p));
          if (buckets[slot] != null && stat == null) {
            // The newest period with data decides whether the samples are too few.
            lowSamples =
                Statistics.lowSampleCount(percentile, queries.raw.count(key, from, from + p));
          }
        }
      }
      if (lowSamples && "ignore".equals(d.evaluateLowSampleCountPercentile())) {
        // EvaluateLowSampleCountPercentile=ignore: the state does not change while the samples are
        // too few to be significant (AlarmThatSendsEmail.html, 2023 text).
        schedule(a);
        return;
      }
      List<Boolean> points = new ArrayList<>(range);
      for (Double value : values) {
        points.add(value == null ? null : d.comparisonOperator().breaches(value, d.threshold()));
      }
      // CloudWatch treats every AWS/DynamoDB metric as ignore (alarm-evaluation.html); a math
      // alarm that reads one is taken to do the same [INTERP].
      TreatMissingData treat = readsDynamoDb(d) ? TreatMissingData.IGNORE : d.treatMissingData();
      AlarmState next =
          Evaluation.evaluate(points, d.effectiveDatapointsToAlarm(), n, treat, a.state);
      transition(
          a, next, "Threshold Crossed: evaluated " + describe(points), reasonData(d, t, values));
      schedule(a);
    }
  }

  private static boolean readsDynamoDb(PutMetricAlarmRequest d) {
    if (!d.isMetricMath()) {
      return d.namespace().equals("AWS/DynamoDB");
    }
    for (MetricDataQuery q : d.metrics()) {
      if (q.metricStat() != null && q.metricStat().metric().namespace().equals("AWS/DynamoDB")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The statistics (sum, min, max, count) of {@code key}'s values in each of the {@code range}
   * periods of {@code p} seconds from {@code start} (counted back from the evaluation instant t,
   * not aligned to multiples of p); null where a period has no value.
   */
  private double[][] buckets(MetricKey key, Instant start, Instant t, int range, long p) {
    long granularity = p < 60 ? HIGH_RESOLUTION_EVALUATION_INTERVAL_SECONDS : 60;
    List<Datapoint> data =
        context.metrics().getMetricStatistics(key, start, t, Duration.ofSeconds(granularity));
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
    return buckets;
  }

  /** One period's statistic ({@code stat}, or the percentile when it is null), or null. */
  private Double value(
      MetricKey key, double[] bucket, Statistic stat, double percentile, long from, long p) {
    if (bucket == null) {
      return null;
    }
    if (stat != null) {
      return new Datapoint(
              Instant.ofEpochSecond(from), bucket[0], bucket[1], bucket[2], (long) bucket[3])
          .get(stat);
    }
    return queries.raw.percentile(key, from, from + p, percentile);
  }

  /**
   * The values of a metric-math alarm's watched expression in each period of its range: each metric
   * of the alarm is read per period counted back from the evaluation instant, and the expressions
   * are evaluated over those periods as GetMetricData evaluates them.
   */
  private List<Double> mathValues(
      PutMetricAlarmRequest d, Instant start, Instant t, int range, long p) {
    Map<String, MetricDataQuery> byId = new LinkedHashMap<>();
    String watched = null;
    for (MetricDataQuery q : d.metrics()) {
      byId.put(q.id(), q);
      if (!Boolean.FALSE.equals(q.returnData())) {
        watched = q.id();
      }
    }
    Function<MetricStat, MetricMath.Series> source =
        s -> {
          double[][] buckets = buckets(s.metric(), start, t, range, p);
          Statistic stat = Statistics.parse(s.stat());
          double percentile = stat == null ? Statistics.percentile(s.stat()) : Double.NaN;
          TreeMap<Long, Double> points = new TreeMap<>();
          for (int slot = 0; slot < range; slot++) {
            long from = start.getEpochSecond() + slot * p;
            Double v = value(s.metric(), buckets[slot], stat, percentile, from, p);
            if (v != null) {
              points.put(from, v);
            }
          }
          return new MetricMath.Series(p, points);
        };
    MetricMath.Series result =
        new MetricMath(source, byId, start, t, start.getEpochSecond()).series(watched);
    List<Double> values = new ArrayList<>(range);
    for (int slot = 0; slot < range; slot++) {
      values.add(result.points().get(start.getEpochSecond() + slot * p));
    }
    return values;
  }

  private static String reasonData(PutMetricAlarmRequest d, Instant t, List<Double> values) {
    StringBuilder sb = new StringBuilder("{");
    JsonText.field(sb, "version", "1.0");
    sb.append(',');
    JsonText.field(sb, "queryDate", AlarmMessage.TIME.format(t));
    if (d.statisticName() != null) {
      sb.append(',');
      JsonText.field(sb, "statistic", d.statisticName());
    }
    sb.append(",\"period\":").append(d.effectivePeriodSeconds());
    sb.append(",\"recentDatapoints\":[");
    boolean first = true;
    for (int i = values.size() - 1; i >= 0; i--) {
      if (values.get(i) != null) {
        sb.append(first ? "" : ",").append(values.get(i));
        first = false;
      }
    }
    sb.append("],\"threshold\":").append(d.threshold());
    return sb.append('}').toString();
  }

  private static String describe(List<Boolean> points) {
    StringBuilder sb = new StringBuilder();
    for (Boolean b : points) {
      sb.append(b == null ? '-' : b ? 'X' : '0');
    }
    return sb.toString();
  }

  private void transition(Alarm a, AlarmState next, String reason, String reasonData) {
    if (next == a.state) {
      return;
    }
    AlarmState old = a.state;
    String oldReason = a.reason;
    a.state = next;
    a.reason = reason;
    a.updated = context.clock().now();
    StringBuilder data = new StringBuilder("{");
    JsonText.field(data, "version", "1.0");
    data.append(",\"oldState\":{");
    JsonText.field(data, "stateValue", old.name());
    data.append(',');
    JsonText.field(data, "stateReason", oldReason);
    data.append("},\"newState\":{");
    JsonText.field(data, "stateValue", next.name());
    data.append(',');
    JsonText.field(data, "stateReason", reason);
    if (reasonData != null) {
      data.append(",\"stateReasonData\":").append(reasonData);
    }
    data.append("}}");
    history.add(
        new AlarmHistoryItem(
            a.definition.alarmName(),
            "MetricAlarm",
            a.updated,
            HistoryItemType.STATE_UPDATE,
            "Alarm updated from " + old.name() + " to " + next.name(),
            data.toString()));
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
      AlarmActions.Outcome outcome = actions.run(target, subject, message);
      if (outcome == AlarmActions.Outcome.NOT_MODELLED) {
        continue;
      }
      boolean ok = outcome == AlarmActions.Outcome.SUCCEEDED;
      StringBuilder item = new StringBuilder("{");
      JsonText.field(item, "actionState", ok ? "Succeeded" : "Failed");
      item.append(',');
      JsonText.field(item, "stateUpdateTimestamp", AlarmMessage.TIME.format(a.updated));
      item.append(',');
      JsonText.field(item, "notificationResource", target);
      item.append(",\"publishedMessage\":").append(JsonText.quote(message)).append('}');
      history.add(
          new AlarmHistoryItem(
              a.definition.alarmName(),
              "MetricAlarm",
              a.updated,
              HistoryItemType.ACTION,
              (ok ? "Successfully executed action " : "Failed to execute action ") + target,
              item.toString()));
    }
  }

  /** DescribeAlarms: the named alarms (all when {@code names} is empty), sorted by name. */
  public List<MetricAlarm> describeAlarms(List<String> names) {
    synchronized (context.lock()) {
      ImmutableList.Builder<MetricAlarm> out = ImmutableList.builder();
      for (Alarm a : sorted()) {
        if (names == null || names.isEmpty() || names.contains(a.definition.alarmName())) {
          out.add(view(a));
        }
      }
      return out.build();
    }
  }

  private List<Alarm> sorted() {
    List<Alarm> list = new ArrayList<>(alarms.values());
    list.sort(Comparator.comparing(a -> a.definition.alarmName()));
    return list;
  }

  private static MetricAlarm view(Alarm a) {
    return new MetricAlarm(
        a.arn, a.definition, a.state, a.reason, a.updated, a.actionsEnabled, a.configUpdated);
  }

  /**
   * DescribeAlarms with its filters and paging (API_DescribeAlarms.html): alarms sorted by name.
   *
   * @throws CloudWatchException InvalidParameterCombination (names and a prefix),
   *     InvalidParameterValue (more than 100 names, MaxRecords outside 1 to 100), InvalidNextToken
   */
  public DescribeAlarmsResult describeAlarms(DescribeAlarmsRequest r) {
    checkNotNull(r, "request");
    if (!r.alarmNames().isEmpty() && r.alarmNamePrefix() != null) {
      throw CloudWatchException.combination(
          "AlarmNames and AlarmNamePrefix cannot be given together.");
    }
    if (r.alarmNames().size() > CloudWatchLimits.MAX_ALARM_NAMES) {
      throw CloudWatchException.invalid(
          "The collection AlarmNames must not have a size greater than 100.");
    }
    int max = r.maxRecords() == null ? CloudWatchLimits.MAX_RECORDS : r.maxRecords();
    if (max < 1 || max > CloudWatchLimits.MAX_RECORDS) {
      throw CloudWatchException.invalid(
          "The value " + max + " for parameter MaxRecords must be between 1 and 100.");
    }
    int from = r.nextToken() == null ? 0 : MetricQueries.indexToken(r.nextToken(), "a");
    synchronized (context.lock()) {
      List<MetricAlarm> matching = new ArrayList<>();
      for (Alarm a : sorted()) {
        PutMetricAlarmRequest d = a.definition;
        if ((r.alarmNames().isEmpty() || r.alarmNames().contains(d.alarmName()))
            && (r.alarmNamePrefix() == null || d.alarmName().startsWith(r.alarmNamePrefix()))
            && (r.stateValue() == null || r.stateValue() == a.state)
            && (r.actionPrefix() == null || hasAction(d, r.actionPrefix()))) {
          matching.add(view(a));
        }
      }
      if (from > matching.size()) {
        throw CloudWatchException.invalidToken();
      }
      int to = Math.min(matching.size(), from + max);
      return new DescribeAlarmsResult(
          matching.subList(from, to), to < matching.size() ? "a" + to : null);
    }
  }

  private static boolean hasAction(PutMetricAlarmRequest d, String prefix) {
    for (List<String> list :
        List.of(d.alarmActions(), d.okActions(), d.insufficientDataActions())) {
      for (String action : list) {
        if (action.startsWith(prefix)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * DescribeAlarmsForMetric (API_DescribeAlarmsForMetric.html): the alarms on the metric, sorted by
   * name, narrowed by the statistic, extended statistic and period when they are not null.
   */
  public List<MetricAlarm> describeAlarmsForMetric(
      MetricKey metric, Statistic statistic, String extendedStatistic, Integer period) {
    checkNotNull(metric, "metric");
    synchronized (context.lock()) {
      List<MetricAlarm> out = new ArrayList<>();
      for (Alarm a : sorted()) {
        PutMetricAlarmRequest d = a.definition;
        if (!d.isMetricMath()
            && key(d).equals(metric)
            && (statistic == null || statistic == d.statistic())
            && (extendedStatistic == null || extendedStatistic.equals(d.extendedStatistic()))
            && (period == null || period == d.periodSeconds())) {
          out.add(view(a));
        }
      }
      return out;
    }
  }

  /**
   * DescribeAlarmHistory (API_DescribeAlarmHistory.html): ConfigurationUpdate, StateUpdate and
   * Action items, kept two weeks and after the alarm's deletion, newest first unless {@code ScanBy}
   * says otherwise.
   *
   * @throws CloudWatchException InvalidParameterValue, InvalidNextToken
   */
  public DescribeAlarmHistoryResult describeAlarmHistory(DescribeAlarmHistoryRequest r) {
    checkNotNull(r, "request");
    synchronized (context.lock()) {
      return history.describe(r, context.clock().now());
    }
  }

  /**
   * PutMetricData (API_PutMetricData.html): records each datum in the period of its Timestamp (the
   * current virtual time when it has none), next to the services' own metrics. A timestamp may be
   * up to two weeks old or two hours ahead; a late value is seen by the next alarm evaluation whose
   * range covers its period, and states already reached are not revised. Data is available at once
   * (AWS says data more than 3 hours old can take hours to appear; the simulator has no ingestion
   * latency [SIM]). The whole request is validated first, so a rejected one records nothing. Raw
   * values are kept for percentiles.
   *
   * @throws CloudWatchException MissingParameter, InvalidParameterValue (a reserved {@code AWS/}
   *     namespace, more than 1,000 metrics, 30 dimensions or 150 values, a value out of range, a
   *     StorageResolution other than 1 or 60, a Timestamp two weeks old or more than two hours
   *     ahead), InvalidParameterCombination, RequestEntityTooLarge (over 1 MB)
   */
  public void putMetricData(String namespace, List<MetricDatum> metricData) {
    synchronized (context.lock()) {
      queries.putMetricData(namespace, metricData);
    }
  }

  /**
   * GetMetricStatistics (API_GetMetricStatistics.html): per period, aligned to multiples of the
   * period, the requested statistics or percentiles; periods with no data are left out; oldest
   * first.
   *
   * @throws CloudWatchException MissingParameter, InvalidParameterValue (period, range, statistic
   *     names), InvalidParameterCombination (both or neither of Statistics and ExtendedStatistics,
   *     more than 1,440 data points)
   */
  public List<StatisticsDatapoint> getMetricStatistics(GetMetricStatisticsRequest r) {
    checkNotNull(r, "request");
    synchronized (context.lock()) {
      return queries.getMetricStatistics(r);
    }
  }

  /**
   * ListMetrics (API_ListMetrics.html): the metrics recorded so far, in the order first recorded,
   * 500 a page.
   *
   * @throws CloudWatchException InvalidParameterValue, InvalidNextToken
   */
  public ListMetricsResult listMetrics(ListMetricsRequest r) {
    checkNotNull(r, "request");
    synchronized (context.lock()) {
      return queries.listMetrics(r);
    }
  }

  /**
   * GetMetricData (API_GetMetricData.html): metric statistics and metric math, newest first unless
   * {@code ScanBy} says otherwise, paged by MaxDatapoints.
   *
   * @throws CloudWatchException MissingParameter, InvalidParameterValue (ids, periods, stats, an
   *     expression AWS would reject, such as an unknown function), InvalidParameterCombination,
   *     InvalidNextToken
   */
  public GetMetricDataResult getMetricData(GetMetricDataRequest r) {
    checkNotNull(r, "request");
    synchronized (context.lock()) {
      return queries.getMetricData(r);
    }
  }

  /**
   * Keeps the raw values of {@code metric} from now on, so that its percentiles can be asked for.
   * Metrics published with {@link #putMetricData} and metrics named by a percentile alarm are kept
   * without asking.
   */
  public void trackPercentiles(MetricKey metric) {
    checkNotNull(metric, "metric");
    synchronized (context.lock()) {
      queries.raw.track(metric);
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
        configurationItem(a, "Delete", "deleted", "deletedAlarm", null);
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
      transition(a, state, reason == null ? "" : reason, null);
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
