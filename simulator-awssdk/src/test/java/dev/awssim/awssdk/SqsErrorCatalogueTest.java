package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.AwsSimulator;
import dev.awssim.sqs.SqsLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sqs.model.BatchRequestTooLongException;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeNameException;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeValueException;
import software.amazon.awssdk.services.sqs.model.InvalidBatchEntryIdException;
import software.amazon.awssdk.services.sqs.model.InvalidMessageContentsException;
import software.amazon.awssdk.services.sqs.model.OverLimitException;
import software.amazon.awssdk.services.sqs.model.PurgeQueueInProgressException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDeletedRecentlyException;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.sqs.model.TooManyEntriesInBatchRequestException;

/**
 * The SQS error catalogue through the SDK's default {@link SqsClient}: each AWS error arrives as
 * the SDK's modelled exception class with AWS's HTTP status, and {@code
 * awsErrorDetails().errorCode()} is the legacy query code the JSON protocol carries for
 * query-compatible clients ({@code
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/CommonErrors.html} and the
 * error list of each action's API reference page).
 */
class SqsErrorCatalogueTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(41);
  private final SqsClient sqs = SimulatedAws.from(sim).sqsClient();
  private final String url = sqs.createQueue(b -> b.queueName("errors")).queueUrl();

  private static void assertError(
      Class<? extends SqsException> type, int status, String code, Executable call) {
    SqsException e = assertThrows(SqsException.class, call);
    assertEquals(type, e.getClass(), e.getMessage());
    assertEquals(status, e.statusCode());
    assertEquals(code, e.awsErrorDetails().errorCode());
    assertEquals("Sqs", e.awsErrorDetails().serviceName());
  }

  private static List<SendMessageBatchRequestEntry> entries(int n) {
    List<SendMessageBatchRequestEntry> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody("m").build());
    }
    return list;
  }

  @Test
  void queueDoesNotExist_400() {
    assertError(
        QueueDoesNotExistException.class,
        400,
        "AWS.SimpleQueueService.NonExistentQueue",
        () -> sqs.getQueueUrl(b -> b.queueName("missing")));
    sqs.deleteQueue(b -> b.queueUrl(url));
    assertError(
        QueueDoesNotExistException.class,
        400,
        "AWS.SimpleQueueService.NonExistentQueue",
        () -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("m")));
  }

  @Test
  void queueDeletedRecently_400_within60s() {
    sqs.deleteQueue(b -> b.queueUrl(url));
    sim.advanceBy(Duration.ofSeconds(60).minusNanos(1));
    assertError(
        QueueDeletedRecentlyException.class,
        400,
        "AWS.SimpleQueueService.QueueDeletedRecently",
        () -> sqs.createQueue(b -> b.queueName("errors")));
    sim.advanceBy(Duration.ofNanos(1));
    assertEquals(url, sqs.createQueue(b -> b.queueName("errors")).queueUrl());
  }

  @Test
  void queueNameExists_400_legacyCodeQueueAlreadyExists() {
    assertError(
        QueueNameExistsException.class,
        400,
        "QueueAlreadyExists",
        () ->
            sqs.createQueue(
                b ->
                    b.queueName("errors")
                        .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "31"))));
    assertEquals(url, sqs.createQueue(b -> b.queueName("errors")).queueUrl());
  }

  @Test
  void purgeQueueInProgress_403_within60s() {
    sqs.purgeQueue(b -> b.queueUrl(url));
    sim.advanceBy(Duration.ofSeconds(60).minusNanos(1));
    assertError(
        PurgeQueueInProgressException.class,
        403,
        "AWS.SimpleQueueService.PurgeQueueInProgress",
        () -> sqs.purgeQueue(b -> b.queueUrl(url)));
    sim.advanceBy(Duration.ofNanos(1));
    sqs.purgeQueue(b -> b.queueUrl(url));
  }

  @Test
  void overLimit_403_shortPollAtTheInFlightLimit() {
    AwsSimulator small =
        AwsSimulator.builder().seed(42).sqsLimits(SqsLimits.defaults().withMaxInflight(1)).build();
    SqsClient client = SimulatedAws.from(small).sqsClient();
    String q = client.createQueue(b -> b.queueName("full")).queueUrl();
    client.sendMessage(b -> b.queueUrl(q).messageBody("a"));
    client.sendMessage(b -> b.queueUrl(q).messageBody("b"));
    client.receiveMessage(b -> b.queueUrl(q));
    assertError(
        OverLimitException.class,
        403,
        "OverLimit",
        () -> client.receiveMessage(b -> b.queueUrl(q)));
  }

  @Test
  void receiptHandleIsInvalid_404_andStaleHandleIsInvalidParameterValue() {
    assertError(
        ReceiptHandleIsInvalidException.class,
        404,
        "ReceiptHandleIsInvalid",
        () ->
            sqs.changeMessageVisibility(
                b -> b.queueUrl(url).receiptHandle("x").visibilityTimeout(1)));
    sqs.sendMessage(b -> b.queueUrl(url).messageBody("m"));
    String handle = sqs.receiveMessage(b -> b.queueUrl(url)).messages().get(0).receiptHandle();
    sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(handle));
    assertError(
        SqsException.class,
        400,
        "InvalidParameterValue",
        () ->
            sqs.changeMessageVisibility(
                b -> b.queueUrl(url).receiptHandle(handle).visibilityTimeout(10)));
  }

  @Test
  void batchRequestErrors_400() {
    assertError(
        EmptyBatchRequestException.class,
        400,
        "AWS.SimpleQueueService.EmptyBatchRequest",
        () -> sqs.sendMessageBatch(b -> b.queueUrl(url).entries(List.of())));
    assertError(
        TooManyEntriesInBatchRequestException.class,
        400,
        "AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
        () -> sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries(11))));
    assertError(
        BatchEntryIdsNotDistinctException.class,
        400,
        "AWS.SimpleQueueService.BatchEntryIdsNotDistinct",
        () ->
            sqs.deleteMessageBatch(
                b ->
                    b.queueUrl(url)
                        .entries(
                            DeleteMessageBatchRequestEntry.builder()
                                .id("a")
                                .receiptHandle("h")
                                .build(),
                            DeleteMessageBatchRequestEntry.builder()
                                .id("a")
                                .receiptHandle("h")
                                .build())));
    assertError(
        InvalidBatchEntryIdException.class,
        400,
        "AWS.SimpleQueueService.InvalidBatchEntryId",
        () ->
            sqs.sendMessageBatch(
                b ->
                    b.queueUrl(url)
                        .entries(
                            SendMessageBatchRequestEntry.builder()
                                .id("x".repeat(81))
                                .messageBody("m")
                                .build())));
    assertError(
        BatchRequestTooLongException.class,
        400,
        "AWS.SimpleQueueService.BatchRequestTooLong",
        () ->
            sqs.sendMessageBatch(
                b ->
                    b.queueUrl(url)
                        .entries(
                            SendMessageBatchRequestEntry.builder()
                                .id("a")
                                .messageBody("x".repeat(524_288))
                                .build(),
                            SendMessageBatchRequestEntry.builder()
                                .id("b")
                                .messageBody("x".repeat(524_289))
                                .build())));
  }

  @Test
  void messageErrors_400() {
    assertError(
        InvalidMessageContentsException.class,
        400,
        "InvalidMessageContents",
        () -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("nul\u0000")));
    assertError(
        SqsException.class,
        400,
        "InvalidParameterValue",
        () -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x".repeat(1_048_577))));
    assertError(
        SqsException.class,
        400,
        "InvalidParameterValue",
        () -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("m").delaySeconds(901)));
    String fifo =
        sqs.createQueue(
                b ->
                    b.queueName("errors.fifo")
                        .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")))
            .queueUrl();
    assertError(
        SqsException.class,
        400,
        "MissingParameter",
        () -> sqs.sendMessage(b -> b.queueUrl(fifo).messageBody("m").messageDeduplicationId("d")));
  }

  @Test
  void attributeErrors_400() {
    assertError(
        InvalidAttributeNameException.class,
        400,
        "InvalidAttributeName",
        () ->
            sqs.setQueueAttributes(
                b -> b.queueUrl(url).attributesWithStrings(Map.of("Bogus", "1"))));
    assertError(
        InvalidAttributeValueException.class,
        400,
        "InvalidAttributeValue",
        () ->
            sqs.setQueueAttributes(
                b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.DELAY_SECONDS, "901"))));
    assertError(
        SqsException.class,
        400,
        "InvalidParameterValue",
        () -> sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(21)));
  }
}
