package dev.awssim.sqs;

import static dev.awssim.internal.time.TimeUnits.NANOS_PER_MINUTE;

import com.google.common.collect.ImmutableMap;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.time.VirtualClock;
import dev.awssim.internal.SimulationContext;
import dev.awssim.internal.metrics.MetricRecorder;
import dev.awssim.internal.metrics.MetricSeries;
import dev.awssim.internal.trace.TraceRecorder;

/**
 * The trace events and CloudWatch metrics of one queue (namespace {@code AWS/SQS}, dimension {@code
 * QueueName}, names from {@code sqs-available-cloudwatch-metrics.html}). Counters are recorded as
 * things happen; the gauges (ApproximateNumberOf..., ApproximateAgeOfOldestMessage) are sampled at
 * most once per virtual minute, when the queue is first touched in that minute, as SQS publishes
 * them at one-minute intervals.
 */
final class QueueObserver {
  static final String NAMESPACE = "AWS/SQS";

  private final TraceRecorder trace;
  private final VirtualClock clock;
  private final String queueName;
  private final MetricSeries sent;
  private final MetricSeries received;
  private final MetricSeries deleted;
  private final MetricSeries emptyReceives;
  private final MetricSeries sentSize;
  private final MetricSeries visible;
  private final MetricSeries notVisible;
  private final MetricSeries delayed;
  private final MetricSeries ageOfOldest;
  private long sampledMinute = -1;

  QueueObserver(SimulationContext context, String queueName) {
    this.trace = context.trace();
    this.clock = context.clock();
    this.queueName = queueName;
    MetricRecorder m = context.metrics();
    Dimensions d = Dimensions.of("QueueName", queueName);
    this.sent = m.series(NAMESPACE, "NumberOfMessagesSent", d);
    this.received = m.series(NAMESPACE, "NumberOfMessagesReceived", d);
    this.deleted = m.series(NAMESPACE, "NumberOfMessagesDeleted", d);
    this.emptyReceives = m.series(NAMESPACE, "NumberOfEmptyReceives", d);
    this.sentSize = m.series(NAMESPACE, "SentMessageSize", d);
    this.visible = m.series(NAMESPACE, "ApproximateNumberOfMessagesVisible", d);
    this.notVisible = m.series(NAMESPACE, "ApproximateNumberOfMessagesNotVisible", d);
    this.delayed = m.series(NAMESPACE, "ApproximateNumberOfMessagesDelayed", d);
    this.ageOfOldest = m.series(NAMESPACE, "ApproximateAgeOfOldestMessage", d);
  }

  void sampleGauges(long now, MessageQueue queue) {
    long minute = now / NANOS_PER_MINUTE;
    if (minute == sampledMinute) {
      return;
    }
    sampledMinute = minute;
    visible.record((double) queue.visibleCount(now));
    notVisible.record((double) queue.inflightCount());
    delayed.record((double) queue.delayedCount(now));
    ageOfOldest.record((double) queue.oldestAgeSeconds(now));
  }

  void queueEvent(SqsEventType type) {
    trace.record(type, queueName);
  }

  /** {@code m} was stored at {@code now} (the clock's nanos, read by the caller in this call). */
  void sent(StoredMessage m, long now) {
    sent.recordHoldingLock(1, now);
    sentSize.recordHoldingLock(m.size, now);
    if (trace.isEnabled()) {
      trace.record(
          SqsEventType.SENT,
          queueName,
          m.groupId == null
              ? ImmutableMap.of("messageId", m.messageId())
              : ImmutableMap.of("messageId", m.messageId(), "groupId", m.groupId));
    }
  }

  void deduplicated(String messageId, String deduplicationId, long now) {
    sent.recordHoldingLock(1, now);
    if (trace.isEnabled()) {
      trace.record(
          SqsEventType.DEDUPLICATED,
          queueName,
          ImmutableMap.of("messageId", messageId, "deduplicationId", deduplicationId));
    }
  }

  /** {@code m} was delivered at {@code m.receivedAt}, the caller's now. */
  void received(StoredMessage m) {
    received.recordHoldingLock(1, m.receivedAt);
    if (trace.isEnabled()) {
      withCount(SqsEventType.RECEIVED, m, "visibleAt", instant(m.visibleAt));
    }
  }

  void emptyReceive() {
    emptyReceives.recordHoldingLock(1);
  }

  void deleted(StoredMessage m, boolean lost) {
    deleted.recordHoldingLock(1);
    if (trace.isEnabled()) {
      trace.record(
          lost ? SqsEventType.DELETE_LOST : SqsEventType.DELETED,
          queueName,
          ImmutableMap.of("messageId", m.messageId()));
    }
  }

  void visibilityChanged(StoredMessage m) {
    at(SqsEventType.VISIBILITY_CHANGED, m, "visibleAt", m.visibleAt);
  }

  void visibleAgain(StoredMessage m) {
    at(SqsEventType.VISIBLE_AGAIN, m, "at", m.visibleAt);
  }

  void expired(StoredMessage m, long at) {
    at(SqsEventType.EXPIRED, m, "at", at);
  }

  void moved(StoredMessage m, String deadLetterQueue) {
    if (trace.isEnabled()) {
      withCount(SqsEventType.MOVED_TO_DLQ, m, "deadLetterQueue", deadLetterQueue);
    }
  }

  void purged(int count) {
    if (trace.isEnabled()) {
      trace.record(
          SqsEventType.PURGED, queueName, ImmutableMap.of("count", Integer.toString(count)));
    }
  }

  void throttled(String action) {
    if (trace.isEnabled()) {
      trace.record(SqsEventType.THROTTLED, queueName, ImmutableMap.of("action", action));
    }
  }

  private void withCount(SqsEventType type, StoredMessage m, String key, String value) {
    trace.record(
        type,
        queueName,
        ImmutableMap.of(
            "messageId",
            m.messageId(),
            "receiveCount",
            Integer.toString(m.receiveCount),
            key,
            value));
  }

  private void at(SqsEventType type, StoredMessage m, String key, long nanos) {
    if (trace.isEnabled()) {
      trace.record(
          type, queueName, ImmutableMap.of("messageId", m.messageId(), key, instant(nanos)));
    }
  }

  private String instant(long nanos) {
    return clock.toInstant(nanos).toString();
  }
}
