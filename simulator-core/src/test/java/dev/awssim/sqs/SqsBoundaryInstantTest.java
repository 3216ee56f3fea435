package dev.awssim.sqs;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every SQS period at its boundary instant, with AWS's number: a period of length d started at t0
 * holds during [t0, t0 + d) and is over at exactly t0 + d, so each test looks at t0 + d - 1 ns and
 * at t0 + d (reference section 0.4; AWS pages cited per test).
 */
class SqsBoundaryInstantTest {
  private static final Duration NANO = Duration.ofNanos(1);

  private final AwsSimulator sim = AwsSimulator.withSeed(17);
  private final Sqs sqs = sim.sqs();
  private final Instant start = sim.now();

  /** AWS's numbers are in seconds; kept so rather than in larger units. */
  private static Duration seconds(long value) {
    return Duration.ofSeconds(value);
  }

  /** Moves the clock to {@code offset} after the start of the test. */
  private void at(Duration offset) {
    sim.advanceTo(start.plus(offset));
  }

  private List<Message> receive(String url) {
    return QueueKind.receiveTen(sqs, url);
  }

  private long visible(String url) {
    return Long.parseLong(sqs.getQueueAttributes(url).get("ApproximateNumberOfMessages"));
  }

  private static String code(Runnable call) {
    return assertThrows(SqsException.class, call::run).errorCode();
  }

  // sqs-visibility-timeout.html: default 30 s.
  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void visibilityTimeoutDefault30s_inFlightAt30sMinus1ns_visibleAt30s(QueueKind kind) {
    String url = kind.create(sqs, "vis");
    kind.send(sqs, url, "m");
    Message first = receive(url).get(0);
    at(seconds(30).minus(NANO));
    assertTrue(receive(url).isEmpty(), "in flight at 30 s - 1 ns");
    assertEquals("1", sqs.getQueueAttributes(url).get("ApproximateNumberOfMessagesNotVisible"));
    at(seconds(30));
    Message again = receive(url).get(0);
    assertEquals(first.messageId(), again.messageId());
    assertNotEquals(first.receiptHandle(), again.receiptHandle());
    assertEquals("2", again.attributes().get("ApproximateReceiveCount"));
  }

  // sqs-visibility-timeout.html: the maximum queue visibility timeout is 12 hours.
  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void queueVisibilityTimeout43200s_inFlightUntilExactly12h(QueueKind kind) {
    String url = kind.create(sqs, "vis12h", Map.of("VisibilityTimeout", "43200"));
    kind.send(sqs, url, "m");
    receive(url);
    at(seconds(43_200).minus(NANO));
    assertTrue(receive(url).isEmpty());
    at(seconds(43_200));
    assertEquals(1, receive(url).size());
  }

  // API_ChangeMessageVisibility.html: queue 60 s, 15 s elapsed, change to 10 s -> 25 s in total.
  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void changeVisibilityAt15sTo10s_queueTimeout60s_visibleAtExactly25s(QueueKind kind) {
    String url = kind.create(sqs, "change", Map.of("VisibilityTimeout", "60"));
    kind.send(sqs, url, "m");
    Message m = receive(url).get(0);
    at(seconds(15));
    sqs.changeMessageVisibility(url, m.receiptHandle(), 10);
    at(seconds(25).minus(NANO));
    assertTrue(receive(url).isEmpty());
    at(seconds(25));
    assertEquals(1, receive(url).size());
  }

  // A changed timeout applies to that receipt only: the next receive gets the queue's 30 s.
  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void changedVisibility_notKeptForTheNextReceive(QueueKind kind) {
    String url = kind.create(sqs, "once");
    kind.send(sqs, url, "m");
    Message m = receive(url).get(0);
    sqs.changeMessageVisibility(url, m.receiptHandle(), 300);
    at(seconds(300));
    assertEquals(1, receive(url).size());
    at(seconds(330).minus(NANO));
    assertTrue(receive(url).isEmpty());
    at(seconds(330));
    assertEquals(1, receive(url).size());
  }

  // sqs-visibility-timeout.html: at most 12 hours from the ReceiveMessage; an error, not a clamp.
  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void visibilityCap12h_fromTheReceive_errorOneNanosecondPast(QueueKind kind) {
    String url = kind.create(sqs, "cap");
    kind.send(sqs, url, "m");
    Message m = receive(url).get(0);
    assertDoesNotThrow(() -> sqs.changeMessageVisibility(url, m.receiptHandle(), 43_200));
    at(seconds(1));
    assertDoesNotThrow(() -> sqs.changeMessageVisibility(url, m.receiptHandle(), 43_199));
    at(seconds(1).plus(NANO));
    SqsException e =
        assertThrows(
            SqsException.class, () -> sqs.changeMessageVisibility(url, m.receiptHandle(), 43_199));
    assertEquals("InvalidParameterValue", e.errorCode());
    assertEquals(400, e.statusCode());
    assertTrue(e.errorMessage().contains("[43200 seconds]"), e.errorMessage());
    at(seconds(43_200).minus(NANO));
    assertTrue(receive(url).isEmpty(), "the failed change left the 12 h window as it was");
    at(seconds(43_200));
    Message again = receive(url).get(0);
    // [INTERP] a new receive opens a new 12 h window.
    assertDoesNotThrow(() -> sqs.changeMessageVisibility(url, again.receiptHandle(), 43_200));
  }

