package dev.awssim.examples;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.time.Cancellable;
import dev.awssim.sqs.Message;
import dev.awssim.sqs.ReceiveMessageRequest;
import dev.awssim.sqs.Sqs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SQS visibility timeout: a consumer that crashes mid-message never deletes it; the message
 * reappears exactly when its visibility timeout ends, with a higher receive count, and moves to the
 * dead-letter queue after maxReceiveCount receives.
 */
final class SqsVisibilityDemo implements LiveDemo {
  /** The queue the consumer polls. */
  static final String QUEUE = "orders";

  /** Its dead-letter queue. */
  static final String DLQ = "orders-dlq";

  @Override
  public String name() {
    return "sqs-visibility";
  }

  @Override
  public String title() {
    return "SQS: visibility timeout, redelivery and the dead-letter queue";
  }

  @Override
  public String rule(DemoOptions options) {
    return "A received message stays in the queue but is hidden for the visibility timeout (here "
        + options.integer("visibility-timeout")
        + " s; 30 s by default). If the consumer does not delete it in time, it becomes visible"
        + " again and is delivered again with ApproximateReceiveCount + 1. With a RedrivePolicy, the"
        + " receive that would exceed maxReceiveCount (here "
        + options.integer("max-receive-count")
        + ") moves it to the dead-letter queue instead. The consumer polls once a second and"
        + " crashes before DeleteMessage every time.";
  }

  @Override
  public String docUrl() {
    return "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html";
  }

  @Override
  public List<DemoOption> options() {
    return List.of(
        DemoOption.checkedByAws(
            "visibility-timeout", "30", "the queue's VisibilityTimeout, in seconds (AWS: 0-43200)"),
        DemoOption.checkedByAws(
            "max-receive-count", "3", "the RedrivePolicy's maxReceiveCount (AWS: 1-1000)"),
        DemoOption.atLeast("duration", "150", 1, "simulated seconds"));
  }

  @Override
  public Run start(AwsSimulator sim, DemoOptions options) {
    int timeout = options.integer("visibility-timeout");
    int maxReceives = options.integer("max-receive-count");
    Sqs sqs = sim.sqs();
    String dlq = sqs.createQueue(DLQ);
    String dlqArn = sqs.getQueueAttributes(dlq, List.of("QueueArn")).get("QueueArn");
    String queue =
        sqs.createQueue(
            QUEUE,
            Map.of(
                "VisibilityTimeout",
                Integer.toString(timeout),
                "RedrivePolicy",
                "{\"deadLetterTargetArn\":\""
                    + dlqArn
                    + "\",\"maxReceiveCount\":\""
                    + maxReceives
                    + "\"}"));
    sqs.sendMessage(queue, "order-1");
    Consumer consumer = new Consumer(this, sim, options, queue, dlq);
    consumer.poller = sim.every(Duration.ofSeconds(1), consumer::poll);
    return consumer;
  }

  /**
   * The consumer that crashes before DeleteMessage: it polls once a second and records what it
   * sees, for the timeline and the charts.
   */
  private static final class Consumer implements Run {
    private final AwsSimulator sim;
    private final DemoOptions options;
    private final Sqs sqs;
    private final String queue;
    private final String dlq;
    private final int maxReceives;
    private final DemoResult result;
    private final ReceiveMessageRequest poll;
    private final Series receives = new Series("order-1: receives (ApproximateReceiveCount)");
    private final Series reappears =
        new Series("order-1 visible again in orders", DemoResult.Style.MARKERS);
    private final Series inFlight = new Series("orders: in flight (hidden)");
    private final Series dead = new Series("orders-dlq: messages");
    private final List<double[]> redeliveries = new ArrayList<>();
    private double firstRedelivery = -1;
    private double movedAt = -1;
    private int lastCount;
    private Cancellable poller;

    Consumer(
        SqsVisibilityDemo demo, AwsSimulator sim, DemoOptions options, String queue, String dlq) {
      this.sim = sim;
      this.options = options;
      this.sqs = sim.sqs();
      this.queue = queue;
      this.dlq = dlq;
      this.maxReceives = options.integer("max-receive-count");
      this.result = new DemoResult(demo, options).timeline("t", "event", "receive count");
      result.row(format(0), "sent order-1", "0");
      this.poll =
          ReceiveMessageRequest.builder(queue)
              .attributeNames(List.of("ApproximateReceiveCount"))
              .build();
      receives.add(0, 0);
      inFlight.add(0, 0);
      dead.add(0, 0);
    }

    void poll() {
      double t = seconds(sim);
      List<Message> got = sqs.receiveMessage(poll).messages();
      for (Message m : got) {
        int count = Integer.parseInt(m.attributes().get("ApproximateReceiveCount"));
        if (count == 2) {
          firstRedelivery = t;
        }
        if (count > 1) {
          reappears.add(t, 1);
          redeliveries.add(new double[] {t, count});
        }
        lastCount = count;
        receives.add(t, count);
        result.row(
            format(t), "received, consumer crashed before DeleteMessage", Integer.toString(count));
      }
      Map<String, String> main = sqs.getQueueAttributes(queue);
      int dlqDepth =
          Integer.parseInt(sqs.getQueueAttributes(dlq).get("ApproximateNumberOfMessages"));
      if (dlqDepth > 0 && movedAt < 0) {
        movedAt = t;
        reappears.add(t, 1);
        result.row(
            format(t),
            "moved to orders-dlq (receive " + (maxReceives + 1) + " refused)",
            Integer.toString(lastCount));
      }
      inFlight.add(t, Integer.parseInt(main.get("ApproximateNumberOfMessagesNotVisible")));
      dead.add(t, dlqDepth);
    }

    @Override
    public Duration duration() {
      return Duration.ofSeconds(options.integer("duration"));
    }

    @Override
    public String resource() {
      return QUEUE;
    }

    @Override
    public DemoResult finish() {
      poller.cancel();
      int duration = options.integer("duration");
      int timeout = options.integer("visibility-timeout");
      DemoResult.Chart receiveChart =
          DemoResult.Chart.of(
                  "Receives of order-1: one more each visibility timeout",
                  "receives",
                  duration,
                  Series.all(receives))
              .limit("maxReceiveCount", maxReceives);
      DemoResult.Chart depthChart =
          DemoResult.Chart.of(
              "Where order-1 is: hidden in orders, visible again, then in the DLQ",
              "messages",
              duration,
              Series.all(inFlight, reappears, dead));
      for (double[] redelivery : redeliveries) {
        String label = format(redelivery[0]) + ": receive " + (long) redelivery[1];
        receiveChart = receiveChart.mark(label, redelivery[0]);
        depthChart = depthChart.mark(label, redelivery[0]);
      }
      if (movedAt >= 0) {
        receiveChart = receiveChart.mark(format(movedAt) + ": to the DLQ", movedAt);
        depthChart = depthChart.mark(format(movedAt) + ": to the DLQ", movedAt);
      }
      return result
          .keyNumber(
              "message visible again at",
              format(firstRedelivery),
              "VisibilityTimeout = " + timeout + " s after the first receive at t = 1 s")
          .keyNumber(
              "receives before the DLQ",
              Integer.toString(lastCount),
              "maxReceiveCount = " + maxReceives)
          .keyNumber(
              "moved to the DLQ at", format(movedAt), "the receive after the last allowed one")
          .chart(receiveChart)
          .chart(depthChart);
    }
  }

  static double seconds(AwsSimulator sim) {
    return sim.clock().nanos() / 1e9;
  }

  static String format(double seconds) {
    return Numbers.seconds(seconds);
  }
}
