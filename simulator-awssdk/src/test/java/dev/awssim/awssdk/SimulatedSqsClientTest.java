package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.sqs.SqsLimits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.RequestThrottledException;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** SQS end to end, driven only through the SDK's {@link SqsClient}. */
class SimulatedSqsClientTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(11);
  private final SqsClient sqs = SimulatedAws.from(sim).sqsClient();

  private String create(String name, Map<QueueAttributeName, String> attributes) {
    return sqs.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
  }

  private List<Message> receive(String url) {
    return sqs.receiveMessage(
            b ->
                b.queueUrl(url)
                    .maxNumberOfMessages(10)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames("All"))
        .messages();
  }

  @Test
  void receive_afterVisibilityTimeout_redelivers() {
    String url = create("orders", Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30"));
    sqs.sendMessage(b -> b.queueUrl(url).messageBody("m1"));
    Message first = receive(url).get(0);
    assertEquals("1", first.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));

    sim.advanceBy(Duration.ofMillis(29_999));
    assertTrue(receive(url).isEmpty(), "in flight until 30 s");
    sim.advanceBy(Duration.ofMillis(1));
    Message again = receive(url).get(0);
    assertEquals("m1", again.body());
    assertEquals(first.messageId(), again.messageId());
    assertEquals("2", again.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
    assertEquals(
        Long.toString(sim.clock().start().toEpochMilli()),
        again.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP));
  }

  @Test
  void fifo_groupInFlight_blocksItsLaterMessages() {
    String url =
        create(
            "jobs.fifo",
            Map.of(
                QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true"));
    for (String body : List.of("a1", "a2", "b1")) {
      sqs.sendMessage(b -> b.queueUrl(url).messageBody(body).messageGroupId(body.substring(0, 1)));
    }
    List<Message> first =
        sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(1)).messages();
    assertEquals("a1", first.get(0).body());
    List<String> next = receive(url).stream().map(Message::body).collect(Collectors.toList());
    assertEquals(List.of("b1"), next, "a2 waits behind a1 in flight");

    sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(first.get(0).receiptHandle()));
    assertEquals("a2", receive(url).get(0).body());
  }

  @Test
  void redrivePolicy_maxReceiveCount2_thirdReceiveMovesToDlq() {
    String dlq = create("dlq", Map.of());
    String arn =
        sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    String src =
        create(
            "src",
            Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT,
                "10",
                QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + arn + "\",\"maxReceiveCount\":\"2\"}"));
    sqs.sendMessage(b -> b.queueUrl(src).messageBody("poison"));
    for (int i = 0; i < 2; i++) {
      assertEquals(1, receive(src).size());
      sim.advanceBy(Duration.ofSeconds(10));
    }
    assertTrue(receive(src).isEmpty());
    assertEquals("poison", receive(dlq).get(0).body());
    assertEquals(List.of(src), sqs.listDeadLetterSourceQueues(b -> b.queueUrl(dlq)).queueUrls());
    assertTrue(sqs.listDeadLetterSourceQueues(b -> b.queueUrl(src)).queueUrls().isEmpty());

    sim.advanceBy(Duration.ofSeconds(30)); // the DLQ receive above ends its visibility timeout
    String handle = sqs.startMessageMoveTask(b -> b.sourceArn(arn)).taskHandle();
    assertNotNull(handle);
    Message back = receive(src).get(0);
    assertEquals("poison", back.body());
    assertEquals("1", back.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
    var task = sqs.listMessageMoveTasks(b -> b.sourceArn(arn)).results().get(0);
    assertEquals("COMPLETED", task.status());
    assertEquals(1L, task.approximateNumberOfMessagesMoved());
    software.amazon.awssdk.services.sqs.model.ResourceNotFoundException e =
        assertThrows(
            software.amazon.awssdk.services.sqs.model.ResourceNotFoundException.class,
            () -> sqs.cancelMessageMoveTask(b -> b.taskHandle(handle)));
    assertEquals(404, e.statusCode());
  }

  @Test
  void messageAttributes_roundTripWithMd5s() {
    String url = create("attrs", Map.of());
    SendMessageResponse sent =
        sqs.sendMessage(
            b ->
                b.queueUrl(url)
                    .messageBody("body")
                    .messageAttributes(
                        Map.of(
                            "s",
                                MessageAttributeValue.builder()
                                    .dataType("String")
                                    .stringValue("v")
                                    .build(),
                            "n",
                                MessageAttributeValue.builder()
                                    .dataType("Number")
                                    .stringValue("42")
                                    .build(),
                            "b",
                                MessageAttributeValue.builder()
                                    .dataType("Binary")
                                    .binaryValue(SdkBytes.fromUtf8String("xyz"))
                                    .build())));
    // MD5 of "body" (RFC 1321 test tooling): 841a2d689ad86bd1611447453c22c6fc
    assertEquals("841a2d689ad86bd1611447453c22c6fc", sent.md5OfMessageBody());
    assertNotNull(sent.md5OfMessageAttributes());
    Message m = receive(url).get(0);
    assertEquals(sent.md5OfMessageAttributes(), m.md5OfMessageAttributes());
    assertEquals("v", m.messageAttributes().get("s").stringValue());
    assertEquals("42", m.messageAttributes().get("n").stringValue());
    assertEquals("Number", m.messageAttributes().get("n").dataType());
    assertEquals("xyz", m.messageAttributes().get("b").binaryValue().asUtf8String());
  }

  @Test
  void longPoll_emptyQueue_advancesVirtualTimeByWait() {
    String url = create("idle", Map.of());
    List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(20)).messages();
    assertTrue(got.isEmpty());
    assertEquals(Duration.ofSeconds(20).toNanos(), sim.clock().nanos());
  }

  @Test
  void longPoll_messageSentLater_returnsWhenItArrives() {
    String url = create("later", Map.of());
    sim.after(Duration.ofSeconds(3), () -> sim.sqs().sendMessage(url, "late"));
    List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(20)).messages();
    assertEquals("late", got.get(0).body());
    assertEquals(Duration.ofSeconds(3).toNanos(), sim.clock().nanos());
  }

  @Test
  void deleteMessageBatch_badHandle_failsThatEntryOnly() {
    String url = create("batch", Map.of());
    sqs.sendMessage(b -> b.queueUrl(url).messageBody("x"));
    String handle = receive(url).get(0).receiptHandle();
    DeleteMessageBatchResponse r =
        sqs.deleteMessageBatch(
            b ->
                b.queueUrl(url)
                    .entries(
                        e -> e.id("good").receiptHandle(handle),
                        e -> e.id("bad").receiptHandle("not-a-handle")));
    assertEquals("good", r.successful().get(0).id());
    BatchResultErrorEntry failed = r.failed().get(0);
    assertEquals("bad", failed.id());
    assertEquals("ReceiptHandleIsInvalid", failed.code());
    assertTrue(failed.senderFault());
  }

  @Test
  void getQueueUrl_missingQueue_queueDoesNotExistWithQueryCode() {
    QueueDoesNotExistException e =
        assertThrows(
            QueueDoesNotExistException.class, () -> sqs.getQueueUrl(b -> b.queueName("missing")));
    assertEquals(400, e.statusCode());
    assertEquals("AWS.SimpleQueueService.NonExistentQueue", e.awsErrorDetails().errorCode());
    assertEquals("Sqs", e.awsErrorDetails().serviceName());
    assertEquals(400, e.awsErrorDetails().sdkHttpResponse().statusCode());
    assertNotNull(e.requestId());
    assertTrue(e.getMessage().contains("Service: Sqs, Status Code: 400"), e.getMessage());
  }

  @Test
  void deleteMessage_forgedHandle_receiptHandleIsInvalid404() {
    String url = create("forged", Map.of());
    ReceiptHandleIsInvalidException e =
        assertThrows(
            ReceiptHandleIsInvalidException.class,
            () -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle("forged")));
    assertEquals(404, e.statusCode());
    assertEquals("ReceiptHandleIsInvalid", e.awsErrorDetails().errorCode());
  }

  @Test
  void invalidParameterValue_hasNoModelledClass_isPlainSqsException() {
    String url = create("params", Map.of());
    SqsException e =
        assertThrows(
            SqsException.class,
            () -> sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(11)));
    assertEquals(SqsException.class, e.getClass());
    assertEquals("InvalidParameterValue", e.awsErrorDetails().errorCode());
  }

  @Test
  void listQueuesPaginator_walksEveryPage() {
    for (int i = 0; i < 5; i++) {
      create("q" + i, Map.of());
    }
    List<String> urls =
        sqs.listQueuesPaginator(b -> b.maxResults(2)).queueUrls().stream()
            .collect(Collectors.toList());
    assertEquals(5, urls.size());
    assertTrue(urls.get(0).endsWith("/q0"));
    assertNull(sqs.listQueues(b -> b.maxResults(10)).nextToken());
  }

  @Test
  void strictFifo_301SendsInOneSecond_noRetryClientSeesRequestThrottled() {
    AwsSimulator strict = AwsSimulator.builder().seed(3).sqsLimits(SqsLimits.strict()).build();
    SqsClient noRetry = SimulatedAws.builder(strict).retryMode(RetryMode.NONE).build().sqsClient();
    String url = fifoQueue(noRetry);
    for (int i = 0; i < 300; i++) {
      send(noRetry, url, i);
    }
    RequestThrottledException e =
        assertThrows(RequestThrottledException.class, () -> send(noRetry, url, 300));
    assertTrue(e.isThrottlingException());
    assertEquals(403, e.statusCode());
  }

  @Test
  void strictFifo_301SendsInOneSecond_defaultClientRetriesThroughTheThrottle() {
    AwsSimulator strict = AwsSimulator.builder().seed(3).sqsLimits(SqsLimits.strict()).build();
    SqsClient retrying = SimulatedAws.from(strict).sqsClient();
    String url = fifoQueue(retrying);
    for (int i = 0; i <= 300; i++) {
      send(retrying, url, i);
    }
    // The first legacy throttling retry waits at least 250 ms of virtual time.
    assertTrue(strict.clock().nanos() >= Duration.ofMillis(250).toNanos());
  }

  private static String fifoQueue(SqsClient client) {
    return client
        .createQueue(
            b ->
                b.queueName("t.fifo")
                    .attributes(
                        Map.of(
                            QueueAttributeName.FIFO_QUEUE, "true",
                            QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true")))
        .queueUrl();
  }

  private static void send(SqsClient client, String url, int i) {
    client.sendMessage(b -> b.queueUrl(url).messageBody("m" + i).messageGroupId("g"));
  }

  @Test
  void tagQueue_notModelled_unsupportedNamingTheOperation() {
    UnsupportedOperationException e =
        assertThrows(
            UnsupportedOperationException.class,
            () -> sqs.tagQueue(b -> b.queueUrl("u").tags(Map.of("k", "v"))));
    assertTrue(e.getMessage().contains("SQS TagQueue"), e.getMessage());
  }

  @Test
  void client_serviceNameAndClose() {
    assertEquals("sqs", sqs.serviceName());
    assertEquals("us-east-1", sqs.serviceClientConfiguration().region().id());
    sqs.close();
    assertEquals(0, sqs.listQueues().queueUrls().size());
  }
}
