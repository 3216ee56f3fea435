package dev.awssim.examples;

import dev.awssim.AwsSimulator;
import dev.awssim.cloudwatch.AlarmState;
import dev.awssim.cloudwatch.CloudWatch;
import dev.awssim.cloudwatch.ComparisonOperator;
import dev.awssim.cloudwatch.MetricAlarm;
import dev.awssim.cloudwatch.MetricDataQuery;
import dev.awssim.cloudwatch.MetricStat;
import dev.awssim.cloudwatch.PutMetricAlarmRequest;
import dev.awssim.cloudwatch.TreatMissingData;
import dev.awssim.dynamodb.AttributeValue;
import dev.awssim.dynamodb.DynamoDb;
import dev.awssim.dynamodb.DynamoDbException;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.engine.metrics.Statistic;
import dev.awssim.sqs.Message;
import dev.awssim.sqs.ReceiveMessageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CloudWatch alarm on DynamoDB throttling: a provisioned table written at exactly its capacity
 * takes a spike at a known second and throttles at once (no unused capacity was saved as burst). An
 * alarm on WriteThrottleEvents (Sum of FILL(m1, 0) >= 1 for 1 of 1 one-minute periods) goes to
 * ALARM at the end of the first throttled minute and back to OK at the end of the first quiet one,
 * each change publishing to an SNS topic whose SQS subscription the demo reads. A second alarm on
 * the bare metric stays in ALARM: CloudWatch ignores missing data of AWS/DynamoDB metrics, and
 * DynamoDB records WriteThrottleEvents only when something is throttled.
 */
final class DynamoDbThrottleAlarmDemo implements LiveDemo {
  static final String TABLE = "orders";
  static final String FILLED = "orders-throttled";
  static final String PLAIN = "orders-throttled-bare";

  private static final Pattern SUBJECT = Pattern.compile("\"Subject\":\"((?:[^\"\\\\]|\\\\.)*)\"");

  @Override
  public String name() {
    return "dynamodb-throttle-alarm";
  }

  @Override
  public String title() {
    return "CloudWatch: an alarm on DynamoDB throttling, notifying through SNS to SQS";
  }

  @Override
  public String rule(DemoOptions options) {
    return "CloudWatch evaluates a one-minute alarm every minute, on the minute [t - 60 s, t): an"
        + " alarm on WriteThrottleEvents >= 1 (1 of 1) goes to ALARM at the end of the first"
        + " minute with a throttle and runs its actions once, at that instant (here an SNS publish"
        + " that reaches an SQS queue). DynamoDB emits WriteThrottleEvents only when a write is"
        + " throttled, and CloudWatch ignores missing data of every AWS/DynamoDB metric whatever"
        + " TreatMissingData says: an alarm on the bare metric never returns to OK. The metric"
        + " math FILL(m1, 0) turns quiet minutes into 0, so that alarm returns to OK at the end of"
        + " the first minute without throttles. Here the table has "
        + options.integer("wcu")
        + " WCU, is written at that rate, and takes "
        + options.integer("spike-rate")
        + " writes/s from "
        + options.integer("spike-at-s")
        + " s for "
        + options.integer("spike-s")
        + " s.";
  }

  @Override
  public String docUrl() {
    return "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarm-evaluation.html";
  }

  @Override
  public List<DemoOption> options() {
    return List.of(
        DemoOption.checkedByAws(
            "wcu", "50", "the table's provisioned write capacity units (AWS: at least 1)"),
        DemoOption.between("spike-rate", "100", 1, 10_000, "writes per second during the spike"),
        DemoOption.between("spike-at-s", "300", 1, 3_600, "when the spike starts"),
        DemoOption.between("spike-s", "180", 1, 3_600, "how long the spike lasts"),
        DemoOption.between("duration-s", "720", 60, 7_200, "how long the run lasts"));
  }

  @Override
  public List<String> tourArguments() {
    return List.of("--spike-at-s", "120", "--spike-s", "120", "--duration-s", "360");
  }

