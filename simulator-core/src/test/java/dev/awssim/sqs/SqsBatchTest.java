package dev.awssim.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.AwsSimulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Batch actions: whole-call errors and per-entry results
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-batch-api-actions.html).
 */
class SqsBatchTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(5);
  private final Sqs sqs = sim.sqs();
  private final String url = sqs.createQueue("batch");

  private static List<SendMessageBatchRequestEntry> entries(int n) {
    List<SendMessageBatchRequestEntry> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(SendMessageBatchRequestEntry.of("e" + i, "m" + i));
    }
    return list;
  }

  private void assertWholeCallError(String code, List<SendMessageBatchRequestEntry> entries) {
    SqsException e = assertThrows(SqsException.class, () -> sqs.sendMessageBatch(url, entries));
    assertEquals(code, e.errorCode());
    assertEquals("AWS.SimpleQueueService." + code, e.queryErrorCode());
    assertEquals(400, e.statusCode());
    assertEquals("0", sqs.getQueueAttributes(url).get("ApproximateNumberOfMessages"));
  }

  @Test
  void sendBatch_10Entries_allSentInOrder() {
    SendMessageBatchResult r = sqs.sendMessageBatch(url, entries(10));
    assertEquals(10, r.successful().size());
    assertEquals("e0", r.successful().get(0).id());
    assertEquals("10", sqs.getQueueAttributes(url).get("ApproximateNumberOfMessages"));
  }

  @Test
  void sendBatch_11Entries_tooManyEntries() {
    assertWholeCallError("TooManyEntriesInBatchRequest", entries(11));
  }

  @Test
  void sendBatch_noEntries_emptyBatchRequest() {
    assertWholeCallError("EmptyBatchRequest", List.of());
  }

  @Test
  void sendBatch_repeatedId_batchEntryIdsNotDistinct() {
    assertWholeCallError(
        "BatchEntryIdsNotDistinct",
        List.of(
            SendMessageBatchRequestEntry.of("same", "a"),
            SendMessageBatchRequestEntry.of("same", "b")));
  }

  @Test
  void sendBatch_badId_invalidBatchEntryId() {
    assertWholeCallError(
        "InvalidBatchEntryId", List.of(SendMessageBatchRequestEntry.of("a b", "x")));
    assertWholeCallError(
        "InvalidBatchEntryId", List.of(SendMessageBatchRequestEntry.of("x".repeat(81), "x")));
  }

  @Test
  void sendBatch_totalOver1MiB_batchRequestTooLong() {
    assertWholeCallError(
        "BatchRequestTooLong",
        List.of(
            SendMessageBatchRequestEntry.of("a", "x".repeat(524_288)),
            SendMessageBatchRequestEntry.of("b", "x".repeat(524_289))));
  }

  @Test
  void sendBatch_oneBadEntry_othersSentAndFailureListed() {
    SendMessageBatchResult r =
        sqs.sendMessageBatch(
            url,
            List.of(
                SendMessageBatchRequestEntry.of("ok", "fine"),
                SendMessageBatchRequestEntry.of("bad", "nul\u0000"),
                new SendMessageBatchRequestEntry("late", "x", 901, null, null, null, null)));
    assertEquals(1, r.successful().size());
    assertEquals(2, r.failed().size());
    assertEquals("InvalidMessageContents", r.failed().get(0).code());
    assertEquals("bad", r.failed().get(0).id());
    assertEquals(true, r.failed().get(0).senderFault());
    assertEquals("InvalidParameterValue", r.failed().get(1).code());
  }

  @Test
  void deleteBatch_goodAndMalformedHandles_partialFailure() {
    sqs.sendMessageBatch(url, entries(2));
    List<Message> got =
        sqs.receiveMessage(ReceiveMessageRequest.builder(url).maxNumberOfMessages(10).build())
            .messages();
    BatchResult r =
        sqs.deleteMessageBatch(
            url,
            List.of(
                new DeleteMessageBatchRequestEntry("a", got.get(0).receiptHandle()),
                new DeleteMessageBatchRequestEntry("b", "garbage")));
    assertEquals(List.of("a"), r.successful());
    assertEquals("ReceiptHandleIsInvalid", r.failed().get(0).code());
    assertEquals("1", sqs.getQueueAttributes(url).get("ApproximateNumberOfMessagesNotVisible"));
  }

  @Test
  void changeVisibilityBatch_perEntryResults() {
    sqs.sendMessageBatch(url, entries(1));
    Message m = sqs.receiveMessage(url).messages().get(0);
    BatchResult r =
        sqs.changeMessageVisibilityBatch(
            url,
            List.of(
                new ChangeMessageVisibilityBatchRequestEntry("a", m.receiptHandle(), 0),
                new ChangeMessageVisibilityBatchRequestEntry("b", m.receiptHandle(), 43_201)));
    assertEquals(List.of("a"), r.successful());
    assertEquals("InvalidParameterValue", r.failed().get(0).code());
    assertEquals("1", sqs.getQueueAttributes(url).get("ApproximateNumberOfMessages"));
  }

  @Test
  void deleteBatch_11Entries_tooManyEntries() {
    List<DeleteMessageBatchRequestEntry> e = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      e.add(new DeleteMessageBatchRequestEntry("e" + i, "h"));
    }
    SqsException ex = assertThrows(SqsException.class, () -> sqs.deleteMessageBatch(url, e));
    assertEquals("TooManyEntriesInBatchRequest", ex.errorCode());
  }

  // API_SendMessageBatch.html: the whole batch may carry up to 1 MiB.
  @Test
  void sendBatch_totalExactly1MiB_accepted() {
    SendMessageBatchResult r =
        sqs.sendMessageBatch(
            url,
            List.of(
                SendMessageBatchRequestEntry.of("a", "x".repeat(524_288)),
                SendMessageBatchRequestEntry.of("b", "x".repeat(524_288))));
    assertEquals(2, r.successful().size());
  }

  @Test
  void sendBatch_entryIdOf80Characters_accepted() {
    assertEquals(
        1,
        sqs.sendMessageBatch(url, List.of(SendMessageBatchRequestEntry.of("x".repeat(80), "m")))
            .successful()
            .size());
  }

  // The four request-level errors apply to all three batch actions and change nothing.
  @Test
  void deleteAndChangeVisibilityBatches_requestLevelErrors() {
    sqs.sendMessage(url, "m");
    String h = sqs.receiveMessage(url).messages().get(0).receiptHandle();
    List<java.util.function.Consumer<List<String>>> calls =
        List.of(
            ids ->
                sqs.deleteMessageBatch(
                    url, ids.stream().map(i -> new DeleteMessageBatchRequestEntry(i, h)).toList()),
            ids ->
                sqs.changeMessageVisibilityBatch(
                    url,
                    ids.stream()
                        .map(i -> new ChangeMessageVisibilityBatchRequestEntry(i, h, 0))
                        .toList()));
    List<String> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add("e" + i);
    }
    for (java.util.function.Consumer<List<String>> call : calls) {
      assertEquals("EmptyBatchRequest", code(() -> call.accept(List.of())));
      assertEquals("TooManyEntriesInBatchRequest", code(() -> call.accept(eleven)));
      assertEquals("BatchEntryIdsNotDistinct", code(() -> call.accept(List.of("a", "a"))));
      assertEquals("InvalidBatchEntryId", code(() -> call.accept(List.of("a.b"))));
      assertEquals("1", sqs.getQueueAttributes(url).get("ApproximateNumberOfMessagesNotVisible"));
    }
  }

  private static String code(Runnable call) {
    SqsException e = assertThrows(SqsException.class, call::run);
    assertEquals(400, e.statusCode());
    assertEquals("AWS.SimpleQueueService." + e.errorCode(), e.queryErrorCode());
    return e.errorCode();
  }

  // API_SendMessageBatch.html: a FIFO batch is enqueued in request order.
  @Test
  void fifoSendBatch_enqueuedInRequestOrder() {
    String fifo = QueueKind.FIFO.create(sqs, "order");
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 9; i >= 0; i--) {
      entries.add(SendMessageBatchRequestEntry.fifo("e" + i, "m" + i, "g", "d" + i));
    }
    sqs.sendMessageBatch(fifo, entries);
    List<String> bodies =
        sqs
            .receiveMessage(ReceiveMessageRequest.builder(fifo).maxNumberOfMessages(10).build())
            .messages()
            .stream()
            .map(Message::body)
            .toList();
    assertEquals(List.of("m9", "m8", "m7", "m6", "m5", "m4", "m3", "m2", "m1", "m0"), bodies);
  }
}
