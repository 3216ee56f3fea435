package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.sns.SnsLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sns.model.BatchRequestTooLongException;
import software.amazon.awssdk.services.sns.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sns.model.FilterPolicyLimitExceededException;
import software.amazon.awssdk.services.sns.model.InvalidBatchEntryIdException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sns.model.TooManyEntriesInBatchRequestException;
import software.amazon.awssdk.services.sns.model.TopicLimitExceededException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SNS's error catalogue through the SDK: each error is the SDK's modelled exception with AWS's
 * query error code and HTTP status (botocore {@code sns} error shapes, the API reference's Errors
 * sections), and the FIFO PublishBatch rules of API_PublishBatch.html.
 */
class SimulatedSnsErrorsTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(5);
  private final SnsClient sns = SimulatedAws.from(sim).snsClient();

  private static <T extends SnsException> void assertError(
      Class<T> type, String code, int status, Executable call) {
    T e = assertThrows(type, call);
    assertEquals(code, e.awsErrorDetails().errorCode());
    assertEquals(status, e.statusCode());
  }

  private static PublishBatchRequestEntry entry(String id, String message) {
    return PublishBatchRequestEntry.builder().id(id).message(message).build();
  }

  private void batch(String topic, List<PublishBatchRequestEntry> entries) {
    sns.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(entries));
  }

  @Test
  void publishBatch_badBatches_batchExceptions400() {
    String topic = sns.createTopic(b -> b.name("batch")).topicArn();
    assertError(
        EmptyBatchRequestException.class, "EmptyBatchRequest", 400, () -> batch(topic, List.of()));
    List<PublishBatchRequestEntry> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add(entry("e" + i, "m"));
    }
    assertError(
        TooManyEntriesInBatchRequestException.class,
        "TooManyEntriesInBatchRequest",
        400,
        () -> batch(topic, eleven));
    assertError(
        BatchEntryIdsNotDistinctException.class,
        "BatchEntryIdsNotDistinct",
        400,
        () -> batch(topic, List.of(entry("a", "1"), entry("a", "2"))));
    assertError(
        InvalidBatchEntryIdException.class,
        "InvalidBatchEntryId",
        400,
        () -> batch(topic, List.of(entry("a".repeat(81), "1"))));
    // Each message may be 262,144 bytes, but so may the whole batch: 131,072 + 131,073 is too long.
    assertError(
        BatchRequestTooLongException.class,
        "BatchRequestTooLong",
        400,
        () ->
            batch(
                topic, List.of(entry("a", "x".repeat(131_072)), entry("b", "x".repeat(131_073)))));
    batch(topic, List.of(entry("a", "x".repeat(131_072)), entry("b", "x".repeat(131_072))));
  }

  @Test
  void subscribe_201stFilterPolicyOnATopic_filterPolicyLimitExceededException403() {
    String topic = sns.createTopic(b -> b.name("t")).topicArn();
    Map<String, String> policy = Map.of("FilterPolicy", "{\"store\":[\"example_corp\"]}");
    for (int i = 0; i < 200; i++) {
      String endpoint = "arn:aws:sqs:us-east-1:000000000000:q" + i;
      sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(endpoint).attributes(policy));
    }
    assertError(
        FilterPolicyLimitExceededException.class,
        "FilterPolicyLimitExceeded",
        403,
        () ->
            sns.subscribe(
                b ->
                    b.topicArn(topic)
                        .protocol("sqs")
                        .endpoint("arn:aws:sqs:us-east-1:000000000000:q200")
                        .attributes(policy)));
  }

  @Test
  void createTopic_pastTheQuota_topicLimitExceededException403() {
    AwsSimulator small =
        AwsSimulator.builder().seed(1).snsLimits(SnsLimits.defaults().withMaxTopics(1, 1)).build();
    SnsClient client = SimulatedAws.from(small).snsClient();
    client.createTopic(b -> b.name("a"));
    assertError(
        TopicLimitExceededException.class,
        "TopicLimitExceeded",
        403,
        () -> client.createTopic(b -> b.name("b")));
  }

  @Test
  void unknownSubscriptionOrBadProtocol_notFound404_invalidParameter400() {
    String topic = sns.createTopic(b -> b.name("t")).topicArn();
    assertError(
        NotFoundException.class,
        "NotFound",
        404,
        () -> sns.getSubscriptionAttributes(b -> b.subscriptionArn(topic + ":missing")));
    assertError(
        InvalidParameterException.class,
        "InvalidParameter",
        400,
        () -> sns.subscribe(b -> b.topicArn(topic).protocol("carrier-pigeon").endpoint("x")));
    assertError(
        InvalidParameterException.class,
        "InvalidParameter",
        400,
        () -> sns.publish(b -> b.topicArn(topic).message("m").subject("s".repeat(100))));
  }

  /**
   * API_PublishBatch.html: FIFO entries are published in order and deduplicated within the batch
   * and across batches for 5 minutes; a duplicate is accepted (Successful) and not delivered.
   */
  @Test
  void fifoPublishBatch_duplicateInTheBatchAndAcrossBatches_acceptedDeliveredOnce() {
    SqsClient sqs = SimulatedAws.from(sim).sqsClient();
    String topic =
        sns.createTopic(b -> b.name("o.fifo").attributes(Map.of("FifoTopic", "true"))).topicArn();
    String url =
        sqs.createQueue(
                b ->
                    b.queueName("q.fifo")
                        .attributesWithStrings(
                            Map.of(QueueAttributeName.FIFO_QUEUE.toString(), "true")))
            .queueUrl();
    String arn =
        sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    sns.subscribe(
        b ->
            b.topicArn(topic)
                .protocol("sqs")
                .endpoint(arn)
                .attributes(Map.of("RawMessageDelivery", "true")));
    PublishBatchResponse first =
        sns.publishBatch(
            b ->
                b.topicArn(topic)
                    .publishBatchRequestEntries(
                        fifo("a", "one", "d1"), fifo("b", "two", "d2"), fifo("c", "dup", "d1")));
    assertEquals(3, first.successful().size());
    assertTrue(first.failed().isEmpty());
    assertEquals(first.successful().get(0).messageId(), first.successful().get(2).messageId());
    PublishBatchResponse second =
        sns.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(fifo("x", "dup", "d2")));
    assertEquals(first.successful().get(1).messageId(), second.successful().get(0).messageId());
    List<String> bodies =
        sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages().stream()
            .map(Message::body)
            .toList();
    assertEquals(List.of("one", "two"), bodies);
  }

  private static PublishBatchRequestEntry fifo(String id, String message, String dedupId) {
    return PublishBatchRequestEntry.builder()
        .id(id)
        .message(message)
        .messageGroupId("g")
        .messageDeduplicationId(dedupId)
        .build();
  }
}
