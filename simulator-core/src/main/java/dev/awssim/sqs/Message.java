package dev.awssim.sqs;

import com.google.common.collect.ImmutableMap;
import java.util.Map;

/**
 * A message returned by ReceiveMessage ({@code API_Message.html}).
 *
 * <pre>{@code
 * for (Message m : sqs.receiveMessage(queueUrl).messages()) {
 *   process(m.body());
 *   sqs.deleteMessage(queueUrl, m.receiptHandle());
 * }
 * }</pre>
 *
 * @param messageId the message id
 * @param receiptHandle the handle of this receive
 * @param md5OfBody hex MD5 of the body
 * @param body the body
 * @param attributes the requested system attributes ({@code ApproximateReceiveCount}, {@code
 *     SentTimestamp}, ...)
 * @param md5OfMessageAttributes hex MD5 of the returned user attributes, or null when none
 * @param messageAttributes the requested user attributes
 */
public record Message(
    String messageId,
    String receiptHandle,
    String md5OfBody,
    String body,
    Map<String, String> attributes,
    String md5OfMessageAttributes,
    Map<String, MessageAttributeValue> messageAttributes) {
  /** Copies the maps (null becomes empty). */
  public Message {
    attributes =
        attributes == null || attributes.isEmpty()
            ? ImmutableMap.of()
            : ImmutableMap.copyOf(attributes);
    messageAttributes =
        messageAttributes == null || messageAttributes.isEmpty()
            ? ImmutableMap.of()
            : ImmutableMap.copyOf(messageAttributes);
  }
}
