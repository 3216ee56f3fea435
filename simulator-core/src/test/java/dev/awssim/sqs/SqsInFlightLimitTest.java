package dev.awssim.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The in-flight limits at AWS's numbers: about 120,000 per standard queue and 120,000 per FIFO
 * queue (20,000 before the 2025-01-02 model update), {@code
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html}.
 */
class SqsInFlightLimitTest {
  private static final int LIMIT = 120_000;

  private static ReceiveMessageRequest ten(String url) {
    return ReceiveMessageRequest.builder(url).maxNumberOfMessages(10).build();
  }

  private static List<SendMessageBatchRequestEntry> batch(int group, boolean fifo) {
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      entries.add(
          fifo
              ? SendMessageBatchRequestEntry.fifo("e" + i, "m", "g" + group, group + "-" + i)
              : SendMessageBatchRequestEntry.of("e" + i, "m"));
    }
    return entries;
  }

  @Test
  void defaults_areAwsNumbers() {
    assertEquals(LIMIT, SqsLimits.defaults().maxInflightStandard());
    assertEquals(LIMIT, SqsLimits.defaults().maxInflightFifo());
  }

  @Test
  void standard_120000InFlight_shortPollOverLimit403_longPollEmpty_deleteFreesASlot() {
    Sqs sqs = AwsSimulator.withSeed(31).sqs();
    String url = sqs.createQueue("full");
    for (int b = 0; b < LIMIT / 10 + 1; b++) {
      sqs.sendMessageBatch(url, batch(b, false));
    }
    Message last = null;
    for (int r = 0; r < LIMIT / 10; r++) {
      List<Message> got = sqs.receiveMessage(ten(url)).messages();
      assertEquals(10, got.size(), "receive " + r);
      last = got.get(9);
    }
    assertEquals(
        Integer.toString(LIMIT),
        sqs.getQueueAttributes(url).get("ApproximateNumberOfMessagesNotVisible"));
    SqsException e = assertThrows(SqsException.class, () -> sqs.receiveMessage(ten(url)));
    assertEquals("OverLimit", e.errorCode());
    assertEquals("OverLimit", e.queryErrorCode());
    assertEquals(403, e.statusCode());
    assertTrue(
        sqs.receiveMessage(ReceiveMessageRequest.builder(url).waitTimeSeconds(1).build())
            .messages()
            .isEmpty(),
        "a long poll gets no error");
    sqs.deleteMessage(url, last.receiptHandle());
    assertEquals(1, sqs.receiveMessage(ten(url)).messages().size(), "one slot is free");
  }

  @Test
  void fifo_120000InFlight_receivesReturnNothing_withoutError() {
    Sqs sqs =
        AwsSimulator.builder()
            .seed(32)
            .sqsLimits(SqsLimits.defaults().withFifoThrottling(false))
            .build()
            .sqs();
    String url = QueueKind.FIFO.create(sqs, "full");
    for (int g = 0; g < LIMIT / 10 + 1; g++) {
      sqs.sendMessageBatch(url, batch(g, true));
    }
    for (int r = 0; r < LIMIT / 10; r++) {
      assertEquals(10, sqs.receiveMessage(ten(url)).messages().size(), "receive " + r);
    }
    assertEquals(
        Integer.toString(LIMIT),
        sqs.getQueueAttributes(url).get("ApproximateNumberOfMessagesNotVisible"));
    assertEquals("10", sqs.getQueueAttributes(url).get("ApproximateNumberOfMessages"));
    assertTrue(sqs.receiveMessage(ten(url)).messages().isEmpty(), "no error, no message");
  }

  // avoid-backlog-with-the-same-message-group-id.html: FIFO queues scan the first 120,000
  // messages for available groups; a group sent behind a larger backlog waits.
  @Test
  void fifo_groupBehind120000Messages_waitsUntilItIsWithinTheFirst120000() {
    Sqs sqs =
        AwsSimulator.builder()
            .seed(33)
            .sqsLimits(SqsLimits.defaults().withFifoThrottling(false))
            .build()
            .sqs();
    String url = QueueKind.FIFO.create(sqs, "backlog");
    for (int b = 0; b < LIMIT / 10; b++) {
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        entries.add(SendMessageBatchRequestEntry.fifo("e" + i, "a", "A", b + "-" + i));
      }
      sqs.sendMessageBatch(url, entries);
    }
    sqs.sendMessage(
        SendMessageRequest.builder(url, "b")
            .messageGroupId("B")
            .messageDeduplicationId("b")
            .build());
    List<Message> first = sqs.receiveMessage(ten(url)).messages();
    assertEquals(10, first.size());
    assertTrue(
        sqs.receiveMessage(ten(url)).messages().isEmpty(),
        "B's message is the 120,001st: group A blocks it");
    sqs.deleteMessage(url, first.get(0).receiptHandle());
    List<Message> next = sqs.receiveMessage(ten(url)).messages();
    assertEquals(1, next.size(), "now the 120,000th message");
    assertEquals("b", next.get(0).body());
  }
}
