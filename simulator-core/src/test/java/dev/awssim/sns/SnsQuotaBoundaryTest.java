package dev.awssim.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.AwsSimulator;
import dev.awssim.sqs.Message;
import dev.awssim.sqs.ReceiveMessageRequest;
import dev.awssim.sqs.Sqs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Quotas and identifier bounds at AWS's numbers: the account's 10,000 filter policies, the 80
 * characters of a batch entry id, the 128 characters of FIFO ids; the group id a standard topic
 * forwards to SQS standard queues; a subscription dead-letter queue in the subscription's account
 * and Region.
 */
class SnsQuotaBoundaryTest {
  private static final String POLICY = "{\"store\":[\"example_corp\"]}";

  private final AwsSimulator sim = AwsSimulator.withSeed(11);
  private final Sns sns = sim.sns();
  private final Sqs sqs = sim.sqs();

  private static String queueArn(int i) {
    return "arn:aws:sqs:us-east-1:000000000000:q" + i;
  }

  private static void assertFilterPolicyLimitExceeded(Runnable call) {
    SnsException e = assertThrows(SnsException.class, call::run);
    assertEquals("FilterPolicyLimitExceeded", e.errorCode());
    assertEquals(403, e.statusCode());
  }

  /**
   * subscription-filter-policy-constraints.html: by default 200 filter policies per topic and
   * 10,000 per account; beyond, Subscribe or SetSubscriptionAttributes with a policy fails, while a
   * subscription without one is still created.
   */
  @Test
  void subscribe_10001stFilterPolicyInTheAccount_filterPolicyLimitExceeded() {
    int topics = 10_000 / 200;
    String last = null;
    for (int t = 0; t < topics; t++) {
      String topic = sns.createTopic("t" + t);
      for (int i = 0; i < 200; i++) {
        last = sns.subscribe(topic, "sqs", queueArn(i), Map.of("FilterPolicy", POLICY));
      }
    }
    String extra = sns.createTopic("extra");
    assertFilterPolicyLimitExceeded(
        () -> sns.subscribe(extra, "sqs", queueArn(0), Map.of("FilterPolicy", POLICY)));
    assertEquals(0, sns.listSubscriptionsByTopic(extra).size());

    String plain = sns.subscribe(extra, "sqs", queueArn(0));
    assertFilterPolicyLimitExceeded(
        () -> sns.setSubscriptionAttributes(plain, "FilterPolicy", POLICY));
    assertFalse(sns.getSubscriptionAttributes(plain).containsKey("FilterPolicy"));

    // Unsubscribing, emptying a policy or deleting a topic frees places in the account; changing
    // a policy that exists does not count it twice.
    sns.unsubscribe(last);
    sns.setSubscriptionAttributes(plain, "FilterPolicy", POLICY);
    assertEquals(POLICY, sns.getSubscriptionAttributes(plain).get("FilterPolicy"));
    sns.setSubscriptionAttributes(plain, "FilterPolicy", "{\"store\":[\"other\"]}");
    String second = sns.subscribe(extra, "sqs", queueArn(1));
    assertFilterPolicyLimitExceeded(
        () -> sns.setSubscriptionAttributes(second, "FilterPolicy", POLICY));
    sns.setSubscriptionAttributes(plain, "FilterPolicy", "");
    sns.setSubscriptionAttributes(second, "FilterPolicy", POLICY);
    assertFilterPolicyLimitExceeded(
        () -> sns.subscribe(extra, "sqs", queueArn(2), Map.of("FilterPolicy", POLICY)));
    sns.deleteTopic(sns.listTopics().get(0));
    for (int i = 2; i < 201; i++) {
      sns.subscribe(extra, "sqs", queueArn(i), Map.of("FilterPolicy", POLICY));
    }
  }

  @Test
  void defaults_accountFilterPolicyQuotaIs10000() {
    assertEquals(10_000, SnsLimits.defaults().maxFilterPoliciesPerAccount());
  }

  /** API_PublishBatch.html: an entry Id is up to 80 alphanumeric characters, - and _. */
  @Test
  void publishBatch_entryIdOf80Accepted_81InvalidBatchEntryId() {
    String topic = sns.createTopic("batch");
    String id80 = "a".repeat(79) + "-";
    assertEquals(
        id80,
        sns.publishBatch(topic, List.of(PublishBatchRequestEntry.of(id80, "m")))
            .successful()
            .get(0)
            .id());
    SnsException e =
        assertThrows(
            SnsException.class,
            () ->
                sns.publishBatch(topic, List.of(PublishBatchRequestEntry.of("a".repeat(81), "m"))));
    assertEquals("InvalidBatchEntryId", e.errorCode());
    assertEquals(400, e.statusCode());
    assertEquals(
        "InvalidBatchEntryId",
        assertThrows(
                SnsException.class,
                () -> sns.publishBatch(topic, List.of(PublishBatchRequestEntry.of("a.b", "m"))))
            .errorCode());
  }

