package dev.awssim.sqs;

/**
 * What SendMessage returns ({@code API_SendMessage.html}).
 *
 * <pre>{@code
 * SendMessageResult sent = sqs.sendMessage(queueUrl, "hello");
 * String id = sent.messageId();
 * }</pre>
 *
 * @param messageId the message id (for a deduplicated FIFO send: the original message's)
 * @param md5OfMessageBody hex MD5 of the body
 * @param md5OfMessageAttributes hex MD5 of the user attributes, or null when there are none
 * @param md5OfMessageSystemAttributes hex MD5 of the system attributes, or null when there are none
 * @param sequenceNumber the FIFO sequence number, or null on standard queues
 */
public record SendMessageResult(
    String messageId,
    String md5OfMessageBody,
    String md5OfMessageAttributes,
    String md5OfMessageSystemAttributes,
    String sequenceNumber) {}
