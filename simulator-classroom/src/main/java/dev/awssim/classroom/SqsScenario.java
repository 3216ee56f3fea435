package dev.awssim.classroom;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.engine.trace.TraceEvent;
import dev.awssim.examples.DemoResult;
import dev.awssim.examples.LiveDemo;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two SQS demos, live: the receive count of each message received (against the queue's
 * maxReceiveCount when it has a dead-letter queue), and where the messages are: visible, in flight,
 * in the dead-letter queue. The panel explains each redelivery (the visibility timeout ended
 * without a DeleteMessage) and each move to the dead-letter queue (maxReceiveCount), with the
 * queue's numbers of the moment.
 */
final class SqsScenario implements Scenario {
  private static final Pattern MAX_RECEIVE_COUNT =
      Pattern.compile("\"maxReceiveCount\"\\s*:\\s*\"?(\\d+)");

  private static final Slot RECEIVE_COUNT =
      new Slot(0, "receive count of the message received", "hold");

  private final LiveDemo demo;
  private final String queue;
  private final String deadLetterQueue;
  private final Slot visible;
  private final Slot inFlight;
  private final Slot dead;

  /**
   * @param queue the queue the demo's consumer polls
   * @param deadLetterQueue its dead-letter queue, or null (the FIFO demo has none)
   */
  SqsScenario(LiveDemo demo, String queue, String deadLetterQueue) {
    this.demo = demo;
    this.queue = queue;
    this.deadLetterQueue = deadLetterQueue;
    this.visible = new Slot(1, "visible in " + queue, "hold");
    this.inFlight = new Slot(1, "in flight (received, not deleted)", "hold");
    this.dead = deadLetterQueue == null ? null : new Slot(1, "in " + deadLetterQueue, "hold");
  }

  @Override
  public LiveDemo demo() {
    return demo;
  }

  private static Map<String, String> attributes(AwsSimulator sim, String name) {
    return sim.sqs().getQueueAttributes(sim.sqs().getQueueUrl(name));
  }

  private static int maxReceiveCount(Map<String, String> attributes) {
    String policy = attributes.get("RedrivePolicy");
    Matcher m = policy == null ? null : MAX_RECEIVE_COUNT.matcher(policy);
    return m != null && m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  private static double count(Map<String, String> attributes, String name) {
    String v = attributes.get(name);
    return v == null ? 0 : Double.parseDouble(v);
  }

  @Override
  public List<ChartView> charts(AwsSimulator sim, String resource) {
    int max = maxReceiveCount(attributes(sim, queue));
    return List.of(
        new ChartView(
            "Receives of each message (ApproximateReceiveCount)",
            "receive count",
            max < 0 ? List.of() : List.of(new DemoResult.Limit("maxReceiveCount", max))),
        new ChartView("Where the messages are", "messages", List.of()));
  }

  @Override
  public Slot slot(MetricKey key, String resource) {
    return null;
  }

  @Override
  public Map<Slot, Double> gauges(AwsSimulator sim, String resource) {
    Map<String, String> main = attributes(sim, queue);
    Map<Slot, Double> gauges = new LinkedHashMap<>();
    gauges.put(visible, count(main, "ApproximateNumberOfMessages"));
    gauges.put(inFlight, count(main, "ApproximateNumberOfMessagesNotVisible"));
    if (dead != null) {
      gauges.put(dead, count(attributes(sim, deadLetterQueue), "ApproximateNumberOfMessages"));
    }
    return gauges;
  }

  @Override
  public List<Point> points(TraceEvent event, String resource) {
    if (!event.type().service().equals("sqs")
        || !event.type().name().equals("RECEIVED")
        || !queue.equals(event.resource())) {
      return List.of();
    }
    return List.of(new Point(RECEIVE_COUNT, Double.parseDouble(event.attribute("receiveCount"))));
  }

  @Override
  public boolean explainsLater() {
    return true;
  }

  @Override
  public boolean explains(TraceEvent event) {
    String type = event.type().name();
    return event.type().service().equals("sqs")
        && queue.equals(event.resource())
        && (type.equals("VISIBLE_AGAIN") || type.equals("MOVED_TO_DLQ"));
  }

  @Override
  public String why(TraceEvent event, AwsSimulator sim, String resource) {
    Map<String, String> attributes = attributes(sim, queue);
    if (event.type().name().equals("MOVED_TO_DLQ")) {
      return "Message "
          + event.attribute("messageId")
          + " was received "
          + event.attribute("receiveCount")
          + " times from "
          + queue
          + " without a DeleteMessage. Its RedrivePolicy allows maxReceiveCount = "
          + maxReceiveCount(attributes)
          + " receives, so the next receive moved it to the dead-letter queue "
          + event.attribute("deadLetterQueue")
          + " instead of delivering it.";
    }
    String why =
        "Message "
            + event.attribute("messageId")
            + " of "
            + queue
            + " is visible again from t = "
            + String.format(
                Locale.ROOT,
                "%.3f",
                Duration.between(sim.clock().start(), Instant.parse(event.attribute("at")))
                        .toNanos()
                    / 1e9)
            + " s: it was received and not deleted within the visibility timeout ("
            + attributes.get("VisibilityTimeout")
            + " s), so SQS delivers it again with ApproximateReceiveCount + 1.";
    return deadLetterQueue != null
        ? why
        : why
            + " Until then no later message of its MessageGroupId was delivered (FIFO order per"
            + " group); the other groups kept flowing.";
  }

  @Override
  public boolean counts(TraceEvent event) {
    return event.type().name().equals(deadLetterQueue == null ? "VISIBLE_AGAIN" : "MOVED_TO_DLQ");
  }

  @Override
  public String panelTitle() {
    return deadLetterQueue == null ? "Why redelivered" : "Why redelivered, why moved";
  }

  @Override
  public String noun() {
    return deadLetterQueue == null ? "redelivery" : "move to the DLQ";
  }

  @Override
  public String countLabel() {
    return deadLetterQueue == null ? "made visible again" : "moved";
  }
}
