package dev.awssim.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.internal.SimulatorAccess;
import dev.awssim.sqs.Message;
import dev.awssim.sqs.ReceiveMessageRequest;
import dev.awssim.sqs.Sqs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Topics, Publish, PublishBatch, fan-out to SQS, envelope and raw delivery. */
class SnsPublishTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(7);
  private final Sns sns = sim.sns();
  private final Sqs sqs = sim.sqs();

  private String queueArn(String url) {
    return sqs.getQueueAttributes(url).get("QueueArn");
  }

  private List<Message> receive(String url) {
    return sqs.receiveMessage(
            ReceiveMessageRequest.builder(url)
                .maxNumberOfMessages(10)
                .messageAttributeNames(List.of("All"))
                .build())
        .messages();
  }

  @Test
  void createTopic_sameNameTwice_returnsSameArn() {
    String a = sns.createTopic("orders");
    assertEquals("arn:aws:sns:us-east-1:000000000000:orders", a);
    assertEquals(a, sns.createTopic("orders"));
    assertEquals(List.of(a), sns.listTopics());
  }

  @Test
  void createTopic_badNames_invalidParameter() {
    assertEquals(
        "InvalidParameter",
        assertThrows(SnsException.class, () -> sns.createTopic("a b")).errorCode());
    assertThrows(SnsException.class, () -> sns.createTopic("x".repeat(257)));
    sns.createTopic("x".repeat(256));
    assertThrows(SnsException.class, () -> sns.createTopic("plain.fifo"));
    assertThrows(SnsException.class, () -> sns.createTopic("nofifo", Map.of("FifoTopic", "true")));
  }

  @Test
  void publish_missingTopic_notFound404() {
    SnsException e =
        assertThrows(
            SnsException.class,
            () ->
                sns.publish(
                    PublishRequest.builder("arn:aws:sns:us-east-1:000000000000:x", "m").build()));
    assertEquals("NotFound", e.errorCode());
    assertEquals(404, e.statusCode());
  }

  @Test
  void publish_262144Bytes_acceptedAnd262145Refused() {
    String topic = sns.createTopic("big");
    sns.publish(PublishRequest.builder(topic, "x".repeat(SnsLimits.MAX_MESSAGE_BYTES)).build());
    SnsException e =
        assertThrows(
            SnsException.class,
            () -> sns.publish(PublishRequest.builder(topic, "x".repeat(262_145)).build()));
    assertEquals("InvalidParameter", e.errorCode());
    assertEquals(400, e.statusCode());
    assertEquals("Invalid parameter: Message too long", e.errorMessage());
  }

  @Test
  void publish_sizeCountsUtf8BytesAndAttributes() {
    String topic = sns.createTopic("utf8");
    // 131,072 two-byte characters = 262,144 bytes: at the limit.
    sns.publish(PublishRequest.builder(topic, "é".repeat(131_072)).build());
    assertThrows(
        SnsException.class,
        () -> sns.publish(PublishRequest.builder(topic, "é".repeat(131_072) + "x").build()));
    // "k" + "String" + "v" = 8 bytes of attribute.
    Map<String, MessageAttributeValue> a = Map.of("k", MessageAttributeValue.ofString("v"));
    sns.publish(
        PublishRequest.builder(topic, "x".repeat(262_144 - 8)).messageAttributes(a).build());
    assertThrows(
        SnsException.class,
        () ->
            sns.publish(
                PublishRequest.builder(topic, "x".repeat(262_144 - 7))
                    .messageAttributes(a)
                    .build()));
  }

  @Test
  void publish_subjectOf99Accepted_100Refused() {
    String topic = sns.createTopic("subj");
    sns.publish(PublishRequest.builder(topic, "m").subject("s".repeat(99)).build());
    assertThrows(
        SnsException.class,
        () -> sns.publish(PublishRequest.builder(topic, "m").subject("s".repeat(100)).build()));
    assertThrows(
        SnsException.class,
        () -> sns.publish(PublishRequest.builder(topic, "m").subject("a\nb").build()));
  }

  @Test
  void publish_toSqs_deliversEnvelopeWithAwsFields() {
    String topic = sns.createTopic("orders");
    String url = sqs.createQueue("q");
    String sub = sns.subscribe(topic, "sqs", queueArn(url));
    assertTrue(sub.startsWith(topic + ":"));
    Map<String, MessageAttributeValue> attrs = new LinkedHashMap<>();
    attrs.put("store", MessageAttributeValue.ofString("example_corp"));
    attrs.put("price", MessageAttributeValue.ofNumber("301.5"));
    PublishResult r =
        sns.publish(
            PublishRequest.builder(topic, "hello \"world\"")
                .subject("greeting")
                .messageAttributes(attrs)
                .build());
    List<Message> got = receive(url);
    assertEquals(1, got.size());
    String body = got.get(0).body();
    Map<?, ?> env = (Map<?, ?>) Json.parse(body);
    assertEquals(
        List.of(
            "Type",
            "MessageId",
            "TopicArn",
            "Subject",
            "Message",
            "Timestamp",
            "SignatureVersion",
            "Signature",
            "SigningCertURL",
            "UnsubscribeURL",
            "MessageAttributes"),
        new ArrayList<>(env.keySet()));
    assertEquals("Notification", env.get("Type"));
    assertEquals(r.messageId(), env.get("MessageId"));
    assertEquals("hello \"world\"", env.get("Message"));
    assertEquals("2025-01-01T00:00:00.000Z", env.get("Timestamp"));
    assertEquals("1", env.get("SignatureVersion"));
    assertEquals(
        "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=" + sub,
        env.get("UnsubscribeURL"));
    Map<?, ?> price = (Map<?, ?>) ((Map<?, ?>) env.get("MessageAttributes")).get("price");
    assertEquals("Number", price.get("Type"));
    assertEquals("301.5", price.get("Value"));
    assertTrue(got.get(0).messageAttributes().isEmpty());
  }

  @Test
  void publish_rawDelivery_bodyAsPublishedAndAttributesAsSqsAttributes() {
    String topic = sns.createTopic("raw");
    String url = sqs.createQueue("q");
    sns.subscribe(topic, "sqs", queueArn(url), Map.of("RawMessageDelivery", "true"));
    sns.publish(
        PublishRequest.builder(topic, "plain")
            .messageAttributes(Map.of("store", MessageAttributeValue.ofString("a")))
            .build());
    Message m = receive(url).get(0);
    assertEquals("plain", m.body());
    assertEquals("a", m.messageAttributes().get("store").stringValue());
  }

  @Test
  void publish_rawDeliveryWith11Attributes_clientErrorNotRetried() {
    String topic = sns.createTopic("raw11");
    String url = sqs.createQueue("q");
    sns.subscribe(topic, "sqs", queueArn(url), Map.of("RawMessageDelivery", "true"));
    Map<String, MessageAttributeValue> eleven = new LinkedHashMap<>();
    for (int i = 0; i < 11; i++) {
      eleven.put("a" + i, MessageAttributeValue.ofString("v"));
    }
    sns.publish(PublishRequest.builder(topic, "m").messageAttributes(eleven).build());
    sim.advanceBy(java.time.Duration.ofDays(1));
    assertTrue(receive(url).isEmpty());
    assertEquals(1.0, metric("raw11", "NumberOfNotificationsFailed"));
    assertEquals(0, SimulatorAccess.scheduler(sim).pendingCount());
  }

  @Test
  void publish_queueDeleted_clientErrorGoesToSubscriptionDlq() {
    String topic = sns.createTopic("dlq");
    String url = sqs.createQueue("q");
    String dlq = sqs.createQueue("dlq");
    String sub = sns.subscribe(topic, "sqs", queueArn(url));
    sns.setSubscriptionAttributes(
        sub, "RedrivePolicy", "{\"deadLetterTargetArn\":\"" + queueArn(dlq) + "\"}");
    sqs.deleteQueue(url);
    sns.publish(PublishRequest.builder(topic, "m").build());
    List<Message> dead = receive(dlq);
    assertEquals(1, dead.size());
    assertEquals("m", ((Map<?, ?>) Json.parse(dead.get(0).body())).get("Message"));
    assertEquals(1.0, metric("dlq", "NumberOfNotificationsFailed"));
    assertEquals(1.0, metric("dlq", "NumberOfNotificationsRedrivenToDlq"));
  }

  @Test
  void publish_messageStructureJson_sendsProtocolEntryOrDefault() {
    String topic = sns.createTopic("json");
    String url = sqs.createQueue("q");
    sns.subscribe(topic, "sqs", queueArn(url), Map.of("RawMessageDelivery", "true"));
    List<String> events = new ArrayList<>();
    String fn = "arn:aws:lambda:us-east-1:000000000000:function:f";
    sns.registerFunction(
        fn,
        e -> {
          events.add(e);
          return DeliveryStatus.DELIVERED;
        });
    sns.subscribe(topic, "lambda", fn);
    sns.publish(
        PublishRequest.builder(topic, "{\"default\":\"d\",\"sqs\":\"for sqs\"}")
            .messageStructure("json")
            .build());
    assertEquals("for sqs", receive(url).get(0).body());
    Map<?, ?> record =
        (Map<?, ?>) ((List<?>) ((Map<?, ?>) Json.parse(events.get(0))).get("Records")).get(0);
    assertEquals("aws:sns", record.get("EventSource"));
    Map<?, ?> snsPart = (Map<?, ?>) record.get("Sns");
    assertEquals("d", snsPart.get("Message"));
    assertEquals(Json.NULL, snsPart.get("Subject"));
    assertTrue(snsPart.containsKey("SigningCertUrl"));
  }

  @Test
  void publish_messageStructureWithoutDefault_invalidParameter() {
    String topic = sns.createTopic("json");
    SnsException e =
        assertThrows(
            SnsException.class,
            () ->
                sns.publish(
                    PublishRequest.builder(topic, "{\"sqs\":\"x\"}")
                        .messageStructure("json")
                        .build()));
    assertEquals(
        "Invalid parameter: Message Structure - No default entry in JSON message body",
        e.errorMessage());
  }

  @Test
  void publish_invalidAttribute_parameterValueInvalid_andNothingDelivered() {
    String topic = sns.createTopic("attr");
    String url = sqs.createQueue("q");
    sns.subscribe(topic, "sqs", queueArn(url));
    SnsException e =
        assertThrows(
            SnsException.class,
            () ->
                sns.publish(
                    PublishRequest.builder(topic, "m")
                        .messageAttributes(Map.of("n", MessageAttributeValue.ofNumber("abc")))
                        .build()));
    assertEquals("ParameterValueInvalid", e.errorCode());
    assertTrue(receive(url).isEmpty());
    assertEquals(0.0, metric("attr", "NumberOfMessagesPublished"));
  }

  @Test
  void publishBatch_tenEntriesAccepted_elevenRefused() {
    String topic = sns.createTopic("batch");
    List<PublishBatchRequestEntry> ten = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ten.add(PublishBatchRequestEntry.of("e" + i, "m" + i));
    }
    assertEquals(10, sns.publishBatch(topic, ten).successful().size());
    List<PublishBatchRequestEntry> eleven = new ArrayList<>(ten);
    eleven.add(PublishBatchRequestEntry.of("e10", "m"));
    assertEquals(
        "TooManyEntriesInBatchRequest",
        assertThrows(SnsException.class, () -> sns.publishBatch(topic, eleven)).errorCode());
    assertEquals(
        "EmptyBatchRequest",
        assertThrows(SnsException.class, () -> sns.publishBatch(topic, List.of())).errorCode());
    assertEquals(
        "BatchEntryIdsNotDistinct",
        assertThrows(
                SnsException.class,
                () ->
                    sns.publishBatch(
                        topic,
                        List.of(
                            PublishBatchRequestEntry.of("a", "1"),
                            PublishBatchRequestEntry.of("a", "2"))))
            .errorCode());
  }

  @Test
  void publishBatch_totalOver262144_batchRequestTooLong() {
    String topic = sns.createTopic("batch");
    List<PublishBatchRequestEntry> exact =
        List.of(
            PublishBatchRequestEntry.of("a", "x".repeat(131_072)),
            PublishBatchRequestEntry.of("b", "x".repeat(131_072)));
    assertEquals(2, sns.publishBatch(topic, exact).successful().size());
    List<PublishBatchRequestEntry> over =
        List.of(
            PublishBatchRequestEntry.of("a", "x".repeat(131_072)),
            PublishBatchRequestEntry.of("b", "x".repeat(131_073)));
    assertEquals(
        "BatchRequestTooLong",
        assertThrows(SnsException.class, () -> sns.publishBatch(topic, over)).errorCode());
  }

  @Test
  void publishBatch_badEntry_failsAloneWithSenderFault() {
    String topic = sns.createTopic("batch");
    PublishBatchResult r =
        sns.publishBatch(
            topic,
            List.of(
                PublishBatchRequestEntry.of("ok", "m"),
                new PublishBatchRequestEntry(
                    "bad", PublishRequest.builder(null, "m").subject("").build())));
    assertEquals(1, r.successful().size());
    assertEquals("bad", r.failed().get(0).id());
    assertEquals("InvalidParameter", r.failed().get(0).code());
    assertTrue(r.failed().get(0).senderFault());
  }

  @Test
  void publish_metricsUnderAwsNames() {
    String topic = sns.createTopic("m");
    String url = sqs.createQueue("q");
    sns.subscribe(topic, "sqs", queueArn(url));
    sns.publish(PublishRequest.builder(topic, "12345").build());
    assertEquals(1.0, metric("m", "NumberOfMessagesPublished"));
    assertEquals(5.0, metric("m", "PublishSize"));
    assertEquals(1.0, metric("m", "NumberOfNotificationsDelivered"));
  }

  @Test
  void deleteTopic_thenPublish_notFound_andSubscriptionsGone() {
    String topic = sns.createTopic("gone");
    String url = sqs.createQueue("q");
    sns.subscribe(topic, "sqs", queueArn(url));
    sns.deleteTopic(topic);
    assertTrue(sns.listSubscriptions().isEmpty());
    assertThrows(SnsException.class, () -> sns.publish(PublishRequest.builder(topic, "m").build()));
    sns.deleteTopic(topic);
  }

  @Test
  void subscribe_sameEndpointTwice_returnsSameArn_unsubscribeStopsDelivery() {
    String topic = sns.createTopic("t");
    String url = sqs.createQueue("q");
    String a = sns.subscribe(topic, "sqs", queueArn(url));
    assertEquals(a, sns.subscribe(topic, "sqs", queueArn(url)));
    sns.unsubscribe(a);
    sns.publish(PublishRequest.builder(topic, "m").build());
    assertTrue(receive(url).isEmpty());
    assertEquals(
        "NotFound", assertThrows(SnsException.class, () -> sns.unsubscribe(a)).errorCode());
  }

  @Test
  void subscribe_fifoQueueToStandardTopic_invalidParameter() {
    String topic = sns.createTopic("t");
    String url = sqs.createQueue("q.fifo", Map.of("FifoQueue", "true"));
    assertThrows(SnsException.class, () -> sns.subscribe(topic, "sqs", queueArn(url)));
    assertThrows(SnsException.class, () -> sns.subscribe(topic, "email", "a@b.c"));
  }

  @Test
  void subscribe_toDeletedQueue_clientErrorDiscarded() {
    String topic = sns.createTopic("t");
    String url = sqs.createQueue("q");
    sns.subscribe(topic, "sqs", queueArn(url));
    sqs.deleteQueue(url);
    PublishResult r = sns.publish(PublishRequest.builder(topic, "m").build());
    assertFalse(r.messageId().isEmpty());
    assertNull(r.sequenceNumber());
    assertEquals(1.0, metric("t", "NumberOfNotificationsFailed"));
  }

  @Test
  void publish_filterPolicy_keepsMatchingAndCountsFilteredOut() {
    String topic = sns.createTopic("f");
    String kept = sqs.createQueue("kept");
    String dropped = sqs.createQueue("dropped");
    sns.subscribe(
        topic,
        "sqs",
        queueArn(kept),
        Map.of("FilterPolicy", "{\"store\":[\"example_corp\"]}", "RawMessageDelivery", "true"));
    sns.subscribe(
        topic,
        "sqs",
        queueArn(dropped),
        Map.of("FilterPolicy", "{\"store\":[\"other\"]}", "RawMessageDelivery", "true"));
    sns.publish(
        PublishRequest.builder(topic, "m")
            .messageAttributes(Map.of("store", MessageAttributeValue.ofString("example_corp")))
            .build());
    sns.publish(PublishRequest.builder(topic, "no attributes").build());
    assertEquals(1, receive(kept).size());
    assertTrue(receive(dropped).isEmpty());
    assertEquals(3.0, metric("f", "NumberOfNotificationsFilteredOut"));
    assertEquals(1.0, metric("f", "NumberOfNotificationsFilteredOut-MessageAttributes"));
    assertEquals(2.0, metric("f", "NumberOfNotificationsFilteredOut-NoMessageAttributes"));
  }

  @Test
  void setSubscriptionAttributes_invalidPolicy_rejectedAndOldPolicyKept() {
    String topic = sns.createTopic("f");
    String url = sqs.createQueue("q");
    String sub =
        sns.subscribe(topic, "sqs", queueArn(url), Map.of("FilterPolicy", "{\"a\":[\"x\"]}"));
    SnsException e =
        assertThrows(
            SnsException.class,
            () -> sns.setSubscriptionAttributes(sub, "FilterPolicy", "{\"a\":[]}"));
    assertEquals(
        "Invalid parameter: Attributes Reason: FilterPolicy: Empty arrays are not allowed",
        e.errorMessage());
    assertEquals("{\"a\":[\"x\"]}", sns.getSubscriptionAttributes(sub).get("FilterPolicy"));
    sns.setSubscriptionAttributes(sub, "FilterPolicyScope", "MessageBody");
    sns.publish(PublishRequest.builder(topic, "{\"a\":\"x\"}").build());
    assertEquals(1, receive(url).size());
  }

  @Test
  void subscribe_201stFilterPolicyOnTopic_filterPolicyLimitExceeded() {
    String topic = sns.createTopic("many");
    for (int i = 0; i < SnsLimits.MAX_FILTER_POLICIES_PER_TOPIC; i++) {
      sns.subscribe(
          topic,
          "sqs",
          "arn:aws:sqs:us-east-1:000000000000:q" + i,
          Map.of("FilterPolicy", "{\"a\":[\"x\"]}"));
    }
    SnsException e =
        assertThrows(
            SnsException.class,
            () ->
                sns.subscribe(
                    topic,
                    "sqs",
                    "arn:aws:sqs:us-east-1:000000000000:last",
                    Map.of("FilterPolicy", "{\"a\":[\"x\"]}")));
    assertEquals("FilterPolicyLimitExceeded", e.errorCode());
    assertEquals(200, sns.listSubscriptionsByTopic(topic).size());
  }

  private double metric(String topic, String name) {
    return sim.metrics()
        .total(new MetricKey(Sns.NAMESPACE, name, Dimensions.of("TopicName", topic)));
  }
}
