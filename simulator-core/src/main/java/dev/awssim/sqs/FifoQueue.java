package dev.awssim.sqs;

import static dev.awssim.internal.time.TimeUnits.NANOS_PER_SECOND;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A FIFO queue ({@code
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues-understanding-logic.html}).
 * Messages wait in their group in send order. A group with a message in flight is blocked; the
 * other groups keep flowing. Available groups are listed by the sequence of their oldest message,
 * so a receive serves the group whose head arrived first, takes as many of its messages as it can,
 * then moves on to the next group: arrival order, never hash order. A receive sees only the groups
 * whose oldest message is among the queue's first {@link SqsLimits#FIFO_GROUP_SCAN_WINDOW}
 * messages.
 *
 * <p>The queue's DelaySeconds is applied at receive time from each message's send time, so a change
 * is retroactive, as the docs say of FIFO queues ({@code sqs-delay-queues.html}).
 */
final class FifoQueue extends MessageQueue {
  /** ReceiveRequestAttemptId is usable for 5 minutes ({@code API_ReceiveMessage.html}). */
  static final long ATTEMPT_WINDOW_NANOS =
      SqsLimits.DEDUPLICATION_INTERVAL_SECONDS * NANOS_PER_SECOND;

  private final Map<String, FifoGroup> groups = new LinkedHashMap<>();
  private final TreeMap<Long, FifoGroup> available = new TreeMap<>();
  private final Deduplicator deduplicator = new Deduplicator();
  private final LinkedHashMap<String, Attempt> attempts = new LinkedHashMap<>();
  private long sequenceNumbers;

  /**
   * The scan window ({@link SqsLimits#FIFO_GROUP_SCAN_WINDOW}): every message with a sequence up to
   * {@code windowEnd} has been looked at, and {@code inWindow} of them are still in the queue. The
   * end only moves forward (new messages get higher sequences), so keeping it costs one lookup per
   * message over the queue's life.
   */
  private long windowEnd = -1;

  private int inWindow;

  /** A ReceiveMessage call with a ReceiveRequestAttemptId and what it returned. */
  private static final class Attempt {
    private final long expiresAt;
    private final List<StoredMessage> messages;
    private final int[] receiveCounts;
    private final long[] visibleAts;

    Attempt(long expiresAt, List<StoredMessage> messages, int[] receiveCounts, long[] visibleAts) {
      this.expiresAt = expiresAt;
      this.messages = messages;
      this.receiveCounts = receiveCounts;
      this.visibleAts = visibleAts;
    }
  }

  FifoQueue(QueueSetup setup) {
    super(setup);
  }

  @Override
  Sent send(OutgoingMessage out, long now) {
    String key =
        config.deduplicationPerGroup
            ? out.groupId() + '\u0000' + out.deduplicationId()
            : out.deduplicationId();
    Deduplicator.Accepted earlier = deduplicator.find(key, now);
    if (earlier != null) {
      observer.deduplicated(earlier.messageId(), out.deduplicationId(), now);
      return new Sent(earlier.messageId(), earlier.sequenceNumber());
    }
    StoredMessage m = store(out, newMessageId(), nextSequenceNumber(), now, now);
    deduplicator.remember(key, now, m.messageId(), m.sequenceNumber);
    observer.sent(m, now);
    return new Sent(m.messageId(), m.sequenceNumber);
  }

  /**
   * A 20-digit decimal number, increasing and not consecutive, as AWS's 128-bit sequence numbers
   * look ({@code API_SendMessage.html}).
   */
  @Override
  String nextSequenceNumber() {
    String digits = Long.toString(++sequenceNumbers * 65_536L + 18_000L);
    return "1" + "0".repeat(19 - digits.length()) + digits;
  }

  @Override
  void enqueue(StoredMessage m, long now) {
    FifoGroup g = groups.computeIfAbsent(m.groupId, FifoGroup::new);
    m.group = g;
    m.state = StoredMessage.VISIBLE;
    g.messages.addLast(m);
    if (g.inflight == 0 && g.listedKey < 0) {
      list(g);
    }
  }

  @Override
  void becameVisible(StoredMessage m) {
    FifoGroup g = m.group;
    m.state = StoredMessage.VISIBLE;
    inflight--;
    g.inflight--;
    observer.visibleAgain(m);
    if (g.inflight == 0) {
      list(g);
    }
  }

  @Override
  void detach(StoredMessage m) {
    if (m.state == StoredMessage.GONE) {
      return;
    }
    FifoGroup g = m.group;
    unlist(g);
    g.messages.remove(m);
    if (m.state == StoredMessage.INFLIGHT) {
      waiting.remove(m);
      inflight--;
      g.inflight--;
    }
    m.state = StoredMessage.GONE;
    settle(g);
  }

  @Override
  List<StoredMessage> receive(
      int max, long visibilityNanos, long now, MessageQueue deadLetterQueue) {
    List<StoredMessage> out = new ArrayList<>(Math.min(max, 10));
    long cursor = -1;
    Map.Entry<Long, FifoGroup> e;
    long limit = scanLimit();
    while (out.size() < max
        && inflight < maxInflight
        && (e = available.higherEntry(cursor)) != null
        && e.getKey() <= limit) {
      cursor = e.getKey();
      FifoGroup g = e.getValue();
      unlist(g);
      takeFromGroup(g, out, max, visibilityNanos, now, deadLetterQueue);
      settle(g);
    }
    return out;
  }

