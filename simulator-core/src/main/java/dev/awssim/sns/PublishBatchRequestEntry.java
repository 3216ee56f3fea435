package dev.awssim.sns;

import java.util.Map;

/**
 * One entry of PublishBatch
 * (https://docs.aws.amazon.com/sns/latest/api/API_PublishBatchRequestEntry.html).
 *
 * <pre>{@code
 * new PublishBatchRequestEntry("e1", PublishRequest.builder(null, "hello").build());
 * }</pre>
 *
 * @param id the entry id, unique in the batch (letters, digits, '-' and '_', at most 80)
 * @param message the message parameters; the request's topic is ignored (the batch names it)
 */
public record PublishBatchRequestEntry(String id, PublishRequest message) {
  /** An entry with just a message body. */
  public static PublishBatchRequestEntry of(String id, String message) {
    return new PublishBatchRequestEntry(id, PublishRequest.builder(null, message).build());
  }

  /** An entry with a body and attributes. */
  public static PublishBatchRequestEntry of(
      String id, String message, Map<String, MessageAttributeValue> attributes) {
    return new PublishBatchRequestEntry(
        id, PublishRequest.builder(null, message).messageAttributes(attributes).build());
  }
}
