package dev.awssim.sqs;

import static dev.awssim.internal.time.TimeUnits.NANOS_PER_SECOND;

import dev.awssim.internal.RandomIds;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * One queue: the messages in arrival order, the set of hidden messages ordered by the instant they
 * become visible, and the rules both queue types share (retention, visibility, receive counts,
 * dead-letter moves, purge). {@link StandardQueue} and {@link FifoQueue} decide which visible
 * message is delivered next.
 *
 * <p>All state changes are lazy: {@link #refresh(long)} is called at the start of every operation
 * and expires messages whose retention ended and makes visible the hidden messages whose time came,
 * in the order of those instants. Nothing is scheduled on the simulation's scheduler.
 */
abstract sealed class MessageQueue permits StandardQueue, FifoQueue {

  final int id;
  final String name;
  final String url;
  final String arn;
  final long createdAt;
  final QueueObserver observer;
  final int maxInflight;
  final long receiptSecret;
  final LinkedHashMap<Long, StoredMessage> messages = new LinkedHashMap<>();
  final VisibilityHeap waiting = new VisibilityHeap();
  private final RandomGenerator ids;
  QueueConfig config;
  long lastModified;
  long lastPurge = Long.MIN_VALUE;
  SqsFaults faults;
  int inflight;
  private long nextSequence;
  private boolean deleted;

  MessageQueue(QueueSetup setup) {
    this.id = setup.id();
    this.name = setup.name();
    this.url = setup.url();
    this.arn = setup.arn();
    this.createdAt = setup.now();
    this.lastModified = setup.now();
    this.config = setup.config();
    this.observer = setup.observer();
    this.maxInflight = setup.maxInflight();
    this.ids = setup.ids();
    this.receiptSecret = setup.receiptSecret();
  }

  /** What a queue is created with. */
  record QueueSetup(
      int id,
      String name,
      String url,
      String arn,
      long now,
      QueueConfig config,
      QueueObserver observer,
      int maxInflight,
      RandomGenerator ids,
      long receiptSecret) {}

  /** The identity of an accepted send. */
  record Sent(String messageId, String sequenceNumber) {}

  final boolean isFifo() {
    return config.fifo;
  }

  final boolean isDeleted() {
    return deleted;
  }

  final void markDeleted() {
    deleted = true;
  }

  /** Expires messages past retention, then makes due hidden messages visible. */
  final void refresh(long now) {
    expire(now);
    while (!waiting.isEmpty() && waiting.first().visibleAt <= now) {
      becameVisible(waiting.pollFirst());
    }
    observer.sampleGauges(now, this);
  }

  private void expire(long now) {
    long retention = config.messageRetentionPeriod * NANOS_PER_SECOND;
    Iterator<StoredMessage> it = messages.values().iterator();
    while (it.hasNext()) {
      StoredMessage m = it.next();
      if (m.enqueuedAt + retention > now) {
        return;
      }
      it.remove();
      removed(m);
      detach(m);
      observer.expired(m, m.enqueuedAt + retention);
    }
  }

  /** Whether {@code m} is past retention (for messages out of arrival order, from a move). */
  final boolean expireIfDue(StoredMessage m, long now) {
    long end = m.enqueuedAt + config.messageRetentionPeriod * NANOS_PER_SECOND;
    if (end > now) {
      return false;
    }
    messages.remove(m.sequence);
    removed(m);
    detach(m);
    observer.expired(m, end);
    return true;
  }

  /** Accepts a validated message. */
  abstract Sent send(OutgoingMessage out, long now);

  /** Stores a new message and hands it to the queue type. */
  final StoredMessage store(
      OutgoingMessage out, UUID messageId, String sequenceNumber, long sentAt, long now) {
    long enqueuedAt = isFifo() || out.deadLetterSourceArn() == null ? now : sentAt;
    StoredMessage m =
        new StoredMessage(nextSequence++, messageId, out, sequenceNumber, sentAt, enqueuedAt);
    m.visibleAt = now + out.delayNanos();
    messages.put(m.sequence, m);
    enqueue(m, now);
    return m;
  }

  final UUID newMessageId() {
    return RandomIds.uuid(ids);
  }

  abstract void enqueue(StoredMessage m, long now);

  /** A hidden message's time came: it is visible again (or for the first time, after a delay). */
  abstract void becameVisible(StoredMessage m);

  /** Removes {@code m} from the type's structures (already removed from {@link #messages}). */
  abstract void detach(StoredMessage m);

  /**
   * Delivers up to {@code max} messages, hiding each for {@code visibilityNanos}. A message that
   * has already been delivered maxReceiveCount times moves to {@code deadLetterQueue} (if not null)
   * instead.
   */
  abstract List<StoredMessage> receive(
      int max, long visibilityNanos, long now, MessageQueue deadLetterQueue);

  /** Whether a receive now would return a message (after {@link #refresh(long)}). */
  abstract boolean hasReceivable(long now);

  /** The next instant at which a message may become receivable, or Long.MAX_VALUE. */
  long nextChange(long now) {
    return waiting.isEmpty() ? Long.MAX_VALUE : waiting.first().visibleAt;
  }

  abstract long visibleCount(long now);

  abstract long delayedCount(long now);

  final long inflightCount() {
    return inflight;
  }

  final long oldestAgeSeconds(long now) {
    if (messages.isEmpty()) {
      return 0;
    }
    return (now - messages.values().iterator().next().enqueuedAt) / NANOS_PER_SECOND;
  }

  /** Marks {@code m} delivered: in flight until {@code now + visibilityNanos}. */
  final void deliver(StoredMessage m, long visibilityNanos, long now) {
    m.state = StoredMessage.INFLIGHT;
    m.receiveCount++;
    m.receivedAt = now;
    if (m.firstReceivedAt < 0) {
      m.firstReceivedAt = now;
    }
    m.visibleAt = now + visibilityNanos;
    waiting.add(m);
    inflight++;
    observer.received(m);
  }

  /** Whether {@code m} has been delivered maxReceiveCount times and must move instead. */
  final boolean exceedsReceiveCount(StoredMessage m, MessageQueue deadLetterQueue) {
    return deadLetterQueue != null && m.receiveCount >= config.redrivePolicy.maxReceiveCount();
  }

  /** Moves {@code m} (already detached) to {@code target}, keeping body and attributes. */
  final void moveTo(StoredMessage m, MessageQueue target, long now) {
    messages.remove(m.sequence);
    removed(m);
    m.state = StoredMessage.GONE;
    observer.moved(m, target.name);
    target.acceptMoved(m, arn, now);
  }

  private void acceptMoved(StoredMessage m, String sourceArn, long now) {
    refresh(now);
    OutgoingMessage out =
        m.forDeadLetterQueue(sourceArn, isFifo() ? m.messageId() : m.deduplicationId);
    StoredMessage copy = store(out, m.messageUuid(), nextSequenceNumber(), m.sentAt, now);
    copy.receiveCount = m.receiveCount;
    copy.firstReceivedAt = m.firstReceivedAt;
  }

  /** The next FIFO sequence number, or null on standard queues. */
  String nextSequenceNumber() {
    return null;
  }

  /** Deletes {@code m} for good. */
  final void delete(StoredMessage m) {
    messages.remove(m.sequence);
    removed(m);
    detach(m);
  }

  /** {@code m} has just left {@link #messages}. */
  void removed(StoredMessage m) {}

  /** The sequence the last stored message got, or -1. */
  final long lastSequence() {
    return nextSequence - 1;
  }

  /** Hides an in-flight message until {@code visibleAt} (now when the timeout is 0). */
  final void changeVisibility(StoredMessage m, long visibleAt, long now) {
    waiting.remove(m);
    m.visibleAt = visibleAt;
    waiting.add(m);
    observer.visibilityChanged(m);
    refresh(now);
  }

  /** Deletes every message, in flight or not; returns how many. */
  final int purge(long now) {
    int count = messages.size();
    messages.clear();
    waiting.clear();
    inflight = 0;
    clearType();
    lastPurge = now;
    observer.purged(count);
    return count;
  }

  abstract void clearType();
}
