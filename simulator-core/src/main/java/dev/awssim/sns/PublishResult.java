package dev.awssim.sns;

/**
 * What Publish returns.
 *
 * @param messageId the message's id, a UUID from the topic's seeded stream
 * @param sequenceNumber the FIFO sequence number (128-bit, 20 or more digits), or null on standard
 *     topics
 */
public record PublishResult(String messageId, String sequenceNumber) {}
