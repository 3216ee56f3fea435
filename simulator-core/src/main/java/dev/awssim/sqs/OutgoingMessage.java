package dev.awssim.sqs;

import com.google.common.collect.ImmutableMap;
import java.util.HexFormat;

/**
 * A validated message on its way into a queue: what SendMessage, SendMessageBatch and a dead-letter
 * move produce, before a queue stores it.
 *
 * @param body the body
 * @param md5High high 64 bits of the body's MD5
 * @param md5Low low 64 bits of the body's MD5
 * @param attributes user attributes
 * @param traceHeader the AWSTraceHeader system attribute, or null
 * @param size body and attribute bytes
 * @param delayNanos the delay before the message becomes visible
 * @param groupId the message group, or null
 * @param deduplicationId the FIFO deduplication id (explicit or content-based), or null
 * @param deadLetterSourceArn the source queue of a dead-letter move, or null
 */
record OutgoingMessage(
    String body,
    long md5High,
    long md5Low,
    ImmutableMap<String, MessageAttributeValue> attributes,
    String traceHeader,
    int size,
    long delayNanos,
    String groupId,
    String deduplicationId,
    String deadLetterSourceArn) {

  private static final HexFormat HEX = HexFormat.of();

  OutgoingMessage withExtraDelay(long nanos) {
    return new OutgoingMessage(
        body,
        md5High,
        md5Low,
        attributes,
        traceHeader,
        size,
        delayNanos + nanos,
        groupId,
        deduplicationId,
        deadLetterSourceArn);
  }

  String md5OfBody() {
    return hex(md5High, md5Low);
  }

  static String hex(long high, long low) {
    return HEX.toHexDigits(high) + HEX.toHexDigits(low);
  }
}
