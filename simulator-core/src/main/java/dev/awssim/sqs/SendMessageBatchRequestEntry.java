package dev.awssim.sqs;

import java.util.Map;

/**
 * One entry of SendMessageBatch ({@code API_SendMessageBatch.html}): an {@code Id} unique in the
 * batch (up to 80 alphanumeric characters, hyphens and underscores) and the message's parameters;
 * null means "not given".
 *
 * <pre>{@code
 * new SendMessageBatchRequestEntry("m1", "hello", null, Map.of(), Map.of(), null, null);
 * }</pre>
 *
 * @param id the entry id
 * @param messageBody the body
 * @param delaySeconds the per-message delay, or null for the queue's
 * @param messageAttributes up to 10 user attributes
 * @param messageSystemAttributes system attributes ({@code AWSTraceHeader} only)
 * @param messageDeduplicationId FIFO deduplication id
 * @param messageGroupId message group id
 */
public record SendMessageBatchRequestEntry(
    String id,
    String messageBody,
    Integer delaySeconds,
    Map<String, MessageAttributeValue> messageAttributes,
    Map<String, MessageAttributeValue> messageSystemAttributes,
    String messageDeduplicationId,
    String messageGroupId) {

  /** Copies the maps (null becomes empty). */
  public SendMessageBatchRequestEntry {
    messageAttributes = SendMessageRequest.copy(messageAttributes);
    messageSystemAttributes = SendMessageRequest.copy(messageSystemAttributes);
  }

  /** An entry with only an id and a body. */
  public static SendMessageBatchRequestEntry of(String id, String messageBody) {
    return new SendMessageBatchRequestEntry(id, messageBody, null, null, null, null, null);
  }

  /** An entry for a FIFO queue. */
  public static SendMessageBatchRequestEntry fifo(
      String id, String messageBody, String messageGroupId, String messageDeduplicationId) {
    return new SendMessageBatchRequestEntry(
        id, messageBody, null, null, null, messageDeduplicationId, messageGroupId);
  }

  SendMessageRequest toRequest(String queueUrl) {
    return new SendMessageRequest(
        queueUrl,
        messageBody,
        delaySeconds,
        messageAttributes,
        messageSystemAttributes,
        messageDeduplicationId,
        messageGroupId);
  }
}
