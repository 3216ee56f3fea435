package dev.awssim.sns;

/**
 * How one delivery attempt to an endpoint ended
 * (https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html).
 */
public enum DeliveryStatus {
  /** The endpoint took the message. */
  DELIVERED,
  /**
   * A client-side error (the endpoint was deleted, a policy denies, the message is too large for
   * it): not retried; the message goes to the subscription's dead-letter queue or is discarded.
   */
  CLIENT_ERROR,
  /** A server-side error (unavailable, throttled): retried under the delivery policy. */
  SERVER_ERROR
}
