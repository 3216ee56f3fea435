package dev.awssim.sns;

import dev.awssim.engine.trace.TraceEventType;

/** The trace events of simulated SNS. */
public enum SnsEventType implements TraceEventType {
  /** A topic was created. */
  TOPIC_CREATED,
  /** A topic was deleted. */
  TOPIC_DELETED,
  /** A subscription was created (confirmed or pending). */
  SUBSCRIBED,
  /** A pending subscription was confirmed. */
  CONFIRMED,
  /** A subscription was deleted. */
  UNSUBSCRIBED,
  /** A message was accepted. */
  PUBLISHED,
  /** A FIFO publish was accepted but not delivered: its deduplication id was seen. */
  DEDUPLICATED,
  /** A subscription's filter policy did not match a message. */
  FILTERED_OUT,
  /** A message reached an endpoint. */
  DELIVERED,
  /** A delivery attempt failed and will be retried. */
  DELIVERY_RETRY_SCHEDULED,
  /** A delivery failed for good (client error or retries exhausted). */
  DELIVERY_FAILED,
  /** A failed delivery went to the subscription's dead-letter queue. */
  MOVED_TO_DLQ;

  @Override
  public String service() {
    return "sns";
  }
}
