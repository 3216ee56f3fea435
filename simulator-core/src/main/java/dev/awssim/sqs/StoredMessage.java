package dev.awssim.sqs;

import com.google.common.collect.ImmutableMap;
import java.util.UUID;

/**
 * One message in a queue. Time is kept as lazy timestamps on the virtual clock (elapsed
 * nanoseconds): the message is hidden while {@code now < visibleAt} and expires when {@code now >=
 * enqueuedAt + retention} (half-open periods). No timer is scheduled per message.
 */
final class StoredMessage {
  static final byte VISIBLE = 0;
  static final byte DELAYED = 1;
  static final byte INFLIGHT = 2;
  static final byte GONE = 3;

  final long sequence;
  private final long idHigh;
  private final long idLow;
  final String body;
  final ImmutableMap<String, MessageAttributeValue> attributes;
  final String traceHeader;
  final String groupId;
  final String deduplicationId;
  final String sequenceNumber;
  final String deadLetterSourceArn;
  final int size;
  private final long md5High;
  private final long md5Low;
  final long sentAt;
  final long enqueuedAt;
  final boolean undelayed;
  long visibleAt;
  long receivedAt;
  long firstReceivedAt = -1;
  int receiveCount;
  byte state;
  FifoGroup group;

  /** The message's place in its queue's {@link VisibilityHeap} while hidden, or -1. */
  int heapIndex = -1;

  StoredMessage(
      long sequence,
      UUID messageId,
      OutgoingMessage m,
      String sequenceNumber,
      long sentAt,
      long enqueuedAt) {
    this.sequence = sequence;
    this.idHigh = messageId.getMostSignificantBits();
    this.idLow = messageId.getLeastSignificantBits();
    this.body = m.body();
    this.attributes = m.attributes();
    this.traceHeader = m.traceHeader();
    this.groupId = m.groupId();
    this.deduplicationId = m.deduplicationId();
    this.sequenceNumber = sequenceNumber;
    this.deadLetterSourceArn = m.deadLetterSourceArn();
    this.size = m.size();
    this.md5High = m.md5High();
    this.md5Low = m.md5Low();
    this.sentAt = sentAt;
    this.enqueuedAt = enqueuedAt;
    this.undelayed = m.deadLetterSourceArn() != null;
  }

  /** The message id, kept as 128 bits rather than a 36-character string (memory per message). */
  String messageId() {
    return new UUID(idHigh, idLow).toString();
  }

  UUID messageUuid() {
    return new UUID(idHigh, idLow);
  }

  String md5OfBody() {
    return OutgoingMessage.hex(md5High, md5Low);
  }

  /** The message as it would be sent again, for a move to a dead-letter queue. */
  OutgoingMessage forDeadLetterQueue(String sourceArn, String newDeduplicationId) {
    return outgoing(0, newDeduplicationId, sourceArn);
  }

  /**
   * The message as a new message, for a redrive out of a dead-letter queue: no dead-letter source,
   * so the receiving queue gives it a new id, enqueue time and receive count.
   */
  OutgoingMessage asNewMessage(long delayNanos) {
    return outgoing(delayNanos, deduplicationId, null);
  }

  private OutgoingMessage outgoing(long delayNanos, String dedupId, String sourceArn) {
    return new OutgoingMessage(
        body,
        md5High,
        md5Low,
        attributes,
        traceHeader,
        size,
        delayNanos,
        groupId,
        dedupId,
        sourceArn);
  }

  @Override
  public String toString() {
    return messageId() + "#" + sequence;
  }
}
