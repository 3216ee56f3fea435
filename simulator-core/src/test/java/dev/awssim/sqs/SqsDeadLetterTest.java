package dev.awssim.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Dead-letter queues: RedrivePolicy, RedriveAllowPolicy and the move
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html).
 */
class SqsDeadLetterTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(6);
  private final Sqs sqs = sim.sqs();

  private static String redrive(String arn, int max) {
    return "{\"deadLetterTargetArn\":\"" + arn + "\",\"maxReceiveCount\":\"" + max + "\"}";
  }

  private String arn(String url) {
    return sqs.getQueueAttributes(url).get("QueueArn");
  }

  private List<Message> receiveAll(String url) {
    return sqs.receiveMessage(
            ReceiveMessageRequest.builder(url)
                .maxNumberOfMessages(10)
                .messageSystemAttributeNames(List.of("All"))
                .messageAttributeNames(List.of("All"))
                .build())
        .messages();
  }

  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void maxReceiveCount3_seenThreeTimes_fourthAttemptMovesToDlq(QueueKind kind) {
    String dlq = kind.create(sqs, "dlq");
    String src = kind.create(sqs, "src", Map.of("RedrivePolicy", redrive(arn(dlq), 3)));
    SendMessageRequest r =
        SendMessageRequest.builder(src, "payload")
            .messageGroupId(kind == QueueKind.FIFO ? "g" : null)
            .messageAttributes(Map.of("k", MessageAttributeValue.ofString("v")))
            .build();
    String id = sqs.sendMessage(r).messageId();
    for (int i = 1; i <= 3; i++) {
      List<Message> got = receiveAll(src);
      assertEquals(1, got.size(), "receive " + i);
      assertEquals(Integer.toString(i), got.get(0).attributes().get("ApproximateReceiveCount"));
      sim.advanceBy(Duration.ofSeconds(30));
    }
    assertTrue(receiveAll(src).isEmpty(), "4th attempt moves instead of delivering");
    List<Message> dead = receiveAll(dlq);
    assertEquals(1, dead.size());
    Message m = dead.get(0);
    assertEquals(id, m.messageId());
    assertEquals("payload", m.body());
    assertEquals("v", m.messageAttributes().get("k").stringValue());
    assertEquals(arn(src), m.attributes().get("DeadLetterQueueSourceArn"));
    assertEquals(1, sim.trace().events(SqsEventType.MOVED_TO_DLQ).size());
  }

  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void redrivePolicy_dlqOfOtherType_invalidParameterValue(QueueKind kind) {
    QueueKind other = kind == QueueKind.FIFO ? QueueKind.STANDARD : QueueKind.FIFO;
    String dlq = other.create(sqs, "dlq");
    SqsException e =
        assertThrows(
            SqsException.class,
            () -> kind.create(sqs, "src", Map.of("RedrivePolicy", redrive(arn(dlq), 3))));
    assertEquals("InvalidParameterValue", e.errorCode());
  }

  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void redrivePolicy_missingDlqOrBadCount_rejected(QueueKind kind) {
    String dlq = kind.create(sqs, "dlq");
    assertEquals(
        "InvalidParameterValue",
        assertThrows(
                SqsException.class,
                () ->
                    kind.create(
                        sqs,
                        "a",
                        Map.of(
                            "RedrivePolicy",
                            redrive("arn:aws:sqs:us-east-1:000000000000:none", 3))))
            .errorCode());
    assertEquals(
        "InvalidAttributeValue",
        assertThrows(
                SqsException.class,
                () -> kind.create(sqs, "b", Map.of("RedrivePolicy", redrive(arn(dlq), 1001))))
            .errorCode());
    kind.create(sqs, "c", Map.of("RedrivePolicy", redrive(arn(dlq), 1000)));
  }

  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void redriveAllowPolicy_denyAllAndByQueue(QueueKind kind) {
    String deny =
        kind.create(
            sqs, "deny", Map.of("RedriveAllowPolicy", "{\"redrivePermission\":\"denyAll\"}"));
    assertThrows(
        SqsException.class,
        () -> kind.create(sqs, "s1", Map.of("RedrivePolicy", redrive(arn(deny), 2))));
    String allowedSource = sqs.getQueueAttributes(kind.create(sqs, "ok")).get("QueueArn");
    String byQueue =
        kind.create(
            sqs,
            "byq",
            Map.of(
                "RedriveAllowPolicy",
                "{\"redrivePermission\":\"byQueue\",\"sourceQueueArns\":[\""
                    + allowedSource
                    + "\"]}"));
    String okUrl = allowedSource.substring(allowedSource.lastIndexOf(':') + 1);
    sqs.setQueueAttributes(
        sqs.getQueueUrl(okUrl), Map.of("RedrivePolicy", redrive(arn(byQueue), 2)));
    assertThrows(
        SqsException.class,
        () -> kind.create(sqs, "other", Map.of("RedrivePolicy", redrive(arn(byQueue), 2))));
  }

  @org.junit.jupiter.api.Test
  void standardDlq_retentionKeepsOriginalEnqueueTime() {
    String dlq = sqs.createQueue("dlq", Map.of("MessageRetentionPeriod", "120"));
    String src = sqs.createQueue("src", Map.of("RedrivePolicy", redrive(arn(dlq), 1)));
    sqs.sendMessage(src, "m");
    sqs.receiveMessage(src);
    sim.advanceBy(Duration.ofSeconds(100));
    assertTrue(receiveAll(src).isEmpty());
    assertEquals("1", sqs.getQueueAttributes(dlq).get("ApproximateNumberOfMessages"));
    sim.advanceBy(Duration.ofSeconds(20));
    assertEquals("0", sqs.getQueueAttributes(dlq).get("ApproximateNumberOfMessages"));
  }

  @org.junit.jupiter.api.Test
  void fifoDlq_retentionResetsOnMove_dedupIdIsMessageId() {
    String dlq = QueueKind.FIFO.create(sqs, "dlq", Map.of("MessageRetentionPeriod", "120"));
    String src = QueueKind.FIFO.create(sqs, "src", Map.of("RedrivePolicy", redrive(arn(dlq), 1)));
    String id = QueueKind.FIFO.send(sqs, src, "m").messageId();
    sqs.receiveMessage(src);
    sim.advanceBy(Duration.ofSeconds(100));
    assertTrue(receiveAll(src).isEmpty());
    sim.advanceBy(Duration.ofSeconds(100));
    List<Message> dead = receiveAll(dlq);
    assertEquals(1, dead.size(), "retention restarted at the move (t=100 s)");
    assertEquals(id, dead.get(0).attributes().get("MessageDeduplicationId"));
  }

  @org.junit.jupiter.api.Test
  void redrivePolicy_namingItself_keepsDeliveringWithoutLooping() {
    String url = sqs.createQueue("self");
    sqs.setQueueAttributes(url, Map.of("RedrivePolicy", redrive(arn(url), 1)));
    sqs.sendMessage(url, "m");
    sqs.receiveMessage(url);
    sim.advanceBy(Duration.ofSeconds(30));
    assertEquals(1, receiveAll(url).size());
  }

  // API_SetQueueAttributes.html: maxReceiveCount "Default: 10".
  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void redrivePolicy_withoutMaxReceiveCount_defaults10_eleventhAttemptMoves(QueueKind kind) {
    String dlq = kind.create(sqs, "dlq");
    String src =
        kind.create(
            sqs, "src", Map.of("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + arn(dlq) + "\"}"));
    assertTrue(
        sqs.getQueueAttributes(src).get("RedrivePolicy").contains("\"maxReceiveCount\":10"),
        sqs.getQueueAttributes(src).get("RedrivePolicy"));
    kind.send(sqs, src, "m");
    for (int i = 1; i <= 10; i++) {
      List<Message> got = receiveAll(src);
      assertEquals(1, got.size(), "receive " + i);
      assertEquals(Integer.toString(i), got.get(0).attributes().get("ApproximateReceiveCount"));
      sim.advanceBy(Duration.ofSeconds(30));
    }
    assertTrue(receiveAll(src).isEmpty(), "the 11th attempt moves the message");
    assertEquals(1, receiveAll(dlq).size());
  }

  // sqs-configure-dead-letter-queue.html: maxReceiveCount 1 to 1,000; a JSON number or string.
  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void redrivePolicy_maxReceiveCountBounds_0Rejected_1And1000Accepted(QueueKind kind) {
    String dlq = kind.create(sqs, "dlq");
    String zero = "{\"deadLetterTargetArn\":\"" + arn(dlq) + "\",\"maxReceiveCount\":0}";
    SqsException e =
        assertThrows(
            SqsException.class, () -> kind.create(sqs, "zero", Map.of("RedrivePolicy", zero)));
    assertEquals("InvalidAttributeValue", e.errorCode());
    assertEquals(400, e.statusCode());
    kind.create(
        sqs,
        "one",
        Map.of(
            "RedrivePolicy",
            "{\"deadLetterTargetArn\":\"" + arn(dlq) + "\",\"maxReceiveCount\":1}"));
    kind.create(sqs, "thousand", Map.of("RedrivePolicy", redrive(arn(dlq), 1000)));
  }

  // API_SetQueueAttributes.html: byQueue takes up to 10 source queue ARNs.
  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void redriveAllowPolicy_byQueue10ArnsAccepted_11Rejected(QueueKind kind) {
    String dlq = kind.create(sqs, "dlq");
    StringBuilder arns = new StringBuilder();
    for (int i = 0; i < 11; i++) {
      String a = arn(kind.create(sqs, "s" + i));
      arns.append(i == 0 ? "" : ",").append('"').append(a).append('"');
      String policy = "{\"redrivePermission\":\"byQueue\",\"sourceQueueArns\":[" + arns + "]}";
      if (i < 10) {
        sqs.setQueueAttributes(dlq, Map.of("RedriveAllowPolicy", policy));
      } else {
        SqsException e =
            assertThrows(
                SqsException.class,
                () -> sqs.setQueueAttributes(dlq, Map.of("RedriveAllowPolicy", policy)));
        assertEquals("InvalidAttributeValue", e.errorCode());
      }
    }
  }

  // API_ListDeadLetterSourceQueues.html: the queues whose RedrivePolicy names the queue, paged.
  @org.junit.jupiter.api.Test
  void listDeadLetterSourceQueues_namesTheSources_paged() {
    String dlq = sqs.createQueue("dlq");
    String b = sqs.createQueue("b", Map.of("RedrivePolicy", redrive(arn(dlq), 3)));
    sqs.createQueue("c");
    String a = sqs.createQueue("a", Map.of("RedrivePolicy", redrive(arn(dlq), 3)));
    assertEquals(List.of(a, b), sqs.listDeadLetterSourceQueues(dlq, null, null).queueUrls());
    ListQueuesResult first = sqs.listDeadLetterSourceQueues(dlq, 1, null);
    assertEquals(List.of(a), first.queueUrls());
    assertEquals(List.of(b), sqs.listDeadLetterSourceQueues(dlq, 1, first.nextToken()).queueUrls());
    assertTrue(sqs.listDeadLetterSourceQueues(a, null, null).queueUrls().isEmpty());
    assertEquals(
        "QueueDoesNotExist",
        assertThrows(
                SqsException.class, () -> sqs.listDeadLetterSourceQueues(dlq + "x", null, null))
            .errorCode());
  }
}
