package dev.awssim.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CreateQueue, GetQueueUrl, DeleteQueue, ListQueues, attributes and PurgeQueue (1.2, 1.13). */
class SqsQueueTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(2);
  private final Sqs sqs = sim.sqs();

  private static void assertError(String code, int status, Runnable call) {
    SqsException e = assertThrows(SqsException.class, call::run);
    assertEquals(code, e.errorCode(), e.getMessage());
    assertEquals(status, e.statusCode());
  }

  @Test
  void createQueue_urlAndArn_inAwsFormat() {
    String url = sqs.createQueue("orders");
    assertEquals("https://sqs.us-east-1.amazonaws.com/000000000000/orders", url);
    assertEquals(
        "arn:aws:sqs:us-east-1:000000000000:orders", sqs.getQueueAttributes(url).get("QueueArn"));
    assertEquals(url, sqs.getQueueUrl("orders"));
  }

  @Test
  void createQueue_defaults_areAwsNumbers() {
    Map<String, String> a = sqs.getQueueAttributes(sqs.createQueue("d"));
    assertEquals("30", a.get("VisibilityTimeout"));
    assertEquals("345600", a.get("MessageRetentionPeriod"));
    assertEquals("0", a.get("DelaySeconds"));
    assertEquals("0", a.get("ReceiveMessageWaitTimeSeconds"));
    assertEquals("1048576", a.get("MaximumMessageSize"));
    assertEquals(Long.toString(sim.clock().start().getEpochSecond()), a.get("CreatedTimestamp"));
    assertNull(a.get("FifoQueue"));
  }

  @Test
  void createQueue_fifoDefaults() {
    Map<String, String> a =
        sqs.getQueueAttributes(sqs.createQueue("f.fifo", Map.of("FifoQueue", "true")));
    assertEquals("true", a.get("FifoQueue"));
    assertEquals("false", a.get("ContentBasedDeduplication"));
    assertEquals("queue", a.get("DeduplicationScope"));
    assertEquals("perQueue", a.get("FifoThroughputLimit"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"has space", "dot.name", "x.fifo"})
  void createQueue_badStandardName_invalidParameterValue(String name) {
    assertError("InvalidParameterValue", 400, () -> sqs.createQueue(name));
  }

  @Test
  void createQueue_nameLength_80AllowedAnd81Rejected() {
    sqs.createQueue("a".repeat(80));
    assertError("InvalidParameterValue", 400, () -> sqs.createQueue("a".repeat(81)));
    sqs.createQueue("b".repeat(75) + ".fifo", Map.of("FifoQueue", "true"));
    assertError(
        "InvalidParameterValue",
        400,
        () -> sqs.createQueue("c".repeat(76) + ".fifo", Map.of("FifoQueue", "true")));
  }

  @Test
  void createQueue_fifoWithoutSuffix_invalidParameterValue() {
    assertError(
        "InvalidParameterValue", 400, () -> sqs.createQueue("plain", Map.of("FifoQueue", "true")));
  }

  @Test
  void createQueue_sameNameSameAttributes_returnsExistingUrl() {
    String url = sqs.createQueue("same", Map.of("VisibilityTimeout", "60"));
    assertEquals(url, sqs.createQueue("same", Map.of("VisibilityTimeout", "60")));
  }

  @Test
  void createQueue_sameNameOtherAttributes_queueNameExists() {
    sqs.createQueue("same", Map.of("VisibilityTimeout", "60"));
    SqsException e =
        assertThrows(
            SqsException.class, () -> sqs.createQueue("same", Map.of("VisibilityTimeout", "61")));
    assertEquals("QueueNameExists", e.errorCode());
    assertEquals("QueueAlreadyExists", e.queryErrorCode());
  }

  @Test
  void createQueue_within60sOfDelete_queueDeletedRecently() {
    String url = sqs.createQueue("gone");
    sqs.deleteQueue(url);
    sim.advanceBy(Duration.ofMillis(59_999));
    SqsException e = assertThrows(SqsException.class, () -> sqs.createQueue("gone"));
    assertEquals("QueueDeletedRecently", e.errorCode());
    assertEquals("AWS.SimpleQueueService.QueueDeletedRecently", e.queryErrorCode());
    sim.advanceBy(Duration.ofMillis(1));
    assertEquals(url, sqs.createQueue("gone"));
  }

  @Test
  void operations_onDeletedQueue_queueDoesNotExist() {
    String url = sqs.createQueue("x");
    sqs.deleteQueue(url);
    SqsException e = assertThrows(SqsException.class, () -> sqs.sendMessage(url, "m"));
    assertEquals("QueueDoesNotExist", e.errorCode());
    assertEquals("AWS.SimpleQueueService.NonExistentQueue", e.queryErrorCode());
    assertEquals(400, e.statusCode());
    assertError("QueueDoesNotExist", 400, () -> sqs.getQueueUrl("x"));
  }

  @Test
  void listQueues_prefixAndPaging_sortedByName() {
    sqs.createQueue("b");
    sqs.createQueue("a2");
    sqs.createQueue("a1");
    ListQueuesResult page = sqs.listQueues("a", 1, null);
    assertEquals(List.of(sqs.getQueueUrl("a1")), page.queueUrls());
    ListQueuesResult next = sqs.listQueues("a", 1, page.nextToken());
    assertEquals(List.of(sqs.getQueueUrl("a2")), next.queueUrls());
    assertNull(next.nextToken());
    assertEquals(3, sqs.listQueues().queueUrls().size());
    assertError("InvalidParameterValue", 400, () -> sqs.listQueues(null, 1001, null));
  }

  @ParameterizedTest
  @CsvSource({
    "VisibilityTimeout,43201",
    "VisibilityTimeout,-1",
    "MessageRetentionPeriod,59",
    "MessageRetentionPeriod,1209601",
    "DelaySeconds,901",
    "ReceiveMessageWaitTimeSeconds,21",
    "MaximumMessageSize,1023",
    "MaximumMessageSize,1048577",
    "KmsDataKeyReusePeriodSeconds,59",
    "KmsDataKeyReusePeriodSeconds,86401",
    "VisibilityTimeout,abc"
  })
  void setQueueAttributes_outOfRange_invalidAttributeValueAndNoChange(String name, String value) {
    String url = sqs.createQueue("r");
    Map<String, String> before = sqs.getQueueAttributes(url);
    assertError(
        "InvalidAttributeValue", 400, () -> sqs.setQueueAttributes(url, Map.of(name, value)));
    assertEquals(before, sqs.getQueueAttributes(url));
  }

  @ParameterizedTest
  @CsvSource({
    "VisibilityTimeout,43200",
    "VisibilityTimeout,0",
    "MessageRetentionPeriod,60",
    "MessageRetentionPeriod,1209600",
    "DelaySeconds,900",
    "ReceiveMessageWaitTimeSeconds,20",
    "MaximumMessageSize,1024",
    "MaximumMessageSize,1048576",
    "KmsDataKeyReusePeriodSeconds,60",
    "KmsDataKeyReusePeriodSeconds,86400"
  })
  void setQueueAttributes_rangeBounds_accepted(String name, String value) {
    String url = sqs.createQueue("r");
    sqs.setQueueAttributes(url, Map.of(name, value));
    assertEquals(value, sqs.getQueueAttributes(url).get(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bogus", "ContentBasedDeduplication", "QueueArn"})
  void setQueueAttributes_unknownOrFifoOnlyOnStandard_invalidAttributeName(String name) {
    String url = sqs.createQueue("n");
    assertError("InvalidAttributeName", 400, () -> sqs.setQueueAttributes(url, Map.of(name, "1")));
  }

  @Test
  void setQueueAttributes_fifoQueueAfterCreate_invalidAttributeName() {
    String url = sqs.createQueue("f.fifo", Map.of("FifoQueue", "true"));
    assertError(
        "InvalidAttributeName",
        400,
        () -> sqs.setQueueAttributes(url, Map.of("FifoQueue", "true")));
  }

  @Test
  void setQueueAttributes_perMessageGroupIdWithQueueScope_invalidAttributeValue() {
    String url = sqs.createQueue("f.fifo", Map.of("FifoQueue", "true"));
    assertError(
        "InvalidAttributeValue",
        400,
        () -> sqs.setQueueAttributes(url, Map.of("FifoThroughputLimit", "perMessageGroupId")));
  }

  @Test
  void getQueueAttributes_unknownName_invalidAttributeName() {
    String url = sqs.createQueue("g");
    assertError(
        "InvalidAttributeName", 400, () -> sqs.getQueueAttributes(url, List.of("Nonsense")));
    assertEquals(
        Map.of("VisibilityTimeout", "30"),
        sqs.getQueueAttributes(url, List.of("VisibilityTimeout")));
  }

  @Test
  void purgeQueue_deletesEverythingIncludingInFlight_thenBlocks60s() {
    String url = sqs.createQueue("p");
    sqs.sendMessage(url, "a");
    sqs.sendMessage(url, "b");
    sqs.receiveMessage(url);
    sqs.purgeQueue(url);
    Map<String, String> a = sqs.getQueueAttributes(url);
    assertEquals("0", a.get("ApproximateNumberOfMessages"));
    assertEquals("0", a.get("ApproximateNumberOfMessagesNotVisible"));
    sim.advanceBy(Duration.ofMillis(59_999));
    SqsException e = assertThrows(SqsException.class, () -> sqs.purgeQueue(url));
    assertEquals("PurgeQueueInProgress", e.errorCode());
    assertEquals(403, e.statusCode());
    sim.advanceBy(Duration.ofMillis(1));
    sqs.purgeQueue(url);
    assertTrue(sqs.receiveMessage(url).messages().isEmpty());
  }

  @Test
  void counts_visibleNotVisibleDelayed() {
    String url = sqs.createQueue("c");
    sqs.sendMessage(url, "a");
    sqs.sendMessage(url, "b");
    sqs.sendMessage(SendMessageRequest.builder(url, "c").delaySeconds(10).build());
    sqs.receiveMessage(url);
    Map<String, String> a = sqs.getQueueAttributes(url);
    assertEquals("1", a.get("ApproximateNumberOfMessages"));
    assertEquals("1", a.get("ApproximateNumberOfMessagesNotVisible"));
    assertEquals("1", a.get("ApproximateNumberOfMessagesDelayed"));
  }

  // API_CreateQueue.html: the queue type is fixed at creation, and the FIFO attributes exist on
  // FIFO queues only.
  @Test
  void createQueue_fifoAttributesOnStandard_invalidAttributeName() {
    for (String name :
        List.of("ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit")) {
      assertError("InvalidAttributeName", 400, () -> sqs.createQueue("std", Map.of(name, "x")));
    }
    assertError(
        "QueueNameExists",
        400,
        () -> {
          sqs.createQueue("twin");
          sqs.createQueue("twin", Map.of("DelaySeconds", "1"));
        });
  }
}
