package dev.awssim.awssdk;

import dev.awssim.sqs.BatchResult;
import dev.awssim.sqs.BatchResultErrorEntry;
import dev.awssim.sqs.ChangeMessageVisibilityBatchRequestEntry;
import dev.awssim.sqs.DeleteMessageBatchRequestEntry;
import dev.awssim.sqs.Message;
import dev.awssim.sqs.MessageAttributeValue;
import dev.awssim.sqs.MessageMoveTask;
import dev.awssim.sqs.ReceiveMessageRequest;
import dev.awssim.sqs.ReceiveMessageResult;
import dev.awssim.sqs.SendMessageBatchRequestEntry;
import dev.awssim.sqs.SendMessageBatchResult;
import dev.awssim.sqs.SendMessageBatchResultEntry;
import dev.awssim.sqs.SendMessageRequest;
import dev.awssim.sqs.SendMessageResult;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResponse;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/** Field-by-field conversion between the SDK's SQS model and the simulator's. */
final class SqsConverters {
  private SqsConverters() {}

  static SendMessageRequest sendMessage(
      software.amazon.awssdk.services.sqs.model.SendMessageRequest r) {
    return SendMessageRequest.builder(r.queueUrl(), r.messageBody())
        .delaySeconds(r.delaySeconds())
        .messageAttributes(attributes(r.messageAttributes()))
        .messageSystemAttributes(systemAttributes(r.messageSystemAttributesAsStrings()))
        .messageDeduplicationId(r.messageDeduplicationId())
        .messageGroupId(r.messageGroupId())
        .build();
  }

  static SendMessageResponse sendMessage(SendMessageResult r) {
    return SendMessageResponse.builder()
        .messageId(r.messageId())
        .md5OfMessageBody(r.md5OfMessageBody())
        .md5OfMessageAttributes(r.md5OfMessageAttributes())
        .md5OfMessageSystemAttributes(r.md5OfMessageSystemAttributes())
        .sequenceNumber(r.sequenceNumber())
        .build();
  }

  static List<SendMessageBatchRequestEntry> sendEntries(
      List<software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry> entries) {
    return entries.stream()
        .map(
            e ->
                new SendMessageBatchRequestEntry(
                    e.id(),
                    e.messageBody(),
                    e.delaySeconds(),
                    attributes(e.messageAttributes()),
                    systemAttributes(e.messageSystemAttributesAsStrings()),
                    e.messageDeduplicationId(),
                    e.messageGroupId()))
        .toList();
  }

  static SendMessageBatchResponse sendMessageBatch(SendMessageBatchResult r) {
    return SendMessageBatchResponse.builder()
        .successful(r.successful().stream().map(SqsConverters::sendEntry).toList())
        .failed(failed(r.failed()))
        .build();
  }

  private static software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry sendEntry(
      SendMessageBatchResultEntry e) {
    return software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry.builder()
        .id(e.id())
        .messageId(e.messageId())
        .md5OfMessageBody(e.md5OfMessageBody())
        .md5OfMessageAttributes(e.md5OfMessageAttributes())
        .md5OfMessageSystemAttributes(e.md5OfMessageSystemAttributes())
        .sequenceNumber(e.sequenceNumber())
        .build();
  }

  static ReceiveMessageRequest receiveMessage(
      software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest r) {
    return ReceiveMessageRequest.builder(r.queueUrl())
        .attributeNames(r.attributeNamesAsStrings())
        .messageSystemAttributeNames(r.messageSystemAttributeNamesAsStrings())
        .messageAttributeNames(r.messageAttributeNames())
        .maxNumberOfMessages(r.maxNumberOfMessages())
        .visibilityTimeout(r.visibilityTimeout())
        .waitTimeSeconds(r.waitTimeSeconds())
        .receiveRequestAttemptId(r.receiveRequestAttemptId())
        .build();
  }

  static ReceiveMessageResponse receiveMessage(ReceiveMessageResult r) {
    return ReceiveMessageResponse.builder()
        .messages(r.messages().stream().map(SqsConverters::message).toList())
        .build();
  }

