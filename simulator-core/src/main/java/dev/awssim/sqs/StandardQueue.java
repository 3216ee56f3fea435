package dev.awssim.sqs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A standard queue: visible messages wait in one deque in the order they became visible (arrival
 * order for fresh messages), so delivery is deterministic unless faults are switched on ({@link
 * SqsFaults}). Deleting or expiring a visible message marks it gone; gone messages at the deque's
 * head leave it at once (retention expires messages in arrival order, so an unread queue stays
 * bounded), and the rest are swept out once they outnumber the visible ones (amortised O(1)).
 */
final class StandardQueue extends MessageQueue {
  /** Gone messages the deque may hold beyond the visible ones before it is swept. */
  private static final int STALE_SLACK = 64;

  final ArrayDeque<StoredMessage> ready = new ArrayDeque<>();
  private long visible;
  private long delayed;

  StandardQueue(QueueSetup setup) {
    super(setup);
  }

  @Override
  Sent send(OutgoingMessage out, long now) {
    UUID messageId = newMessageId();
    StoredMessage m = store(out, messageId, null, now, now);
    observer.sent(m, now);
    return new Sent(messageId.toString(), null);
  }

  @Override
  void enqueue(StoredMessage m, long now) {
    if (m.visibleAt <= now) {
      m.state = StoredMessage.VISIBLE;
      ready.addLast(m);
      visible++;
    } else {
      m.state = StoredMessage.DELAYED;
      waiting.add(m);
      delayed++;
    }
  }

  @Override
  void becameVisible(StoredMessage m) {
    if (m.state == StoredMessage.INFLIGHT) {
      inflight--;
      observer.visibleAgain(m);
    } else {
      delayed--;
    }
    m.state = StoredMessage.VISIBLE;
    ready.addLast(m);
    visible++;
  }

  @Override
  void detach(StoredMessage m) {
    switch (m.state) {
      case StoredMessage.VISIBLE -> {
        visible--;
        m.state = StoredMessage.GONE;
        dropGone();
        return;
      }
      case StoredMessage.DELAYED -> {
        waiting.remove(m);
        delayed--;
      }
      case StoredMessage.INFLIGHT -> {
        waiting.remove(m);
        inflight--;
      }
      default -> {
        return;
      }
    }
    m.state = StoredMessage.GONE;
  }

  /** Drops gone messages from the deque: at its head at once, elsewhere once they are the most. */
  private void dropGone() {
    while (!ready.isEmpty() && ready.peekFirst().state != StoredMessage.VISIBLE) {
      ready.pollFirst();
    }
    if (ready.size() > 2 * visible + STALE_SLACK) {
      ready.removeIf(m -> m.state != StoredMessage.VISIBLE);
    }
  }

  @Override
  List<StoredMessage> receive(
      int max, long visibilityNanos, long now, MessageQueue deadLetterQueue) {
    List<StoredMessage> out = new ArrayList<>(Math.min(max, 10));
    while (out.size() < max && inflight < maxInflight && !ready.isEmpty()) {
      StoredMessage m = ready.pollFirst();
      if (m.state != StoredMessage.VISIBLE || expireIfDue(m, now)) {
        continue;
      }
      visible--;
      if (exceedsReceiveCount(m, deadLetterQueue)) {
        moveTo(m, deadLetterQueue, now);
        continue;
      }
      deliver(m, visibilityNanos, now);
      out.add(m);
    }
    return out;
  }

  @Override
  boolean hasReceivable(long now) {
    return visible > 0 && inflight < maxInflight;
  }

  @Override
  long visibleCount(long now) {
    return visible;
  }

  @Override
  long delayedCount(long now) {
    return delayed;
  }

  @Override
  void clearType() {
    ready.clear();
    visible = 0;
    delayed = 0;
  }
}