  private void takeFromGroup(
      FifoGroup g,
      List<StoredMessage> out,
      int max,
      long visibilityNanos,
      long now,
      MessageQueue deadLetterQueue) {
    Iterator<StoredMessage> it = g.messages.iterator();
    while (it.hasNext() && out.size() < max && inflight < maxInflight) {
      StoredMessage m = it.next();
      if (m.state != StoredMessage.VISIBLE || isDelayed(m, now)) {
        return;
      }
      if (m.enqueuedAt + config.messageRetentionPeriod * NANOS_PER_SECOND <= now
          || exceedsReceiveCount(m, deadLetterQueue)) {
        it.remove();
        m.state = StoredMessage.GONE;
        if (!expireIfDue(m, now)) {
          moveTo(m, deadLetterQueue, now);
        }
        continue;
      }
      g.inflight++;
      deliver(m, visibilityNanos, now);
      out.add(m);
    }
  }

  private boolean isDelayed(StoredMessage m, long now) {
    return !m.undelayed && now < m.enqueuedAt + config.delaySeconds * NANOS_PER_SECOND;
  }

  @Override
  boolean hasReceivable(long now) {
    if (inflight >= maxInflight) {
      return false;
    }
    for (FifoGroup g : available.headMap(scanLimit(), true).values()) {
      if (!isDelayed(g.messages.peekFirst(), now)) {
        return true;
      }
    }
    return false;
  }

  @Override
  long nextChange(long now) {
    long next = super.nextChange(now);
    for (FifoGroup g : available.headMap(scanLimit(), true).values()) {
      StoredMessage head = g.messages.peekFirst();
      if (isDelayed(head, now)) {
        next = Math.min(next, head.enqueuedAt + config.delaySeconds * NANOS_PER_SECOND);
      }
    }
    return next;
  }

  @Override
  long visibleCount(long now) {
    return messages.size() - inflight - delayedCount(now);
  }

  @Override
  long delayedCount(long now) {
    if (config.delaySeconds == 0) {
      return 0;
    }
    long count = 0;
    for (StoredMessage m : messages.values()) {
      if (m.state == StoredMessage.VISIBLE && isDelayed(m, now)) {
        count++;
      }
    }
    return count;
  }

  @Override
  void clearType() {
    groups.clear();
    available.clear();
    attempts.clear();
    inWindow = 0;
  }

  @Override
  void removed(StoredMessage m) {
    if (m.sequence <= windowEnd) {
      inWindow--;
    }
  }

  /**
   * The highest sequence a group's oldest message may have for a receive to see the group: the
   * sequence of the queue's 120,000th message, or of its last when it holds fewer.
   */
  private long scanLimit() {
    long last = lastSequence();
    while (inWindow < SqsLimits.FIFO_GROUP_SCAN_WINDOW && windowEnd < last) {
      windowEnd++;
      if (messages.containsKey(windowEnd)) {
        inWindow++;
      }
    }
    return windowEnd;
  }

  /**
   * The messages of an earlier call with {@code attemptId}, if it was made in the last 5 minutes
   * and none of its messages was deleted, changed or received again since; their visibility timeout
   * restarts now. Otherwise null.
   */
  List<StoredMessage> retry(String attemptId, long visibilityNanos, long now) {
    Iterator<Attempt> it = attempts.values().iterator();
    while (it.hasNext() && it.next().expiresAt <= now) {
      it.remove();
    }
    Attempt a = attempts.get(attemptId);
    if (a == null || a.messages.isEmpty() || !unmodified(a)) {
      return null;
    }
    for (int i = 0; i < a.messages.size(); i++) {
      StoredMessage m = a.messages.get(i);
      if (m.state == StoredMessage.VISIBLE) {
        unlist(m.group);
        m.state = StoredMessage.INFLIGHT;
        m.group.inflight++;
        inflight++;
      } else {
        waiting.remove(m);
      }
      m.visibleAt = now + visibilityNanos;
      a.visibleAts[i] = m.visibleAt;
      waiting.add(m);
    }
    return a.messages;
  }

  private boolean unmodified(Attempt a) {
    for (int i = 0; i < a.messages.size(); i++) {
      StoredMessage m = a.messages.get(i);
      if (m.state == StoredMessage.GONE
          || m.receiveCount != a.receiveCounts[i]
          || m.visibleAt != a.visibleAts[i]) {
        return false;
      }
    }
    return true;
  }

  void rememberAttempt(String attemptId, List<StoredMessage> delivered, long now) {
    int[] counts = new int[delivered.size()];
    long[] visibleAts = new long[delivered.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = delivered.get(i).receiveCount;
      visibleAts[i] = delivered.get(i).visibleAt;
    }
    attempts.remove(attemptId);
    attempts.put(
        attemptId,
        new Attempt(now + ATTEMPT_WINDOW_NANOS, List.copyOf(delivered), counts, visibleAts));
  }

  private void list(FifoGroup g) {
    StoredMessage head = g.messages.peekFirst();
    if (head != null) {
      g.listedKey = head.sequence;
      available.put(g.listedKey, g);
    }
  }

  private void unlist(FifoGroup g) {
    if (g.listedKey >= 0) {
      available.remove(g.listedKey);
      g.listedKey = -1;
    }
  }

  /** Lists an unblocked group again, or forgets an empty one. */
  private void settle(FifoGroup g) {
    if (g.messages.isEmpty()) {
      groups.remove(g.id);
    } else if (g.inflight == 0 && g.listedKey < 0) {
      list(g);
    }
  }
}
