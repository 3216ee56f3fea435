package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sns.model.ThrottledException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** SNS end to end through the SDK's {@link SnsClient}, fanning out to queues read by SqsClient. */
class SimulatedSnsClientTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(7);
  private final SimulatedAws aws = SimulatedAws.from(sim);
  private final SnsClient sns = aws.snsClient();
  private final SqsClient sqs = aws.sqsClient();

  private String queue(String name) {
    return sqs.createQueue(b -> b.queueName(name)).queueUrl();
  }

  private String arnOf(String url) {
    return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes()
        .get(QueueAttributeName.QUEUE_ARN);
  }

  private String subscribe(String topic, String url, Map<String, String> attributes) {
    return sns.subscribe(
            b -> b.topicArn(topic).protocol("sqs").endpoint(arnOf(url)).attributes(attributes))
        .subscriptionArn();
  }

  private String rawSubscription(String topic, String url) {
    String sub = subscribe(topic, url, Map.of());
    sns.setSubscriptionAttributes(
        b -> b.subscriptionArn(sub).attributeName("RawMessageDelivery").attributeValue("true"));
    return sub;
  }

  private List<Message> receive(String url) {
    return sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();
  }

  @Test
  void publish_toSqsSubscriber_deliversJsonEnvelope() {
    String topic = sns.createTopic(b -> b.name("orders")).topicArn();
    String url = queue("q");
    subscribe(topic, url, Map.of());

    String id =
        sns.publish(b -> b.topicArn(topic).message("hello").subject("greeting")).messageId();

    List<Message> got = receive(url);
    assertEquals(1, got.size());
    Map<String, JsonNode> envelope = JsonNode.parser().parse(got.get(0).body()).asObject();
    assertEquals("Notification", envelope.get("Type").text());
    assertEquals(id, envelope.get("MessageId").text());
    assertEquals(topic, envelope.get("TopicArn").text());
    assertEquals("greeting", envelope.get("Subject").text());
    assertEquals("hello", envelope.get("Message").text());
  }

  @Test
  void publish_rawMessageDelivery_deliversBodyAsIs() {
    String topic = sns.createTopic(b -> b.name("raw")).topicArn();
    String url = queue("q");
    String sub = rawSubscription(topic, url);

    sns.publish(b -> b.topicArn(topic).message("{\"a\":1}"));

    assertEquals("{\"a\":1}", receive(url).get(0).body());
    assertEquals(
        "true",
        sns.getSubscriptionAttributes(b -> b.subscriptionArn(sub))
            .attributes()
            .get("RawMessageDelivery"));
  }

  @Test
  void publish_filterPolicyNotMatched_dropsMessage() {
    String topic = sns.createTopic(b -> b.name("filtered")).topicArn();
    String kept = queue("kept");
    String dropped = queue("dropped");
    subscribe(topic, kept, Map.of());
    subscribe(topic, dropped, Map.of("FilterPolicy", "{\"store\":[\"example_corp\"]}"));

    sns.publish(
        b ->
            b.topicArn(topic)
                .message("m")
                .messageAttributes(
                    Map.of(
                        "store",
                        MessageAttributeValue.builder()
                            .dataType("String")
                            .stringValue("other_corp")
                            .build())));

    assertEquals(1, receive(kept).size());
    assertTrue(receive(dropped).isEmpty());
  }

  @Test
  void subscribe_invalidFilterPolicy_invalidParameterWithAwsMessage() {
    String topic = sns.createTopic(b -> b.name("t")).topicArn();
    String url = queue("q");

    InvalidParameterException e =
        assertThrows(
            InvalidParameterException.class,
            () -> subscribe(topic, url, Map.of("FilterPolicy", "{\"a\":[]}")));

    assertEquals("InvalidParameter", e.awsErrorDetails().errorCode());
    assertEquals(400, e.statusCode());
    assertEquals(
        "Invalid parameter: Attributes Reason: FilterPolicy: Empty arrays are not allowed",
        e.awsErrorDetails().errorMessage());
    assertTrue(
        sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions().isEmpty(),
        "a rejected Subscribe leaves no subscription");
  }

  @Test
  void publish_262145Bytes_invalidParameter_262144Accepted() {
    String topic = sns.createTopic(b -> b.name("big")).topicArn();

    InvalidParameterException e =
        assertThrows(
            InvalidParameterException.class,
            () -> sns.publish(b -> b.topicArn(topic).message("x".repeat(262_145))));
    assertEquals(400, e.statusCode());
    assertEquals("Invalid parameter: Message too long", e.awsErrorDetails().errorMessage());

    sns.publish(b -> b.topicArn(topic).message("x".repeat(262_144)));
  }

  @Test
  void deleteTopic_thenPublish_notFound404() {
    String topic = sns.createTopic(b -> b.name("gone")).topicArn();
    sns.deleteTopic(b -> b.topicArn(topic));

    NotFoundException e =
        assertThrows(
            NotFoundException.class, () -> sns.publish(b -> b.topicArn(topic).message("m")));
    assertEquals("NotFound", e.awsErrorDetails().errorCode());
    assertEquals(404, e.statusCode());
  }

  @Test
  void publishBatch_twoEntries_bothDeliveredInOrder() {
    String topic = sns.createTopic(b -> b.name("batch")).topicArn();
    String url = queue("q");
    rawSubscription(topic, url);

    PublishBatchResponse r =
        sns.publishBatch(
            b ->
                b.topicArn(topic)
                    .publishBatchRequestEntries(
                        e -> e.id("e1").message("one"), e -> e.id("e2").message("two")));

    assertEquals(List.of("e1", "e2"), r.successful().stream().map(s -> s.id()).toList());
    assertTrue(r.failed().isEmpty());
    assertEquals(List.of("one", "two"), receive(url).stream().map(Message::body).toList());
  }

  @Test
  void listTopics_101Topics_pagesOf100() {
    for (int i = 0; i < 101; i++) {
      String name = "t" + i;
      sns.createTopic(b -> b.name(name));
    }

    var first = sns.listTopics(b -> {});
    assertEquals(100, first.topics().size());
    var second = sns.listTopics(b -> b.nextToken(first.nextToken()));
    assertEquals(1, second.topics().size());
    assertNull(second.nextToken());
  }

  @Test
  void listSubscriptions_andUnsubscribe_reflectsState() {
    String topic = sns.createTopic(b -> b.name("subs")).topicArn();
    String url = queue("q");
    String sub = subscribe(topic, url, Map.of());

    List<Subscription> all = sns.listSubscriptions().subscriptions();
    assertEquals(1, all.size());
    assertEquals(sub, all.get(0).subscriptionArn());
    assertEquals("sqs", all.get(0).protocol());

    sns.unsubscribe(b -> b.subscriptionArn(sub));
    assertTrue(sns.listSubscriptions().subscriptions().isEmpty());
  }

  @Test
  void publish_numberAttributeNotNumeric_invalidParameterValueException() {
    String topic = sns.createTopic(b -> b.name("attr")).topicArn();

    InvalidParameterValueException e =
        assertThrows(
            InvalidParameterValueException.class,
            () ->
                sns.publish(
                    b ->
                        b.topicArn(topic)
                            .message("m")
                            .messageAttributes(
                                Map.of(
                                    "n",
                                    MessageAttributeValue.builder()
                                        .dataType("Number")
                                        .stringValue("abc")
                                        .build()))));
    assertEquals("ParameterValueInvalid", e.awsErrorDetails().errorCode());
    assertEquals(400, e.statusCode());
  }

  @Test
  void listTopics_unknownNextToken_invalidParameter() {
    InvalidParameterException e =
        assertThrows(
            InvalidParameterException.class, () -> sns.listTopics(b -> b.nextToken("nope")));
    assertEquals("InvalidParameter", e.awsErrorDetails().errorCode());
    assertEquals(400, e.statusCode());
  }

  @Test
  void addPermission_unsupported_throws() {
    assertThrows(
        UnsupportedOperationException.class,
        () -> sns.addPermission(b -> b.topicArn("arn:aws:sns:us-east-1:000000000000:t")));
  }

  @Test
  void asyncPublish_completesWithMessageId() {
    SnsAsyncClient async = aws.snsAsyncClient();
    String topic = sns.createTopic(b -> b.name("async")).topicArn();

    var future = async.publish(b -> b.topicArn(topic).message("m"));

    assertTrue(future.isDone());
    assertTrue(future.join().messageId() != null);
  }

  @Test
  void fifoTopic_past3000MessagesInASecond_throttledException429_thenPublishEntryFailsThrottled() {
    // API_CreateTopic.html, FifoThroughputScope: Topic scope allows 3,000 messages per second.
    SnsClient once = SimulatedAws.builder(sim).retryMode(RetryMode.NONE).build().snsClient();
    String topic =
        once.createTopic(b -> b.name("orders.fifo").attributes(Map.of("FifoTopic", "true")))
            .topicArn();
    for (int i = 0; i < 3_000; i++) {
      int n = i;
      once.publish(
          b ->
              b.topicArn(topic)
                  .message("m" + n)
                  .messageGroupId("g")
                  .messageDeduplicationId("d" + n));
    }
    ThrottledException e =
        assertThrows(
            ThrottledException.class,
            () ->
                once.publish(
                    b ->
                        b.topicArn(topic)
                            .message("late")
                            .messageGroupId("g")
                            .messageDeduplicationId("late")));
    assertEquals(429, e.statusCode());
    assertEquals("Throttled", e.awsErrorDetails().errorCode());

    PublishBatchResponse batch =
        once.publishBatch(
            b ->
                b.topicArn(topic)
                    .publishBatchRequestEntries(
                        e1 ->
                            e1.id("a")
                                .message("late")
                                .messageGroupId("g")
                                .messageDeduplicationId("a")));
    assertEquals("Throttled", batch.failed().get(0).code());
    assertTrue(batch.successful().isEmpty());
  }
}