  private static software.amazon.awssdk.services.sqs.model.Message message(Message m) {
    return software.amazon.awssdk.services.sqs.model.Message.builder()
        .messageId(m.messageId())
        .receiptHandle(m.receiptHandle())
        .md5OfBody(m.md5OfBody())
        .body(m.body())
        .attributesWithStrings(m.attributes())
        .md5OfMessageAttributes(m.md5OfMessageAttributes())
        .messageAttributes(
            Convert.values(
                m.messageAttributes(),
                v ->
                    software.amazon.awssdk.services.sqs.model.MessageAttributeValue.builder()
                        .dataType(v.dataType())
                        .stringValue(v.stringValue())
                        .binaryValue(bytes(v.binaryValue()))
                        .build()))
        .build();
  }

  static List<DeleteMessageBatchRequestEntry> deleteEntries(
      List<software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry> entries) {
    return entries.stream()
        .map(e -> new DeleteMessageBatchRequestEntry(e.id(), e.receiptHandle()))
        .toList();
  }

  static DeleteMessageBatchResponse deleteMessageBatch(BatchResult r) {
    return DeleteMessageBatchResponse.builder()
        .successful(
            r.successful().stream()
                .map(id -> DeleteMessageBatchResultEntry.builder().id(id).build())
                .toList())
        .failed(failed(r.failed()))
        .build();
  }

  static List<ChangeMessageVisibilityBatchRequestEntry> visibilityEntries(
      List<software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry>
          entries) {
    return entries.stream()
        .map(
            e ->
                new ChangeMessageVisibilityBatchRequestEntry(
                    e.id(), e.receiptHandle(), e.visibilityTimeout()))
        .toList();
  }

  static ChangeMessageVisibilityBatchResponse changeMessageVisibilityBatch(BatchResult r) {
    return ChangeMessageVisibilityBatchResponse.builder()
        .successful(
            r.successful().stream()
                .map(id -> ChangeMessageVisibilityBatchResultEntry.builder().id(id).build())
                .toList())
        .failed(failed(r.failed()))
        .build();
  }

  static ListMessageMoveTasksResponse listMessageMoveTasks(List<MessageMoveTask> tasks) {
    return ListMessageMoveTasksResponse.builder()
        .results(
            tasks.stream()
                .map(
                    t ->
                        ListMessageMoveTasksResultEntry.builder()
                            .taskHandle(t.taskHandle())
                            .status(t.status())
                            .sourceArn(t.sourceArn())
                            .destinationArn(t.destinationArn())
                            .maxNumberOfMessagesPerSecond(t.maxNumberOfMessagesPerSecond())
                            .approximateNumberOfMessagesMoved(t.approximateNumberOfMessagesMoved())
                            .approximateNumberOfMessagesToMove(
                                t.approximateNumberOfMessagesToMove())
                            .failureReason(t.failureReason())
                            .startedTimestamp(t.startedTimestamp())
                            .build())
                .toList())
        .build();
  }

  private static List<software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry> failed(
      List<BatchResultErrorEntry> failed) {
    return failed.stream()
        .map(
            f ->
                software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry.builder()
                    .id(f.id())
                    .senderFault(f.senderFault())
                    .code(f.code())
                    .message(f.message())
                    .build())
        .toList();
  }

  private static Map<String, MessageAttributeValue> attributes(
      Map<String, software.amazon.awssdk.services.sqs.model.MessageAttributeValue> given) {
    return Convert.values(given, v -> value(v.dataType(), v.stringValue(), v.binaryValue()));
  }

  /** AWSTraceHeader and other system attributes: the same shape as user attributes. */
  private static Map<String, MessageAttributeValue> systemAttributes(
      Map<String, MessageSystemAttributeValue> given) {
    return Convert.values(given, v -> value(v.dataType(), v.stringValue(), v.binaryValue()));
  }

  private static MessageAttributeValue value(String dataType, String string, SdkBytes binary) {
    return MessageAttributeValue.of(dataType, string, binary == null ? null : binary.asByteArray());
  }

  private static SdkBytes bytes(byte[] value) {
    return value == null ? null : SdkBytes.fromByteArray(value);
  }
}
