package dev.awssim.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Dead-letter queue redrive with StartMessageMoveTask, ListMessageMoveTasks and
 * CancelMessageMoveTask: the messages come back as new messages, with a new id, enqueue time and
 * receive count
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html,
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_StartMessageMoveTask.html).
 */
class SqsMessageMoveTaskTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(51);
  private final Sqs sqs = sim.sqs();

  private String arn(String url) {
    return sqs.getQueueAttributes(url).get("QueueArn");
  }

  /** A source queue with maxReceiveCount 1 whose {@code n} messages are in its DLQ. */
  private String[] deadLettered(QueueKind kind, int n) {
    String dlq = kind.create(sqs, "dlq");
    String src =
        kind.create(
            sqs,
            "src",
            Map.of(
                "VisibilityTimeout",
                "1",
                "RedrivePolicy",
                "{\"deadLetterTargetArn\":\"" + arn(dlq) + "\",\"maxReceiveCount\":1}"));
    for (int i = 0; i < n; i++) {
      sqs.sendMessage(kind.request(src, "m" + i, "g" + i));
    }
    assertEquals(n, QueueKind.receiveTen(sqs, src).size());
    sim.advanceBy(Duration.ofSeconds(1));
    assertTrue(QueueKind.receiveTen(sqs, src).isEmpty(), "moved to the DLQ");
    return new String[] {src, dlq};
  }

  private long count(String url) {
    return Long.parseLong(sqs.getQueueAttributes(url).get("ApproximateNumberOfMessages"));
  }

  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void redrive_backToSource_asNewMessages(QueueKind kind) {
    String[] q = deadLettered(kind, 1);
    Message dead = QueueKind.receiveTen(sqs, q[1]).get(0);
    assertEquals("2", dead.attributes().get("ApproximateReceiveCount"));
    sqs.changeMessageVisibility(q[1], dead.receiptHandle(), 0);
    sim.advanceBy(Duration.ofSeconds(5));
    long at = sim.now().toEpochMilli();
    String handle = sqs.startMessageMoveTask(arn(q[1]), null, null);
    assertNotNull(handle);
    assertEquals(0, count(q[1]));
    Message back = QueueKind.receiveTen(sqs, q[0]).get(0);
    assertEquals("m0", back.body());
    assertNotEquals(dead.messageId(), back.messageId(), "a new message id");
    assertEquals("1", back.attributes().get("ApproximateReceiveCount"), "the count restarts");
    assertEquals(Long.toString(at), back.attributes().get("SentTimestamp"));
    assertNull(back.attributes().get("DeadLetterQueueSourceArn"));
    MessageMoveTask t = sqs.listMessageMoveTasks(arn(q[1]), null).get(0);
    assertEquals("COMPLETED", t.status());
    assertNull(t.taskHandle());
    assertEquals(1, t.approximateNumberOfMessagesMoved());
    assertEquals(1, t.approximateNumberOfMessagesToMove());
    assertEquals(at, t.startedTimestamp());
  }

  @Test
  void redrive_retentionRestartsAtTheMove() {
    String[] q = deadLettered(QueueKind.STANDARD, 1);
    sqs.setQueueAttributes(q[0], Map.of("MessageRetentionPeriod", "60"));
    sim.advanceBy(Duration.ofSeconds(100));
    sqs.startMessageMoveTask(arn(q[1]), null, null);
    sim.advanceBy(Duration.ofSeconds(60).minusNanos(1));
    assertEquals(1, count(q[0]));
    sim.advanceBy(Duration.ofNanos(1));
    assertEquals(0, count(q[0]));
  }

  @Test
  void rate2_movesTwoAtTheStartAndTwoEverySecond() {
    String[] q = deadLettered(QueueKind.STANDARD, 5);
    sqs.startMessageMoveTask(arn(q[1]), null, 2);
    assertEquals(2, count(q[0]));
    MessageMoveTask running = sqs.listMessageMoveTasks(arn(q[1]), 10).get(0);
    assertEquals("RUNNING", running.status());
    assertNotNull(running.taskHandle());
    assertEquals(2, running.maxNumberOfMessagesPerSecond());
    sim.advanceBy(Duration.ofSeconds(1).minusNanos(1));
    assertEquals(2, count(q[0]));
    sim.advanceBy(Duration.ofNanos(1));
    assertEquals(4, count(q[0]));
    sim.advanceBy(Duration.ofSeconds(1));
    assertEquals(5, count(q[0]));
    assertEquals("COMPLETED", sqs.listMessageMoveTasks(arn(q[1]), 1).get(0).status());
  }

  @Test
  void cancel_stopsTheTask_andAHandleOfNoRunningTaskIsResourceNotFound404() {
    String[] q = deadLettered(QueueKind.STANDARD, 3);
    String handle = sqs.startMessageMoveTask(arn(q[1]), null, 1);
    assertEquals(1, sqs.cancelMessageMoveTask(handle));
    sim.advanceBy(Duration.ofSeconds(5));
    assertEquals(1, count(q[0]));
    assertEquals(2, count(q[1]));
    MessageMoveTask t = sqs.listMessageMoveTasks(arn(q[1]), null).get(0);
    assertEquals("CANCELLED", t.status());
    assertEquals(3, t.approximateNumberOfMessagesToMove());
    SqsException e = assertThrows(SqsException.class, () -> sqs.cancelMessageMoveTask(handle));
    assertEquals("ResourceNotFoundException", e.errorCode());
    assertEquals(404, e.statusCode());
  }

  @Test
  void destinationArn_movesThereInstead() {
    String[] q = deadLettered(QueueKind.STANDARD, 2);
    String other = sqs.createQueue("other");
    sqs.startMessageMoveTask(arn(q[1]), arn(other), null);
    assertEquals(2, count(other));
    assertEquals(0, count(q[0]));
  }

  @Test
  void startErrors() {
    String[] q = deadLettered(QueueKind.STANDARD, 2);
    String missing = arn(q[1]) + "-gone";
    SqsException e =
        assertThrows(SqsException.class, () -> sqs.startMessageMoveTask(missing, null, null));
    assertEquals("ResourceNotFoundException", e.errorCode());
    assertEquals(404, e.statusCode());
    assertEquals(
        "InvalidParameterValue",
        assertThrows(SqsException.class, () -> sqs.startMessageMoveTask(arn(q[0]), null, null))
            .errorCode(),
        "the source queue is not a dead-letter queue");
    assertEquals(
        "InvalidParameterValue",
        assertThrows(SqsException.class, () -> sqs.startMessageMoveTask(arn(q[1]), null, 501))
            .errorCode());
    sqs.startMessageMoveTask(arn(q[1]), null, 1);
    assertEquals(
        "InvalidParameterValue",
        assertThrows(SqsException.class, () -> sqs.startMessageMoveTask(arn(q[1]), null, 500))
            .errorCode(),
        "one running task per source queue");
    assertEquals(
        "InvalidParameterValue",
        assertThrows(SqsException.class, () -> sqs.listMessageMoveTasks(arn(q[1]), 11))
            .errorCode());
    assertEquals(List.of(), sqs.listMessageMoveTasks(arn(q[0]), null));
  }
}
