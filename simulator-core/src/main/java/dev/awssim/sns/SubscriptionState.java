package dev.awssim.sns;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/** One subscription's state; every field is guarded by the simulation's lock. */
final class SubscriptionState {
  final String arn;
  final Topic topic;
  final String protocol;
  final String endpoint;
  final String owner;
  final Map<String, String> attributes = new LinkedHashMap<>();

  /** The confirmation token SNS sent (HTTP/S), kept after confirmation. */
  String token;

  boolean pending;

  boolean deleted;
  FilterPolicy filterPolicy;
  boolean raw;
  String deadLetterTargetArn;

  /** A subscription-level HTTP/S policy, or null for the topic's. */
  DeliveryPolicy deliveryPolicy;

  /** FIFO: per message group, deliveries waiting behind one that is being retried. */
  final Map<String, ArrayDeque<Runnable>> blockedGroups = new LinkedHashMap<>();

  SubscriptionState(String arn, Topic topic, String protocol, String endpoint, String owner) {
    this.arn = arn;
    this.topic = topic;
    this.protocol = protocol;
    this.endpoint = endpoint;
    this.owner = owner;
  }

  boolean confirmed() {
    return !pending;
  }

  boolean isHttp() {
    return protocol.equals("http") || protocol.equals("https");
  }

  /** The policy this subscription's deliveries retry by; {@code managed} for SQS and Lambda. */
  DeliveryPolicy retryPolicy(DeliveryPolicy managed) {
    if (!isHttp()) {
      return managed;
    }
    return deliveryPolicy != null ? deliveryPolicy : topic.httpPolicy;
  }

  Subscription view() {
    return new Subscription(
        confirmed() ? arn : "PendingConfirmation", owner, protocol, endpoint, topic.arn);
  }
}
