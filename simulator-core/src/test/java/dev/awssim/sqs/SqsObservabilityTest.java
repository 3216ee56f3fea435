package dev.awssim.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.engine.trace.TraceEvent;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** CloudWatch metrics (AWS/SQS) and trace events, and the standard-queue faults. */
class SqsObservabilityTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(8);
  private final Sqs sqs = sim.sqs();

  private double total(String metric, String queue) {
    return sim.metrics().total(new MetricKey("AWS/SQS", metric, Dimensions.of("QueueName", queue)));
  }

  @Test
  void metrics_countersUseAwsNames() {
    String url = sqs.createQueue("m");
    sqs.sendMessage(url, "12345");
    sqs.sendMessage(url, "123");
    Message m = sqs.receiveMessage(url).messages().get(0);
    sqs.deleteMessage(url, m.receiptHandle());
    sqs.receiveMessage(url);
    sqs.receiveMessage(url);
    assertEquals(2, total("NumberOfMessagesSent", "m"));
    assertEquals(8, total("SentMessageSize", "m"));
    assertEquals(2, total("NumberOfMessagesReceived", "m"));
    assertEquals(1, total("NumberOfMessagesDeleted", "m"));
    assertEquals(1, total("NumberOfEmptyReceives", "m"));
  }

  @Test
  void metrics_gaugesSampledOncePerMinute() {
    String url = sqs.createQueue("g");
    sqs.sendMessage(url, "a");
    sim.advanceBy(Duration.ofMinutes(1));
    sqs.sendMessage(url, "b");
    sqs.sendMessage(url, "c");
    sim.advanceBy(Duration.ofMinutes(1));
    sqs.receiveMessage(url);
    MetricKey visible =
        new MetricKey(
            "AWS/SQS", "ApproximateNumberOfMessagesVisible", Dimensions.of("QueueName", "g"));
    List<Double> maxima =
        sim
            .metrics()
            .getMetricStatistics(
                visible, sim.clock().start(), sim.now().plusSeconds(60), Duration.ofMinutes(1))
            .stream()
            .map(d -> d.maximum())
            .collect(Collectors.toList());
    assertEquals(List.of(0.0, 1.0, 3.0), maxima);
    MetricKey age =
        new MetricKey("AWS/SQS", "ApproximateAgeOfOldestMessage", Dimensions.of("QueueName", "g"));
    assertEquals(60 + 120, sim.metrics().total(age));
  }

  @Test
  void trace_recordsLifecycleInOrder() {
    String url = sqs.createQueue("t");
    sqs.sendMessage(url, "a");
    sqs.receiveMessage(url);
    sim.advanceBy(Duration.ofSeconds(30));
    Message m = sqs.receiveMessage(url).messages().get(0);
    sqs.deleteMessage(url, m.receiptHandle());
    List<String> types =
        sim.trace().events().stream().map(e -> e.type().name()).collect(Collectors.toList());
    assertEquals(
        List.of("QUEUE_CREATED", "SENT", "RECEIVED", "VISIBLE_AGAIN", "RECEIVED", "DELETED"),
        types);
    TraceEvent again = sim.trace().events(SqsEventType.VISIBLE_AGAIN).get(0);
    assertEquals(sim.clock().start().plusSeconds(30).toString(), again.attribute("at"));
  }

  @Test
  void faults_duplicates_deliverAgainAfterDelete_reproducibly() {
    assertEquals(redeliveries(21), redeliveries(21));
    assertTrue(redeliveries(21) > 0);
    assertEquals(0, redeliveriesWith(21, SqsFaults.none()));
  }

  private static int redeliveries(long seed) {
    return redeliveriesWith(seed, SqsFaults.none().withDuplicateProbability(0.5));
  }

  private static int redeliveriesWith(long seed, SqsFaults faults) {
    AwsSimulator s = AwsSimulator.withSeed(seed);
    s.sqs().setFaults(faults);
    String url = s.sqs().createQueue("dups");
    for (int i = 0; i < 20; i++) {
      s.sqs().sendMessage(url, "m" + i);
    }
    int received = 0;
    for (int round = 0; round < 10; round++) {
      for (Message m :
          s.sqs()
              .receiveMessage(ReceiveMessageRequest.builder(url).maxNumberOfMessages(10).build())
              .messages()) {
        received++;
        s.sqs().deleteMessage(url, m.receiptHandle());
      }
      s.advanceBy(Duration.ofSeconds(30));
    }
    return received - 20;
  }

  @Test
  void faults_reordering_perQueue_changesOrderReproducibly() {
    assertEquals(order(3), order(3));
    assertNotEquals(List.of("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9"), order(3));
  }

  private static List<String> order(long seed) {
    AwsSimulator s = AwsSimulator.withSeed(seed);
    String url = s.sqs().createQueue("order");
    s.sqs().setQueueFaults(url, SqsFaults.none().withReordering(0.5, Duration.ofSeconds(1)));
    for (int i = 0; i < 10; i++) {
      s.sqs().sendMessage(url, "m" + i);
    }
    s.advanceBy(Duration.ofSeconds(1));
    return s
        .sqs()
        .receiveMessage(ReceiveMessageRequest.builder(url).maxNumberOfMessages(10).build())
        .messages()
        .stream()
        .map(Message::body)
        .collect(Collectors.toList());
  }
}
