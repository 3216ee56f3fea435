package dev.awssim.sqs;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Visibility timeout, receipt handles and ChangeMessageVisibility
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html).
 */
class SqsVisibilityTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(1);
  private final Sqs sqs = sim.sqs();

  private List<Message> receive(String url) {
    return QueueKind.receiveTen(sqs, url);
  }

  private void advanceMillis(long millis) {
    sim.advanceBy(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void receive_defaultTimeout30s_hiddenUntil30sThenRedeliveredWithNewHandle(QueueKind kind) {
    String url = kind.create(sqs, "vis");
    kind.send(sqs, url, "m1");
    Message first = receive(url).get(0);
    assertEquals("1", first.attributes().get("ApproximateReceiveCount"));
    advanceMillis(29_999);
    assertTrue(receive(url).isEmpty(), "still hidden at 29.999 s");
    advanceMillis(1);
    Message second = receive(url).get(0);
    assertEquals(first.messageId(), second.messageId());
    assertEquals("2", second.attributes().get("ApproximateReceiveCount"));
    assertNotEquals(first.receiptHandle(), second.receiptHandle());
  }

  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void changeVisibility_at15sTo10s_visibleAt25s(QueueKind kind) {
    String url = kind.create(sqs, "change");
    kind.send(sqs, url, "m1");
    Message m = receive(url).get(0);
    sim.advanceBy(Duration.ofSeconds(15));
    sqs.changeMessageVisibility(url, m.receiptHandle(), 10);
    advanceMillis(9_999);
    assertTrue(receive(url).isEmpty(), "hidden at 24.999 s");
    advanceMillis(1);
    assertEquals(1, receive(url).size(), "visible at 25 s");
  }

  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void changeVisibility_zero_visibleAtOnce(QueueKind kind) {
    String url = kind.create(sqs, "zero");
    kind.send(sqs, url, "m1");
    Message m = receive(url).get(0);
    sqs.changeMessageVisibility(url, m.receiptHandle(), 0);
    assertEquals(1, receive(url).size());
  }

  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void receive_perCallVisibilityTimeout_appliesToThatReceiveOnly(QueueKind kind) {
    String url = kind.create(sqs, "percall");
    kind.send(sqs, url, "m1");
    sqs.receiveMessage(ReceiveMessageRequest.builder(url).visibilityTimeout(5).build());
    advanceMillis(4_999);
    assertTrue(receive(url).isEmpty());
    advanceMillis(1);
    assertEquals(1, receive(url).size(), "second receive uses the queue's 30 s");
    sim.advanceBy(Duration.ofSeconds(29));
    assertTrue(receive(url).isEmpty());
  }

  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void changeVisibility_beyond12hFromReceive_isAnErrorNotAClamp(QueueKind kind) {
    String url = kind.create(sqs, "cap", java.util.Map.of("VisibilityTimeout", "200"));
    kind.send(sqs, url, "m1");
    Message m = receive(url).get(0);
    sim.advanceBy(Duration.ofSeconds(100));
    SqsException e =
        assertThrows(
            SqsException.class,
            () -> sqs.changeMessageVisibility(url, m.receiptHandle(), 43_200 - 99));
    assertEquals("InvalidParameterValue", e.errorCode());
    assertEquals(400, e.statusCode());
    assertTrue(e.errorMessage().contains("beyond the limit [43200 seconds]"));
    assertDoesNotThrow(() -> sqs.changeMessageVisibility(url, m.receiptHandle(), 43_200 - 100));
  }

  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void changeVisibility_outOfRange_invalidParameterValue(QueueKind kind) {
    String url = kind.create(sqs, "range");
    kind.send(sqs, url, "m1");
    Message m = receive(url).get(0);
    SqsException e =
        assertThrows(
            SqsException.class, () -> sqs.changeMessageVisibility(url, m.receiptHandle(), 43_201));
    assertEquals("InvalidParameterValue", e.errorCode());
  }

  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void changeVisibility_afterTimeoutEnded_messageNotAvailable(QueueKind kind) {
    String url = kind.create(sqs, "late");
    kind.send(sqs, url, "m1");
    Message m = receive(url).get(0);
    sim.advanceBy(Duration.ofSeconds(30));
    SqsException e =
        assertThrows(
            SqsException.class, () -> sqs.changeMessageVisibility(url, m.receiptHandle(), 10));
    assertEquals("InvalidParameterValue", e.errorCode());
    assertTrue(e.errorMessage().contains("not available for visibility timeout change"));
  }

  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void delete_malformedHandle_receiptHandleIsInvalid404(QueueKind kind) {
    String url = kind.create(sqs, "bad");
    SqsException e = assertThrows(SqsException.class, () -> sqs.deleteMessage(url, "not-a-handle"));
    assertEquals("ReceiptHandleIsInvalid", e.errorCode());
    assertEquals(404, e.statusCode());
  }

  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void delete_whileInFlight_removesMessage(QueueKind kind) {
    String url = kind.create(sqs, "del");
    kind.send(sqs, url, "m1");
    Message m = receive(url).get(0);
    sqs.deleteMessage(url, m.receiptHandle());
    sim.advanceBy(Duration.ofSeconds(30));
    assertTrue(receive(url).isEmpty());
    assertEquals("0", sqs.getQueueAttributes(url).get("ApproximateNumberOfMessages"));
  }

  @org.junit.jupiter.api.Test
  void delete_standardStaleHandle_succeedsWithoutDeleting() {
    String url = sqs.createQueue("stale");
    sqs.sendMessage(url, "m1");
    Message first = receive(url).get(0);
    sim.advanceBy(Duration.ofSeconds(30));
    Message second = receive(url).get(0);
    sqs.deleteMessage(url, first.receiptHandle());
    assertEquals("1", sqs.getQueueAttributes(url).get("ApproximateNumberOfMessagesNotVisible"));
    sqs.deleteMessage(url, second.receiptHandle());
    assertEquals("0", sqs.getQueueAttributes(url).get("ApproximateNumberOfMessagesNotVisible"));
  }

  @org.junit.jupiter.api.Test
  void delete_standardLatestHandleAfterTimeout_deletes() {
    String url = sqs.createQueue("latest");
    sqs.sendMessage(url, "m1");
    Message m = receive(url).get(0);
    sim.advanceBy(Duration.ofSeconds(31));
    sqs.deleteMessage(url, m.receiptHandle());
    assertTrue(receive(url).isEmpty());
  }

  @org.junit.jupiter.api.Test
  void delete_fifoHandleAfterTimeout_expiredError() {
    String url = QueueKind.FIFO.create(sqs, "expired");
    QueueKind.FIFO.send(sqs, url, "m1");
    Message m = receive(url).get(0);
    sim.advanceBy(Duration.ofSeconds(30));
    SqsException e =
        assertThrows(SqsException.class, () -> sqs.deleteMessage(url, m.receiptHandle()));
    assertEquals("InvalidParameterValue", e.errorCode());
    assertTrue(e.errorMessage().contains("The receipt handle has expired."));
    assertEquals(1, receive(url).size(), "the failed delete changed nothing");
  }

  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void receive_firstReceiveTimestampAndSentTimestamp_inEpochMillis(QueueKind kind) {
    String url = kind.create(sqs, "stamps");
    sim.advanceBy(Duration.ofMillis(1_500));
    kind.send(sqs, url, "m1");
    sim.advanceBy(Duration.ofSeconds(2));
    Message m = receive(url).get(0);
    long start = sim.clock().start().toEpochMilli();
    assertEquals(Long.toString(start + 1_500), m.attributes().get("SentTimestamp"));
    assertEquals(
        Long.toString(start + 3_500), m.attributes().get("ApproximateFirstReceiveTimestamp"));
  }
}