  /** API_Publish.html: MessageGroupId and MessageDeduplicationId are at most 128 characters. */
  @Test
  void publishFifo_groupAndDedupIdsOf128Accepted_129InvalidParameter() {
    String topic = sns.createTopic("ids.fifo", Map.of("FifoTopic", "true"));
    String id128 = "g".repeat(127) + "!";
    sns.publish(
        PublishRequest.builder(topic, "m")
            .messageGroupId(id128)
            .messageDeduplicationId(id128)
            .build());
    for (PublishRequest tooLong :
        List.of(
            PublishRequest.builder(topic, "m")
                .messageGroupId("g".repeat(129))
                .messageDeduplicationId("d")
                .build(),
            PublishRequest.builder(topic, "m")
                .messageGroupId("g")
                .messageDeduplicationId("d".repeat(129))
                .build())) {
      SnsException e = assertThrows(SnsException.class, () -> sns.publish(tooLong));
      assertEquals("InvalidParameter", e.errorCode());
      assertEquals(400, e.statusCode());
    }
  }

  /**
   * sns-publishing.html: on a standard topic the message group ID "is forwarded to all Amazon SQS
   * standard subscriptions" (fair queues).
   */
  @Test
  void publishStandardTopic_withGroupId_forwardedToSqsStandardQueue() {
    String topic = sns.createTopic("tenants");
    String url = sqs.createQueue("work");
    sns.subscribe(
        topic,
        "sqs",
        sqs.getQueueAttributes(url).get("QueueArn"),
        Map.of("RawMessageDelivery", "true"));
    sns.publish(PublishRequest.builder(topic, "a").messageGroupId("tenant-1").build());
    sns.publish(PublishRequest.builder(topic, "b").build());
    List<Message> got =
        sqs.receiveMessage(
                ReceiveMessageRequest.builder(url)
                    .maxNumberOfMessages(10)
                    .messageSystemAttributeNames(List.of("All"))
                    .build())
            .messages();
    assertEquals(List.of("a", "b"), got.stream().map(Message::body).toList());
    assertEquals("tenant-1", got.get(0).attributes().get("MessageGroupId"));
    assertNull(got.get(1).attributes().get("MessageGroupId"));
    assertEquals(
        "InvalidParameter",
        assertThrows(
                SnsException.class,
                () ->
                    sns.publish(
                        PublishRequest.builder(topic, "c").messageGroupId("g".repeat(129)).build()))
            .errorCode());
  }

  /**
   * sns-dead-letter-queues.html: the DLQ is an SQS queue in the same account and Region as the
   * subscription; another is refused and the subscription keeps its policy.
   */
  @Test
  void redrivePolicy_queueInAnotherRegionOrAccount_invalidParameter_stateUnchanged() {
    String topic = sns.createTopic("t");
    String sub = sns.subscribe(topic, "sqs", queueArn(1));
    String sameRegion = "{\"deadLetterTargetArn\":\"" + queueArn(2) + "\"}";
    sns.setSubscriptionAttributes(sub, "RedrivePolicy", sameRegion);
    for (String arn :
        List.of(
            "arn:aws:sqs:eu-west-1:000000000000:dlq", "arn:aws:sqs:us-east-1:111111111111:dlq")) {
      SnsException e =
          assertThrows(
              SnsException.class,
              () ->
                  sns.setSubscriptionAttributes(
                      sub, "RedrivePolicy", "{\"deadLetterTargetArn\":\"" + arn + "\"}"));
      assertEquals("InvalidParameter", e.errorCode());
      assertEquals(400, e.statusCode());
    }
    assertEquals(sameRegion, sns.getSubscriptionAttributes(sub).get("RedrivePolicy"));
  }

  /**
   * sns-message-attributes.html: a name is up to 256 of A-Z, a-z, 0-9, _, - and ., does not start
   * or end with a period nor hold two in a row, and does not start with AWS. or Amazon. in any
   * case.
   */
  @Test
  void publish_attributeNames_awsRules_parameterValueInvalid() {
    String topic = sns.createTopic("names");
    for (String ok : List.of("a".repeat(256), "order.id_2-x", "AWSx", "amazon")) {
      sns.publish(
          PublishRequest.builder(topic, "m")
              .messageAttributes(Map.of(ok, MessageAttributeValue.ofString("v")))
              .build());
    }
    for (String bad :
        List.of("a".repeat(257), ".a", "a.", "a..b", "a b", "AWS.x", "aws.x", "Amazon.x", "é")) {
      SnsException e =
          assertThrows(
              SnsException.class,
              () ->
                  sns.publish(
                      PublishRequest.builder(topic, "m")
                          .messageAttributes(Map.of(bad, MessageAttributeValue.ofString("v")))
                          .build()),
              bad);
      assertEquals("ParameterValueInvalid", e.errorCode());
      assertEquals(400, e.statusCode());
    }
  }
}