  // sqs-delay-queues.html: DelaySeconds up to 900 s (15 minutes).
  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void queueDelay900s_hiddenUntilExactly900s(QueueKind kind) {
    String url = kind.create(sqs, "delay", Map.of("DelaySeconds", "900"));
    kind.send(sqs, url, "m");
    at(seconds(900).minus(NANO));
    assertTrue(receive(url).isEmpty());
    assertEquals("1", sqs.getQueueAttributes(url).get("ApproximateNumberOfMessagesDelayed"));
    at(seconds(900));
    assertEquals(1, receive(url).size());
  }

  // sqs-message-timers.html: a per-message DelaySeconds of 0 to 900 s overrides the queue's.
  @Test
  void messageTimer900s_overridesQueueDelay_hiddenUntilExactly900s() {
    String url = sqs.createQueue("timer", Map.of("DelaySeconds", "5"));
    sqs.sendMessage(SendMessageRequest.builder(url, "m").delaySeconds(900).build());
    sqs.sendMessage(SendMessageRequest.builder(url, "zero").delaySeconds(0).build());
    List<Message> now = receive(url);
    assertEquals(List.of("zero"), now.stream().map(Message::body).toList());
    sqs.deleteMessage(url, now.get(0).receiptHandle());
    at(seconds(900).minus(NANO));
    assertTrue(receive(url).isEmpty());
    at(seconds(900));
    assertEquals(List.of("m"), receive(url).stream().map(Message::body).toList());
  }

  // API_SendMessageBatch.html: an entry without DelaySeconds gets the queue's delay.
  @Test
  void batchEntryWithoutDelay_getsQueueDelay() {
    String url = sqs.createQueue("bdelay", Map.of("DelaySeconds", "10"));
    sqs.sendMessageBatch(
        url,
        List.of(
            SendMessageBatchRequestEntry.of("a", "queue-delay"),
            new SendMessageBatchRequestEntry("b", "own", 2, null, null, null, null)));
    at(seconds(2));
    assertEquals(List.of("own"), receive(url).stream().map(Message::body).toList());
    at(seconds(10).minus(NANO));
    assertTrue(receive(url).isEmpty());
    at(seconds(10));
    assertEquals(List.of("queue-delay"), receive(url).stream().map(Message::body).toList());
  }

  // quotas-messages.html: retention 60 s minimum, 4 days default, 14 days maximum.
  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void retentionMinimum60s_messagePresentAt60sMinus1ns_goneAt60s(QueueKind kind) {
    String url = kind.create(sqs, "ret60", Map.of("MessageRetentionPeriod", "60"));
    kind.send(sqs, url, "m");
    at(seconds(60).minus(NANO));
    assertEquals(1, visible(url));
    at(seconds(60));
    assertEquals(0, visible(url));
    assertTrue(receive(url).isEmpty());
  }

  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void retentionDefault4Days_goneAtExactly345600s(QueueKind kind) {
    String url = kind.create(sqs, "ret4d");
    kind.send(sqs, url, "m");
    at(seconds(345_600).minus(NANO));
    assertEquals(1, visible(url));
    at(seconds(345_600));
    assertEquals(0, visible(url));
  }

  @Test
  void retentionMaximum14Days_goneAtExactly1209600s_evenWhileInFlight() {
    String url = sqs.createQueue("ret14d", Map.of("MessageRetentionPeriod", "1209600"));
    sqs.sendMessage(url, "m");
    at(seconds(1_209_600 - 60));
    assertEquals(
        1,
        sqs.receiveMessage(ReceiveMessageRequest.builder(url).visibilityTimeout(43_200).build())
            .messages()
            .size());
    at(seconds(1_209_600).minus(NANO));
    assertEquals("1", sqs.getQueueAttributes(url).get("ApproximateNumberOfMessagesNotVisible"));
    at(seconds(1_209_600));
    assertEquals("0", sqs.getQueueAttributes(url).get("ApproximateNumberOfMessagesNotVisible"));
    assertEquals(0, visible(url));
  }

  // using-messagededuplicationid-property.html: the 5-minute deduplication interval.
  @Test
  void fifoDedup5Minutes_duplicateAt300sMinus1ns_newMessageAt300s() {
    String url = QueueKind.FIFO.create(sqs, "dedup");
    SendMessageResult first =
        sqs.sendMessage(
            SendMessageRequest.builder(url, "a")
                .messageGroupId("g")
                .messageDeduplicationId("d")
                .build());
    at(seconds(300).minus(NANO));
    SendMessageResult dup =
        sqs.sendMessage(
            SendMessageRequest.builder(url, "b")
                .messageGroupId("g")
                .messageDeduplicationId("d")
                .build());
    assertEquals(first.messageId(), dup.messageId());
    assertEquals(1, visible(url));
    at(seconds(300));
    SendMessageResult fresh =
        sqs.sendMessage(
            SendMessageRequest.builder(url, "c")
                .messageGroupId("g")
                .messageDeduplicationId("d")
                .build());
    assertNotEquals(first.messageId(), fresh.messageId());
    assertEquals(2, visible(url));
  }

