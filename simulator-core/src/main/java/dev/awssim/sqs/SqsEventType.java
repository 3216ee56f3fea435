package dev.awssim.sqs;

import dev.awssim.engine.trace.TraceEventType;

/**
 * The trace events of simulated SQS. Events whose moment is computed lazily ({@link
 * #VISIBLE_AGAIN}, {@link #EXPIRED}) are recorded when the queue is next touched, with the exact
 * moment in the attribute {@code at}.
 *
 * <pre>{@code
 * List<TraceEvent> moves = sim.trace().events(SqsEventType.MOVED_TO_DLQ);
 * }</pre>
 */
public enum SqsEventType implements TraceEventType {
  /** A queue was created. */
  QUEUE_CREATED,
  /** A queue was deleted. */
  QUEUE_DELETED,
  /** A message was accepted. */
  SENT,
  /** A FIFO send was accepted but not enqueued: its deduplication id was seen in the window. */
  DEDUPLICATED,
  /** A message was delivered by ReceiveMessage. */
  RECEIVED,
  /** An in-flight message's visibility timeout ended without a delete. */
  VISIBLE_AGAIN,
  /** A message's visibility timeout was changed. */
  VISIBILITY_CHANGED,
  /** A message was deleted. */
  DELETED,
  /** A delete was lost (fault injection): the message will be delivered again. */
  DELETE_LOST,
  /** A message exceeded maxReceiveCount and moved to the dead-letter queue. */
  MOVED_TO_DLQ,
  /** A message reached the end of its retention period and was deleted. */
  EXPIRED,
  /** A queue was purged. */
  PURGED,
  /** A request was throttled. */
  THROTTLED;

  @Override
  public String service() {
    return "sqs";
  }
}