  @Override
  public Run start(AwsSimulator sim, DemoOptions options) {
    DynamoDbHotPartitionDemo.createTable(sim.dynamoDb(), TABLE, options.integer("wcu"), null);
    String topic = sim.sns().createTopic("ops-alerts");
    String queue = sim.sqs().createQueue("ops-inbox");
    sim.sns().subscribe(topic, "sqs", sim.sqs().getQueueAttributes(queue).get("QueueArn"));
    MetricKey throttles =
        new MetricKey("AWS/DynamoDB", "WriteThrottleEvents", Dimensions.of("TableName", TABLE));
    CloudWatch cw = sim.cloudWatch();
    cw.putMetricAlarm(
        PutMetricAlarmRequest.builder(
                FILLED,
                List.of(
                    MetricDataQuery.metric("m1", new MetricStat(throttles, 60, "Sum", null))
                        .withReturnData(false),
                    MetricDataQuery.expression("e1", "FILL(m1, 0)")
                        .withLabel("WriteThrottleEvents, quiet minutes as 0")
                        .withReturnData(true)))
            .evaluationPeriods(1)
            .threshold(1)
            .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
            .alarmActions(List.of(topic))
            .okActions(List.of(topic))
            .build());
    cw.putMetricAlarm(
        PutMetricAlarmRequest.builder(
                PLAIN, throttles.namespace(), throttles.metricName(), throttles.dimensions())
            .statistic(Statistic.SUM)
            .period(60)
            .evaluationPeriods(1)
            .threshold(1)
            .treatMissingData(TreatMissingData.NOT_BREACHING)
            .build());
    Writer run = new Writer(this, sim, options, queue);
    sim.at(sim.now(), run::second);
    return run;
  }

  /**
   * One task per second: that second's writes, a read of the alarm states, and a short poll of the
   * queue for the alarm's notifications.
   */
  private static final class Writer implements Run {
    private final DynamoDbThrottleAlarmDemo demo;
    private final AwsSimulator sim;
    private final DemoOptions options;
    private final String queue;
    private final int end;
    private final Instant start;
    private final Series accepted = new Series("writes accepted/s");
    private final Series throttled = new Series("writes throttled/s");
    private final Series filledState = new Series("FILL(m1, 0) alarm");
    private final Series plainState = new Series("bare-metric alarm");
    private final DemoResult result;
    private int second;
    private int key;
    private int notifications;
    private double firstThrottle = -1;
    private boolean stopped;

    Writer(DynamoDbThrottleAlarmDemo demo, AwsSimulator sim, DemoOptions options, String queue) {
      this.demo = demo;
      this.sim = sim;
      this.options = options;
      this.queue = queue;
      this.end = options.integer("duration-s");
      this.start = sim.now();
      this.result = new DemoResult(demo, options).timeline("t", "event", "detail");
    }

    void second() {
      if (stopped) {
        return;
      }
      if (second == end) {
        states(end);
        stopped = true;
        return;
      }
      write();
      states(second);
      readQueue();
      second++;
      sim.after(Duration.ofSeconds(1), this::second);
    }

    private void write() {
      int spikeAt = options.integer("spike-at-s");
      boolean spiking = second >= spikeAt && second < spikeAt + options.integer("spike-s");
      int rate = spiking ? options.integer("spike-rate") : options.integer("wcu");
      DynamoDb db = sim.dynamoDb();
      int ok = 0;
      int refused = 0;
      for (int i = 0; i < rate; i++) {
        try {
          db.putItem(TABLE, Map.of("pk", AttributeValue.s("order-" + key++)));
          ok++;
        } catch (DynamoDbException e) {
          refused++;
        }
      }
      if (refused > 0 && firstThrottle < 0) {
        firstThrottle = second;
        result.row(
            at(second),
            "first write throttled",
            Numbers.count(refused) + " of " + Numbers.count(rate) + " writes refused");
      }
      accepted.add(second, ok);
      throttled.add(second, refused);
    }

    private void states(int at) {
      for (MetricAlarm a : sim.cloudWatch().describeAlarms(List.of(FILLED, PLAIN))) {
        Series s = a.definition().alarmName().equals(FILLED) ? filledState : plainState;
        s.add(at, level(a.stateValue()));
        if (a.stateUpdatedTimestamp().equals(sim.now())
            && !a.stateUpdatedTimestamp().equals(start)) {
          result.row(at(at), a.definition().alarmName() + " -> " + a.stateValue(), a.stateReason());
        }
      }
    }

