package dev.awssim.sns;

import java.util.Map;

/**
 * A message SNS sends to an SQS queue: an SQS SendMessage on the subscribed queue.
 *
 * @param queueArn the subscribed queue
 * @param body the envelope, or the message itself with raw delivery
 * @param messageAttributes the SNS attributes (raw delivery only; the envelope embeds them)
 * @param messageGroupId the FIFO group (FIFO topics), or on a standard topic the group id a publish
 *     gave, which SQS standard queues take for fair queueing; or null
 * @param messageDeduplicationId the FIFO deduplication id (FIFO topics), or null
 */
public record QueueDelivery(
    String queueArn,
    String body,
    Map<String, MessageAttributeValue> messageAttributes,
    String messageGroupId,
    String messageDeduplicationId) {
  /** Copies the attributes. */
  public QueueDelivery {
    messageAttributes = PublishRequest.copy(messageAttributes);
  }
}
