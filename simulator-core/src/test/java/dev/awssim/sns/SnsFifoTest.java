package dev.awssim.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.sqs.Message;
import dev.awssim.sqs.ReceiveMessageRequest;
import dev.awssim.sqs.Sqs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** FIFO topics to FIFO queues: groups, order, 5-minute deduplication. */
class SnsFifoTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(3);
  private final Sns sns = sim.sns();
  private final Sqs sqs = sim.sqs();

  private String fifoTopic(Map<String, String> extra) {
    Map<String, String> a = new java.util.HashMap<>(extra);
    a.put("FifoTopic", "true");
    return sns.createTopic("orders.fifo", a);
  }

  private String fifoQueue(String name) {
    String url = sqs.createQueue(name + ".fifo", Map.of("FifoQueue", "true"));
    return url;
  }

  private String arn(String url) {
    return sqs.getQueueAttributes(url).get("QueueArn");
  }

  private PublishResult publish(String topic, String body, String group, String dedup) {
    return sns.publish(
        PublishRequest.builder(topic, body)
            .messageGroupId(group)
            .messageDeduplicationId(dedup)
            .build());
  }

  private List<String> drain(String url) {
    List<String> all = new java.util.ArrayList<>();
    while (true) {
      List<Message> got =
          sqs.receiveMessage(ReceiveMessageRequest.builder(url).maxNumberOfMessages(10).build())
              .messages();
      if (got.isEmpty()) {
        return all;
      }
      for (Message m : got) {
        all.add(m.body());
        sqs.deleteMessage(url, m.receiptHandle());
      }
    }
  }

  @Test
  void publish_withoutGroupId_invalidParameter() {
    String topic = fifoTopic(Map.of());
    SnsException e = assertThrows(SnsException.class, () -> publish(topic, "m", null, "d"));
    assertEquals("InvalidParameter", e.errorCode());
    assertThrows(SnsException.class, () -> publish(topic, "m", "g", null));
  }

  @Test
  void publish_sameDedupIdWithin5Minutes_deliveredOnce_atExactly5MinutesAgain() {
    String topic = fifoTopic(Map.of());
    String url = fifoQueue("q");
    sns.subscribe(topic, "sqs", arn(url), Map.of("RawMessageDelivery", "true"));
    PublishResult first = publish(topic, "a", "g", "d1");
    sim.advanceBy(Duration.ofMinutes(5).minusMillis(1));
    PublishResult dup = publish(topic, "a2", "g", "d1");
    assertEquals(first, dup);
    assertEquals(List.of("a"), drain(url));
    sim.advanceBy(Duration.ofMillis(1));
    PublishResult again = publish(topic, "a3", "g", "d1");
    assertEquals("10000000000000000002", again.sequenceNumber());
    // The queue's own 5-minute dedup runs from its first send, so it also lets it in now.
    assertEquals(List.of("a3"), drain(url));
  }

  @Test
  void publish_contentBasedDedup_sameBodyDeliveredOnce() {
    String topic = fifoTopic(Map.of("ContentBasedDeduplication", "true"));
    String url = fifoQueue("q");
    sns.subscribe(topic, "sqs", arn(url), Map.of("RawMessageDelivery", "true"));
    publish(topic, "same", "g1", null);
    publish(topic, "same", "g2", null);
    publish(topic, "other", "g1", null);
    assertEquals(List.of("same", "other"), drain(url));
  }

  @Test
  void publish_messageGroupScope_sameIdInTwoGroupsBothDelivered() {
    String topic = fifoTopic(Map.of("FifoThroughputScope", "MessageGroup"));
    String url = fifoQueue("q");
    sns.subscribe(topic, "sqs", arn(url), Map.of("RawMessageDelivery", "true"));
    publish(topic, "x", "g1", "d");
    publish(topic, "y", "g2", "d");
    publish(topic, "z", "g1", "d");
    // The queue deduplicates across the whole queue: the forwarded id "d" is seen again in g2.
    assertEquals(List.of("x"), drain(url));
  }

  @Test
  void publish_manyGroups_orderKeptPerGroupInEachQueue() {
    String topic = fifoTopic(Map.of());
    String q1 = fifoQueue("q1");
    String q2 = fifoQueue("q2");
    sns.subscribe(topic, "sqs", arn(q1), Map.of("RawMessageDelivery", "true"));
    sns.subscribe(topic, "sqs", arn(q2), Map.of("RawMessageDelivery", "true"));
    for (int i = 0; i < 20; i++) {
      publish(topic, (i % 2 == 0 ? "a" : "b") + i, i % 2 == 0 ? "A" : "B", "id" + i);
    }
    for (String url : List.of(q1, q2)) {
      List<String> got = drain(url);
      assertEquals(
          got.stream().filter(b -> b.startsWith("a")).collect(Collectors.toList()),
          List.of("a0", "a2", "a4", "a6", "a8", "a10", "a12", "a14", "a16", "a18"));
      assertEquals(20, got.size());
    }
  }

  @Test
  void subscribe_standardQueueOrHttpToFifoTopic_invalidParameter() {
    String topic = fifoTopic(Map.of());
    String std = sqs.createQueue("std");
    assertThrows(SnsException.class, () -> sns.subscribe(topic, "sqs", arn(std)));
    assertThrows(SnsException.class, () -> sns.subscribe(topic, "https", "https://x"));
  }

  @Test
  void redrivePolicy_standardDlqOnFifoSubscription_invalidParameter() {
    String topic = fifoTopic(Map.of());
    String sub = sns.subscribe(topic, "sqs", arn(fifoQueue("q")));
    String std = arn(sqs.createQueue("std"));
    assertThrows(
        SnsException.class,
        () ->
            sns.setSubscriptionAttributes(
                sub, "RedrivePolicy", "{\"deadLetterTargetArn\":\"" + std + "\"}"));
  }

  @Test
  void publish_standardTopicWithDedupId_invalidParameter() {
    String topic = sns.createTopic("std");
    assertThrows(SnsException.class, () -> publish(topic, "m", "g", "d"));
  }

  @Test
  void publish_deliveryRetried_laterMessagesOfTheGroupWait_orderKeptPerGroup() {
    String topic = fifoTopic(Map.of());
    String url = fifoQueue("q");
    sns.subscribe(topic, "sqs", arn(url), Map.of("RawMessageDelivery", "true"));
    // The queue's first three sends of "a1" fail server-side (throttled); SQS endpoints retry them
    // (3 immediate retries, then 1 s apart: sns-message-delivery-retries.html).
    List<String> delivered = new java.util.ArrayList<>();
    int[] failures = {4};
    sns.setQueueEndpoints(
        d -> {
          if (d.body().equals("a1") && failures[0]-- > 0) {
            return DeliveryStatus.SERVER_ERROR;
          }
          delivered.add(d.messageGroupId() + ":" + d.body());
          return DeliveryStatus.DELIVERED;
        });
    publish(topic, "a1", "A", "1");
    publish(topic, "b1", "B", "2");
    publish(topic, "a2", "A", "3");
    publish(topic, "a3", "A", "4");
    sim.advanceBy(java.time.Duration.ofSeconds(5));

    assertEquals(
        List.of("A:a1", "A:a2", "A:a3"),
        delivered.stream().filter(x -> x.startsWith("A:")).collect(Collectors.toList()));
    assertEquals(4, delivered.size());
  }

  @Test
  void fifoTopic_topicScope_3000MessagesPerSecond_the3001stThrottled_aSecondLaterAccepted() {
    // API_CreateTopic.html, FifoThroughputScope: Topic scope "is limited to a maximum of 3,000
    // messages per second".
    String topic = fifoTopic(Map.of());
    for (int i = 0; i < 3_000; i++) {
      publish(topic, "m" + i, "g" + (i % 7), "d" + i);
    }
    assertEquals(3_000.0, published());

    sim.advanceBy(Duration.ofSeconds(1).minusNanos(1));
    SnsException e = assertThrows(SnsException.class, () -> publish(topic, "late", "g", "late"));
    assertEquals("Throttled", e.errorCode());
    assertEquals(429, e.statusCode());
    assertEquals(3_000.0, published());

    sim.advanceBy(Duration.ofNanos(1));
    publish(topic, "late", "g", "late");
  }

  @Test
  void fifoTopic_topicScope_20MbPerSecond_whicheverComesFirst() {
    String topic = fifoTopic(Map.of());
    String body = "x".repeat(256 * 1024); // 256 KB, the largest message
    for (int i = 0; i < 80; i++) { // 80 x 256 KB = 20 MB
      publish(topic, body, "g", "d" + i);
    }
    SnsException e = assertThrows(SnsException.class, () -> publish(topic, body, "g", "d80"));
    assertEquals("Throttled", e.errorCode());
    sim.advanceBy(Duration.ofSeconds(1));
    publish(topic, body, "g", "d80");
  }

  @Test
  void fifoTopic_messageGroupScope_notHeldToTheTopicQuota() {
    String topic = fifoTopic(Map.of("FifoThroughputScope", "MessageGroup"));
    for (int i = 0; i < 3_001; i++) {
      publish(topic, "m" + i, "g" + (i % 7), "d" + i);
    }
  }

  private double published() {
    return sim.metrics()
        .total(
            new MetricKey(
                Sns.NAMESPACE,
                "NumberOfMessagesPublished",
                Dimensions.of("TopicName", "orders.fifo")));
  }

  /**
   * API_CreateTopic.html: FifoThroughputScope is Topic or MessageGroup and
   * ContentBasedDeduplication true or false, on FIFO topics only; SetTopicAttributes checks them as
   * CreateTopic does, and a refused value changes nothing.
   */
  @Test
  void setTopicAttributes_fifoAttributes_validated_scopeChangeTakesEffect() {
    String topic = fifoTopic(Map.of());
    String standard = sns.createTopic("plain");
    for (String[] bad :
        new String[][] {
          {topic, "FifoThroughputScope", "Group"},
          {topic, "ContentBasedDeduplication", "yes"},
          {standard, "FifoThroughputScope", "MessageGroup"},
          {standard, "ContentBasedDeduplication", "true"}
        }) {
      SnsException e =
          assertThrows(SnsException.class, () -> sns.setTopicAttributes(bad[0], bad[1], bad[2]));
      assertEquals("InvalidParameter", e.errorCode());
      assertEquals(400, e.statusCode());
    }
    assertEquals(null, sns.getTopicAttributes(topic).get("FifoThroughputScope"));
    assertThrows(
        SnsException.class,
        () ->
            sns.createTopic("other.fifo", Map.of("FifoTopic", "true", "FifoThroughputScope", "x")));

    sns.setTopicAttributes(topic, "FifoThroughputScope", "MessageGroup");
    String url = fifoQueue("q");
    sns.subscribe(topic, "sqs", arn(url), Map.of("RawMessageDelivery", "true"));
    PublishResult g1 = publish(topic, "x", "g1", "d");
    PublishResult g2 = publish(topic, "y", "g2", "d");
    // Deduplication is per group now: the same id in another group is a new message.
    assertEquals(false, g1.equals(g2));
  }
}