    private void readQueue() {
      List<Message> got =
          sim.sqs()
              .receiveMessage(ReceiveMessageRequest.builder(queue).maxNumberOfMessages(10).build())
              .messages();
      for (Message m : got) {
        notifications++;
        Matcher subject = SUBJECT.matcher(m.body());
        result.row(
            at(second),
            "SQS ops-inbox received the SNS notification",
            subject.find() ? subject.group(1).replace("\\\"", "\"") : m.body());
        sim.sqs().deleteMessage(queue, m.receiptHandle());
      }
    }

    @Override
    public Duration duration() {
      return Duration.ofSeconds(end);
    }

    @Override
    public String resource() {
      return TABLE;
    }

    @Override
    public DemoResult finish() {
      stopped = true;
      return demo.result(this);
    }
  }

  /** A whole second of the run, as the timeline shows it. */
  private static String at(double seconds) {
    return (long) seconds + " s";
  }

  /** A state as a chart level: INSUFFICIENT_DATA 0, OK 1, ALARM 2. */
  private static int level(AlarmState s) {
    return switch (s) {
      case INSUFFICIENT_DATA -> 0;
      case OK -> 1;
      case ALARM -> 2;
    };
  }

  private DemoResult result(Writer w) {
    double alarmAt = firstAt(w.filledState, 2);
    double okAt = alarmAt < 0 ? -1 : firstAfter(w.filledState, 1, alarmAt);
    DemoResult.Chart writes =
        DemoResult.Chart.of(
                "Writes per second on " + TABLE,
                "writes/s",
                w.end,
                Series.all(w.accepted, w.throttled))
            .limit("provisioned WCU", (double) w.options.integer("wcu"))
            .mark("spike starts", w.options.integer("spike-at-s"));
    DemoResult.Chart states =
        DemoResult.Chart.of(
                "Alarm state (0 INSUFFICIENT_DATA, 1 OK, 2 ALARM), evaluated every minute",
                "state",
                w.end,
                Series.all(w.filledState, w.plainState))
            .limit("ALARM", 2);
    if (alarmAt >= 0) {
      writes = writes.mark("ALARM", alarmAt);
      states = states.mark("ALARM", alarmAt);
    }
    if (okAt >= 0) {
      writes = writes.mark("OK again", okAt);
      states = states.mark("OK again", okAt);
    }
    return w.result
        .keyNumber(
            "first throttle",
            w.firstThrottle < 0 ? "none" : at(w.firstThrottle),
            "writes above the provisioned rate with no burst capacity saved")
        .keyNumber(
            "alarm to ALARM",
            alarmAt < 0 ? "never" : at(alarmAt),
            "the end of the first minute holding a throttle (evaluated on the minute)")
        .keyNumber(
            "alarm back to OK",
            okAt < 0 ? "never" : at(okAt),
            "the end of the first minute without throttles (FILL(m1, 0) makes it 0)")
        .keyNumber(
            "bare-metric alarm at the end",
            stateName(last(w.plainState)),
            "missing AWS/DynamoDB data is ignored: the last state stays")
        .keyNumber(
            "notifications read from SQS",
            Integer.toString(w.notifications),
            "one per state change of the alarm with actions, none repeated while a state lasts")
        .chart(writes)
        .chart(states);
  }

  private static double firstAt(Series s, int level) {
    for (double[] p : s.toResult().points()) {
      if (p[1] == level) {
        return p[0];
      }
    }
    return -1;
  }

  private static double firstAfter(Series s, int level, double after) {
    for (double[] p : s.toResult().points()) {
      if (p[0] > after && p[1] == level) {
        return p[0];
      }
    }
    return -1;
  }

  private static int last(Series s) {
    List<double[]> points = s.toResult().points();
    return points.isEmpty() ? 0 : (int) points.get(points.size() - 1)[1];
  }

  private static String stateName(int level) {
    return level == 2 ? "ALARM" : level == 1 ? "OK" : "INSUFFICIENT_DATA";
  }
}
