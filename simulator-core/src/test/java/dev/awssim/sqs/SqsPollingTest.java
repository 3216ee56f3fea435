package dev.awssim.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Short and long polling, MaxNumberOfMessages and in-flight limits (1.5, 1.8). */
class SqsPollingTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(7);
  private final Sqs sqs = sim.sqs();

  private List<Message> poll(String url, int wait, int max) {
    return sqs.receiveMessage(
            ReceiveMessageRequest.builder(url)
                .waitTimeSeconds(wait)
                .maxNumberOfMessages(max)
                .build())
        .messages();
  }

  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void longPoll_emptyQueue_advancesTheFullWaitAndReturnsEmpty(QueueKind kind) {
    String url = kind.create(sqs, "lp");
    assertTrue(poll(url, 20, 1).isEmpty());
    assertEquals(Duration.ofSeconds(20), sim.clock().elapsed());
  }

  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void longPoll_messageSentByScheduledTask_returnsAtThatInstant(QueueKind kind) {
    String url = kind.create(sqs, "lp");
    sim.after(Duration.ofMillis(7_250), () -> kind.send(sqs, url, "late"));
    List<Message> got = poll(url, 20, 10);
    assertEquals(1, got.size());
    assertEquals(Duration.ofMillis(7_250), sim.clock().elapsed());
  }

  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void longPoll_messageBecomingVisibleLazily_returnsWhenVisible(QueueKind kind) {
    String url = kind.create(sqs, "lazy", Map.of("DelaySeconds", "5"));
    kind.send(sqs, url, "m");
    assertEquals(1, poll(url, 20, 1).size());
    assertEquals(Duration.ofSeconds(5), sim.clock().elapsed());
  }

  @Test
  void queueReceiveWaitTime_makesPlainReceiveALongPoll() {
    String url = sqs.createQueue("q", Map.of("ReceiveMessageWaitTimeSeconds", "3"));
    assertTrue(sqs.receiveMessage(url).messages().isEmpty());
    assertEquals(Duration.ofSeconds(3), sim.clock().elapsed());
    assertTrue(poll(url, 0, 1).isEmpty(), "request-level 0 overrides the queue");
    assertEquals(Duration.ofSeconds(3), sim.clock().elapsed());
  }

  @Test
  void shortPoll_defaultIsDeterministic_returnsEveryVisibleUpToMax() {
    String url = sqs.createQueue("sp");
    for (int i = 0; i < 15; i++) {
      sqs.sendMessage(url, "m" + i);
    }
    List<Message> got = poll(url, 0, 10);
    assertEquals(10, got.size());
    assertEquals("m0", got.get(0).body());
    assertEquals(5, poll(url, 0, 10).size());
  }

  @Test
  void shortPoll_sampling_returnsFewerOrNone_reproducibly() {
    List<Integer> sizes = sampledSizes(11);
    assertEquals(sizes, sampledSizes(11), "same seed, same sample sizes");
    assertTrue(sizes.stream().anyMatch(s -> s < 10), sizes.toString());
    assertTrue(sizes.stream().anyMatch(s -> s == 0), sizes.toString());
  }

  private static List<Integer> sampledSizes(long seed) {
    Sqs s = AwsSimulator.withSeed(seed).sqs();
    s.setFaults(SqsFaults.none().withShortPollSampling(true));
    String url = s.createQueue("sample");
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      s.sendMessage(url, "m");
      int n =
          s.receiveMessage(ReceiveMessageRequest.builder(url).maxNumberOfMessages(10).build())
              .messages()
              .size();
      sizes.add(n);
    }
    return sizes;
  }

  @Test
  void receive_maxNumberOfMessagesOutside1To10_invalidParameterValue() {
    String url = sqs.createQueue("max");
    for (int bad : new int[] {0, 11}) {
      SqsException e = assertThrows(SqsException.class, () -> poll(url, 0, bad));
      assertEquals("InvalidParameterValue", e.errorCode());
      assertTrue(e.errorMessage().contains("Must be between 1 and 10"));
    }
  }

  @Test
  void receive_waitTimeAbove20_invalidParameterValue() {
    String url = sqs.createQueue("wait");
    assertEquals(
        "InvalidParameterValue",
        assertThrows(SqsException.class, () -> poll(url, 21, 1)).errorCode());
  }

  @Test
  void standard_inFlightLimit_shortPollOverLimit403_longPollNoError() {
    Sqs limited =
        AwsSimulator.builder().sqsLimits(SqsLimits.defaults().withMaxInflight(3)).build().sqs();
    String url = limited.createQueue("limit");
    for (int i = 0; i < 5; i++) {
      limited.sendMessage(url, "m");
    }
    assertEquals(
        3,
        limited
            .receiveMessage(ReceiveMessageRequest.builder(url).maxNumberOfMessages(10).build())
            .messages()
            .size());
    SqsException e = assertThrows(SqsException.class, () -> limited.receiveMessage(url));
    assertEquals("OverLimit", e.errorCode());
    assertEquals(403, e.statusCode());
    assertTrue(
        limited
            .receiveMessage(ReceiveMessageRequest.builder(url).waitTimeSeconds(1).build())
            .messages()
            .isEmpty());
  }

  @Test
  void fifo_inFlightLimit_noErrorJustNoMessages() {
    Sqs limited =
        AwsSimulator.builder().sqsLimits(SqsLimits.defaults().withMaxInflight(2)).build().sqs();
    String url = QueueKind.FIFO.create(limited, "limit");
    for (int i = 0; i < 4; i++) {
      limited.sendMessage(QueueKind.FIFO.request(url, "m" + i, "g" + i));
    }
    assertEquals(
        2,
        limited
            .receiveMessage(ReceiveMessageRequest.builder(url).maxNumberOfMessages(10).build())
            .messages()
            .size());
    assertTrue(limited.receiveMessage(url).messages().isEmpty());
  }

  @Test
  void longPoll_insideScheduledTask_failsLoudly() {
    String url = sqs.createQueue("inside");
    List<String> errors = new ArrayList<>();
    sim.after(
        Duration.ofSeconds(1),
        () -> {
          try {
            poll(url, 20, 1);
          } catch (IllegalStateException e) {
            errors.add(e.getMessage());
          }
        });
    sim.advanceBy(Duration.ofSeconds(2));
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).contains("inside a scheduled task"), errors.get(0));
    assertTrue(errors.get(0).contains("Sqs.receiveMessage(request, callback)"), errors.get(0));
  }

  @Test
  void longPoll_queueWaitTimeInsideScheduledTask_failsLoudly_shortPollWorks() {
    String url = sqs.createQueue("inside2", Map.of("ReceiveMessageWaitTimeSeconds", "5"));
    sqs.sendMessage(url, "m");
    List<String> log = new ArrayList<>();
    sim.after(
        Duration.ofSeconds(1),
        () -> {
          try {
            sqs.receiveMessage(url);
          } catch (IllegalStateException e) {
            log.add("refused");
          }
          log.add("short " + poll(url, 0, 1).size());
        });
    sim.advanceBy(Duration.ofSeconds(2));
    assertEquals(List.of("refused", "short 1"), log);
  }

  @Test
  void callbackLongPoll_insideSimulation_completesWhenAMessageArrives() {
    String url = sqs.createQueue("actors");
    List<String> log = new ArrayList<>();
    sim.after(
        Duration.ofSeconds(1),
        () ->
            sqs.receiveMessage(
                ReceiveMessageRequest.builder(url).waitTimeSeconds(20).build(),
                r -> log.add(sim.clock().elapsed() + " " + r.messages().size())));
    sim.after(Duration.ofSeconds(4), () -> sqs.sendMessage(url, "m"));
    sim.advanceBy(Duration.ofSeconds(30));
    assertEquals(List.of("PT4S 1"), log);
  }

  @Test
  void callbackLongPoll_delayedMessage_completesWhenVisible_orEmptyAtDeadline() {
    String url = sqs.createQueue("actors2", Map.of("DelaySeconds", "3"));
    List<String> log = new ArrayList<>();
    sqs.sendMessage(url, "m");
    ReceiveMessageRequest wait5 = ReceiveMessageRequest.builder(url).waitTimeSeconds(5).build();
    sqs.receiveMessage(wait5, r -> log.add(sim.clock().elapsed() + " " + r.messages().size()));
    sqs.receiveMessage(wait5, r -> log.add(sim.clock().elapsed() + " " + r.messages().size()));
    sim.advanceBy(Duration.ofSeconds(10));
    assertEquals(List.of("PT3S 1", "PT5S 0"), log);
  }

  // sqs-short-and-long-polling.html: short polls sample servers while the queue holds fewer than
  // 1,000 messages; with 1,000 or more, the sampling mode returns a full batch.
  @Test
  void shortPollSampling_fewerThan1000_mayReturnFewer_from1000_full() {
    Sqs s = AwsSimulator.withSeed(23).sqs();
    s.setFaults(SqsFaults.none().withShortPollSampling(true));
    String url = s.createQueue("threshold");
    List<SendMessageBatchRequestEntry> ten = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ten.add(SendMessageBatchRequestEntry.of("e" + i, "m"));
    }
    for (int i = 0; i < 100; i++) {
      s.sendMessageBatch(url, ten);
    }
    ReceiveMessageRequest r = ReceiveMessageRequest.builder(url).maxNumberOfMessages(10).build();
    for (int i = 0; i < 20; i++) {
      assertEquals(10, s.receiveMessage(r).messages().size(), "1,000 or more visible: full");
      s.sendMessageBatch(url, ten);
    }
    s.deleteMessage(url, s.receiveMessage(r).messages().get(0).receiptHandle());
    boolean fewer = false;
    for (int i = 0; i < 20 && !fewer; i++) {
      fewer = s.receiveMessage(r).messages().size() < 10;
    }
    assertTrue(fewer, "below 1,000 visible a short poll may return fewer than asked");
  }

  @Test
  void receive_parameterRanges_invalidParameterValue() {
    String url = sqs.createQueue("ranges");
    for (ReceiveMessageRequest bad :
        List.of(
            ReceiveMessageRequest.builder(url).waitTimeSeconds(-1).build(),
            ReceiveMessageRequest.builder(url).visibilityTimeout(-1).build(),
            ReceiveMessageRequest.builder(url).visibilityTimeout(43_201).build())) {
      SqsException e = assertThrows(SqsException.class, () -> sqs.receiveMessage(bad));
      assertEquals("InvalidParameterValue", e.errorCode());
      assertEquals(400, e.statusCode());
    }
    sqs.sendMessage(url, "m");
    assertEquals(
        1,
        sqs.receiveMessage(ReceiveMessageRequest.builder(url).visibilityTimeout(43_200).build())
            .messages()
            .size());
  }

  // API_ReceiveMessage.html: MaxNumberOfMessages defaults to 1.
  @Test
  void receive_withoutMaxNumberOfMessages_returnsOne() {
    String url = sqs.createQueue("one");
    for (int i = 0; i < 3; i++) {
      sqs.sendMessage(url, "m" + i);
    }
    assertEquals(1, sqs.receiveMessage(url).messages().size());
  }
}
