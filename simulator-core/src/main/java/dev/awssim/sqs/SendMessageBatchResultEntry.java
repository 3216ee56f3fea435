package dev.awssim.sqs;

/**
 * A successful entry of SendMessageBatch.
 *
 * <pre>{@code
 * result.successful().forEach(e -> System.out.println(e.id() + " -> " + e.messageId()));
 * }</pre>
 *
 * @param id the entry id
 * @param messageId the message id
 * @param md5OfMessageBody hex MD5 of the body
 * @param md5OfMessageAttributes hex MD5 of the user attributes, or null
 * @param md5OfMessageSystemAttributes hex MD5 of the system attributes, or null
 * @param sequenceNumber the FIFO sequence number, or null
 */
public record SendMessageBatchResultEntry(
    String id,
    String messageId,
    String md5OfMessageBody,
    String md5OfMessageAttributes,
    String md5OfMessageSystemAttributes,
    String sequenceNumber) {

  static SendMessageBatchResultEntry of(String id, SendMessageResult r) {
    return new SendMessageBatchResultEntry(
        id,
        r.messageId(),
        r.md5OfMessageBody(),
        r.md5OfMessageAttributes(),
        r.md5OfMessageSystemAttributes(),
        r.sequenceNumber());
  }
}
