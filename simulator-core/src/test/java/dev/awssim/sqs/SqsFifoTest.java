package dev.awssim.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * FIFO groups, ordering, deduplication, attempt ids and throughput
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-fifo-queues.html).
 */
class SqsFifoTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(4);
  private final Sqs sqs = sim.sqs();

  private String fifo(String name, Map<String, String> extra) {
    Map<String, String> a = new java.util.HashMap<>(extra);
    a.put("FifoQueue", "true");
    return sqs.createQueue(name + ".fifo", a);
  }

  private SendMessageResult send(String url, String body, String group, String dedup) {
    return sqs.sendMessage(
        SendMessageRequest.builder(url, body)
            .messageGroupId(group)
            .messageDeduplicationId(dedup)
            .build());
  }

  private List<String> bodies(String url, int max) {
    return sqs
        .receiveMessage(ReceiveMessageRequest.builder(url).maxNumberOfMessages(max).build())
        .messages()
        .stream()
        .map(Message::body)
        .collect(Collectors.toList());
  }

  @Test
  void send_withoutGroupId_missingParameter() {
    String url = fifo("nogroup", Map.of());
    SqsException e =
        assertThrows(
            SqsException.class,
            () ->
                sqs.sendMessage(
                    SendMessageRequest.builder(url, "m").messageDeduplicationId("d").build()));
    assertEquals("MissingParameter", e.errorCode());
    assertTrue(e.errorMessage().contains("MessageGroupId"));
  }

  @Test
  void send_withoutDedupIdOrContentBasedDedup_invalidParameterValue() {
    String url = fifo("nodedup", Map.of());
    SqsException e = assertThrows(SqsException.class, () -> send(url, "m", "g", null));
    assertEquals("InvalidParameterValue", e.errorCode());
    assertTrue(e.errorMessage().contains("ContentBasedDeduplication"));
  }

  @Test
  void groupIdOf129Characters_rejected() {
    String url = fifo("longgroup", Map.of());
    send(url, "m", "g".repeat(128), "d1");
    SqsException e = assertThrows(SqsException.class, () -> send(url, "m", "g".repeat(129), "d2"));
    assertEquals("InvalidParameterValue", e.errorCode());
  }

  @Test
  void receive_withinGroup_inSendOrder_andBlocksGroupWhileInFlight() {
    String url = fifo("order", Map.of());
    send(url, "a1", "A", "1");
    send(url, "a2", "A", "2");
    send(url, "a3", "A", "3");
    assertEquals(List.of("a1"), bodies(url, 1));
    assertTrue(bodies(url, 10).isEmpty(), "group A is blocked while a1 is in flight");
    sim.advanceBy(Duration.ofSeconds(30));
    assertEquals(List.of("a1", "a2", "a3"), bodies(url, 10));
  }

  @Test
  void receive_otherGroupsKeepFlowingWhileOneIsBlocked() {
    String url = fifo("groups", Map.of());
    send(url, "a1", "A", "1");
    send(url, "b1", "B", "2");
    send(url, "a2", "A", "3");
    assertEquals(List.of("a1"), bodies(url, 1));
    assertEquals(List.of("b1"), bodies(url, 10));
  }

  @Test
  void receive_groupsServedInArrivalOrder_asManyOfOneGroupAsPossible() {
    String url = fifo("arrival", Map.of());
    // group names chosen so that hash order and name order differ from arrival order
    send(url, "z1", "zeta", "1");
    send(url, "a1", "alpha", "2");
    send(url, "z2", "zeta", "3");
    send(url, "m1", "mu", "4");
    assertEquals(List.of("z1", "z2", "a1", "m1"), bodies(url, 10));
  }

  @Test
  void dedup_sameIdWithin5Minutes_acceptedButNotDelivered_returnsOriginalIds() {
    String url = fifo("dedup", Map.of());
    SendMessageResult first = send(url, "m", "g", "d");
    sim.advanceBy(Duration.ofMillis(299_999));
    SendMessageResult dup = send(url, "other", "g", "d");
    assertEquals(first.messageId(), dup.messageId());
    assertEquals(first.sequenceNumber(), dup.sequenceNumber());
    assertEquals(List.of("m"), bodies(url, 10));
    assertEquals(1, sim.trace().events(SqsEventType.DEDUPLICATED).size());
  }

  @Test
  void dedup_after5Minutes_newMessage_evenAfterOriginalDeleted() {
    String url = fifo("dedup5", Map.of());
    send(url, "m", "g", "d");
    Message m = sqs.receiveMessage(url).messages().get(0);
    sqs.deleteMessage(url, m.receiptHandle());
    sim.advanceBy(Duration.ofSeconds(100));
    send(url, "again", "g", "d");
    assertTrue(bodies(url, 10).isEmpty(), "id remembered after delete, inside the window");
    sim.advanceBy(Duration.ofSeconds(200));
    send(url, "later", "g", "d");
    assertEquals(List.of("later"), bodies(url, 10));
  }

  @Test
  void contentBasedDedup_sha256OfBodyOnly() {
    String url = fifo("cbd", Map.of("ContentBasedDeduplication", "true"));
    send(url, "same", "g", null);
    sqs.sendMessage(
        SendMessageRequest.builder(url, "same")
            .messageGroupId("g")
            .messageAttributes(Map.of("x", MessageAttributeValue.ofString("differs")))
            .build());
    send(url, "different", "g", null);
    Message m =
        sqs.receiveMessage(
                ReceiveMessageRequest.builder(url)
                    .maxNumberOfMessages(10)
                    .messageSystemAttributeNames(List.of("MessageDeduplicationId"))
                    .build())
            .messages()
            .get(0);
    // SHA-256("same")
    assertEquals(
        "0967115f2813a3541eaef77de9d9d5773f1c0c04314b0bbfe4ff3b3b1c55b5d5",
        m.attributes().get("MessageDeduplicationId"));
    sim.advanceBy(Duration.ofSeconds(30));
    assertEquals(List.of("same", "different"), bodies(url, 10));
  }

  @Test
  void dedupScopeMessageGroup_sameIdInOtherGroup_isNotADuplicate() {
    String url = fifo("scope", Map.of("DeduplicationScope", "messageGroup"));
    send(url, "a", "A", "d");
    send(url, "b", "B", "d");
    assertEquals(List.of("a", "b"), bodies(url, 10));
    String queueScoped = fifo("qscope", Map.of());
    send(queueScoped, "a", "A", "d");
    send(queueScoped, "b", "B", "d");
    assertEquals(List.of("a"), bodies(queueScoped, 10));
  }

  @Test
  void sequenceNumbers_increaseAndAreNotConsecutive() {
    String url = fifo("seq", Map.of());
    BigInteger a = new BigInteger(send(url, "1", "g", "1").sequenceNumber());
    BigInteger b = new BigInteger(send(url, "2", "g", "2").sequenceNumber());
    assertTrue(b.compareTo(a) > 0);
    assertNotEquals(a.add(BigInteger.ONE), b);
    assertEquals(20, a.toString().length());
  }

  @Test
  void receiveRequestAttemptId_retryReturnsSameHandles_andResetsVisibility() {
    String url = fifo("attempt", Map.of());
    send(url, "m", "g", "1");
    ReceiveMessageRequest r =
        ReceiveMessageRequest.builder(url).receiveRequestAttemptId("try-1").build();
    Message first = sqs.receiveMessage(r).messages().get(0);
    sim.advanceBy(Duration.ofSeconds(20));
    Message retry = sqs.receiveMessage(r).messages().get(0);
    assertEquals(first.receiptHandle(), retry.receiptHandle());
    sim.advanceBy(Duration.ofSeconds(29));
    assertTrue(bodies(url, 1).isEmpty(), "visibility restarted at the retry (t=20 s)");
    sim.advanceBy(Duration.ofSeconds(1));
    assertEquals(List.of("m"), bodies(url, 1));
  }

  @Test
  void receiveRequestAttemptId_afterDelete_isAFreshReceive() {
    String url = fifo("attempt2", Map.of());
    send(url, "m1", "g", "1");
    send(url, "m2", "g", "2");
    ReceiveMessageRequest r =
        ReceiveMessageRequest.builder(url).receiveRequestAttemptId("try").build();
    Message first = sqs.receiveMessage(r).messages().get(0);
    sqs.deleteMessage(url, first.receiptHandle());
    assertEquals("m2", sqs.receiveMessage(r).messages().get(0).body());
  }

  @Test
  void defaultProfile_301stSendInOneSecond_requestThrottled403() {
    String url = fifo("tps", Map.of());
    for (int i = 0; i < 300; i++) {
      send(url, "m", "g", Integer.toString(i));
    }
    SqsException e = assertThrows(SqsException.class, () -> send(url, "m", "g", "x"));
    assertEquals("RequestThrottled", e.errorCode());
    assertEquals(403, e.statusCode());
    assertTrue(e.isThrottling());
    sim.advanceBy(Duration.ofMillis(999));
    assertThrows(SqsException.class, () -> send(url, "m", "g", "x"), "still within the second");
    sim.advanceBy(Duration.ofMillis(1));
    send(url, "m", "g", "x");
    assertEquals(301, sim.trace().events(SqsEventType.SENT).size());
    assertEquals("301", sqs.getQueueAttributes(url).get("ApproximateNumberOfMessages"));
  }

  @Test
  void defaultProfile_receiveAndDelete_eachHave300CallsPerSecond() {
    String url = fifo("tps2", Map.of());
    for (int i = 0; i < 300; i++) {
      sqs.receiveMessage(url);
    }
    assertThrows(SqsException.class, () -> sqs.receiveMessage(url));
    send(url, "m", "g", "1");
    sim.advanceBy(Duration.ofSeconds(1));
    Message m = sqs.receiveMessage(url).messages().get(0);
    for (int i = 0; i < 300; i++) {
      sqs.deleteMessage(url, m.receiptHandle());
    }
    SqsException e =
        assertThrows(SqsException.class, () -> sqs.deleteMessage(url, m.receiptHandle()));
    assertEquals("RequestThrottled", e.errorCode());
  }

  @Test
  void defaultProfile_batching_reaches3000MessagesPerSecond() {
    String url = fifo("batch", Map.of());
    for (int call = 0; call < 300; call++) {
      List<SendMessageBatchRequestEntry> entries = new java.util.ArrayList<>();
      for (int i = 0; i < 10; i++) {
        entries.add(SendMessageBatchRequestEntry.fifo("e" + i, "m", "g", call + "-" + i));
      }
      assertEquals(10, sqs.sendMessageBatch(url, entries).successful().size());
    }
    assertEquals("3000", sqs.getQueueAttributes(url).get("ApproximateNumberOfMessages"));
  }

  @Test
  void highThroughput_quotaPerMessageGroup_notPerQueue() {
    String url =
        fifo(
            "ht",
            Map.of(
                "DeduplicationScope", "messageGroup", "FifoThroughputLimit", "perMessageGroupId"));
    for (int i = 0; i < 300; i++) {
      send(url, "m", "A", Integer.toString(i));
    }
    assertThrows(SqsException.class, () -> send(url, "m", "A", "x"));
    send(url, "m", "B", "x");
  }

  @Test
  void relaxedProfile_doesNotThrottle() {
    Sqs relaxed = AwsSimulator.builder().seed(1).sqsLimits(SqsLimits.relaxed()).build().sqs();
    String url = relaxed.createQueue("q.fifo", Map.of("FifoQueue", "true"));
    for (int i = 0; i < 400; i++) {
      relaxed.sendMessage(
          SendMessageRequest.builder(url, "m")
              .messageGroupId("g")
              .messageDeduplicationId(Integer.toString(i))
              .build());
    }
    assertEquals("400", relaxed.getQueueAttributes(url).get("ApproximateNumberOfMessages"));
    assertFalse(SqsLimits.relaxed().fifoThrottling());
    assertTrue(SqsLimits.defaults().fifoThrottling());
  }

  // high-throughput-fifo.html: only DeduplicationScope=messageGroup with
  // FifoThroughputLimit=perMessageGroupId is high throughput; messageGroup with perQueue keeps the
  // 300 per second per queue quota.
  @Test
  void messageGroupScopeWithPerQueueLimit_isNotHighThroughput_300PerQueue() {
    String url = fifo("half", Map.of("DeduplicationScope", "messageGroup"));
    for (int i = 0; i < 300; i++) {
      send(url, "m", "g" + i, "d" + i);
    }
    SqsException e = assertThrows(SqsException.class, () -> send(url, "m", "other", "x"));
    assertEquals("RequestThrottled", e.errorCode());
    assertEquals(403, e.statusCode());
  }

  // quotas-messages.html: standard queues have nearly unlimited throughput.
  @Test
  void standardQueue_isNotThrottled() {
    String url = sqs.createQueue("std");
    for (int i = 0; i < 5_000; i++) {
      sqs.sendMessage(url, "m");
    }
    assertEquals("5000", sqs.getQueueAttributes(url).get("ApproximateNumberOfMessages"));
  }

  // API_SendMessage.html: group and deduplication ids take letters, digits and punctuation only.
  @Test
  void groupAndDedupIds_punctuationAccepted_spaceOrNonAsciiRejected() {
    String url = fifo("charset", Map.of());
    send(url, "m", "a-Z_0.9!~{}", "d!#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");
    for (String[] bad :
        new String[][] {{"with space", "d1"}, {"g", "with space"}, {"caf\u00e9", "d2"}}) {
      SqsException e = assertThrows(SqsException.class, () -> send(url, "m", bad[0], bad[1]));
      assertEquals("InvalidParameterValue", e.errorCode());
    }
  }

  // API_SendMessage.html: an explicit deduplication id equal to an earlier generated SHA-256 is a
  // duplicate.
  @Test
  void contentBasedDedup_explicitIdEqualToGeneratedHash_isADuplicate() {
    String url = fifo("cbd2", Map.of("ContentBasedDeduplication", "true"));
    SendMessageResult first = send(url, "same", "g", null);
    SendMessageResult dup =
        send(url, "other", "g", "0967115f2813a3541eaef77de9d9d5773f1c0c04314b0bbfe4ff3b3b1c55b5d5");
    assertEquals(first.messageId(), dup.messageId());
    assertEquals(List.of("same"), bodies(url, 10));
  }
}