  // API_ReceiveMessage.html: a ReceiveRequestAttemptId can be retried for 5 minutes.
  @Test
  void receiveRequestAttemptId_sameHandlesAt300sMinus1ns_freshReceiveAt300s() {
    String url = QueueKind.FIFO.create(sqs, "attempt");
    QueueKind.FIFO.send(sqs, url, "m");
    ReceiveMessageRequest r =
        ReceiveMessageRequest.builder(url)
            .visibilityTimeout(43_200)
            .receiveRequestAttemptId("a-1")
            .build();
    Message first = sqs.receiveMessage(r).messages().get(0);
    at(seconds(300).minus(NANO));
    assertEquals(first.receiptHandle(), sqs.receiveMessage(r).messages().get(0).receiptHandle());
    at(seconds(300));
    assertTrue(sqs.receiveMessage(r).messages().isEmpty(), "a fresh receive: the group is busy");
  }

  // sqs-visibility-timeout.html (2023): a FIFO receipt handle fails after its timeout.
  @Test
  void fifoDelete_handleWorksAt30sMinus1ns_expiredAt30s() {
    String url = QueueKind.FIFO.create(sqs, "fdel");
    QueueKind.FIFO.send(sqs, url, "a");
    QueueKind.FIFO.send(sqs, url, "b");
    List<Message> got = receive(url);
    at(seconds(30).minus(NANO));
    sqs.deleteMessage(url, got.get(0).receiptHandle());
    at(seconds(30));
    assertEquals(
        "InvalidParameterValue", code(() -> sqs.deleteMessage(url, got.get(1).receiptHandle())));
  }

  // API_PurgeQueue.html: one purge per 60 s.
  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void purge_secondPurgeAt60sMinus1ns_inProgress403_at60sAllowed(QueueKind kind) {
    String url = kind.create(sqs, "purge");
    kind.send(sqs, url, "m");
    receive(url);
    kind.send(sqs, url, "n");
    sqs.purgeQueue(url);
    assertEquals(0, visible(url));
    assertEquals("0", sqs.getQueueAttributes(url).get("ApproximateNumberOfMessagesNotVisible"));
    at(seconds(60).minus(NANO));
    SqsException e = assertThrows(SqsException.class, () -> sqs.purgeQueue(url));
    assertEquals("PurgeQueueInProgress", e.errorCode());
    assertEquals("AWS.SimpleQueueService.PurgeQueueInProgress", e.queryErrorCode());
    assertEquals(403, e.statusCode());
    at(seconds(60));
    assertDoesNotThrow(() -> sqs.purgeQueue(url));
  }

  // API_CreateQueue.html: a deleted queue's name is blocked for 60 s.
  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void createAfterDelete_at60sMinus1ns_deletedRecently_at60sCreated(QueueKind kind) {
    String url = kind.create(sqs, "reborn");
    sqs.deleteQueue(url);
    at(seconds(60).minus(NANO));
    SqsException e = assertThrows(SqsException.class, () -> kind.create(sqs, "reborn"));
    assertEquals("QueueDeletedRecently", e.errorCode());
    assertEquals(400, e.statusCode());
    at(seconds(60));
    assertEquals(url, kind.create(sqs, "reborn"));
  }

  // sqs-short-and-long-polling.html: the longest wait is 20 s.
  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void longPoll20s_messageAt20sMinus1ns_returnedAtThatInstant(QueueKind kind) {
    String url = kind.create(sqs, "lp");
    sim.after(seconds(20).minus(NANO), () -> kind.send(sqs, url, "late"));
    List<Message> got =
        sqs.receiveMessage(ReceiveMessageRequest.builder(url).waitTimeSeconds(20).build())
            .messages();
    assertEquals(1, got.size());
    assertEquals(start.plus(seconds(20)).minus(NANO), sim.now());
  }

  // API_CreateQueue.html: RedrivePolicy moves a message once its receive count exceeds
  // maxReceiveCount; the first receive after the last visibility timeout ends moves it.
  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void redriveMaxReceiveCount1_secondReceiveAt30sMovesToDlq(QueueKind kind) {
    String dlq = kind.create(sqs, "dead");
    String dlqArn = sqs.getQueueAttributes(dlq).get("QueueArn");
    String src =
        kind.create(
            sqs,
            "source",
            Map.of(
                "RedrivePolicy",
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":1}"));
    kind.send(sqs, src, "m");
    assertEquals(1, receive(src).size());
    at(seconds(30).minus(NANO));
    assertTrue(receive(src).isEmpty());
    assertEquals(0, visible(dlq));
    at(seconds(30));
    assertTrue(receive(src).isEmpty(), "moved instead of delivered a second time");
    assertEquals(1, visible(dlq));
  }
}
