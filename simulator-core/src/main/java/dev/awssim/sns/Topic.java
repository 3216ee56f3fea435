package dev.awssim.sns;

import dev.awssim.internal.metrics.MetricSeries;
import dev.awssim.internal.throttle.SlidingWindowLimiter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One topic: its attributes, subscriptions in creation order and FIFO state. */
final class Topic {
  final String name;
  final String arn;
  final boolean fifo;
  final Map<String, String> attributes;
  final List<SubscriptionState> subscriptions = new ArrayList<>();

  /**
   * The subscriptions as an array, rebuilt when one is added or removed: a publish fans out over
   * the array it read at its start (deliveries may subscribe or unsubscribe) without copying it.
   */
  private SubscriptionState[] fanOut = new SubscriptionState[0];

  /** FIFO deduplication: key (id, or group + id) -> first publish's result and expiry. */
  final Map<String, Dedup> dedup = new LinkedHashMap<>();

  /** FIFO sequence numbers: a counter, written as AWS's 20-digit decimal strings. */
  long lastSequence;

  /** This topic's metric series by {@link TopicMetric} ordinal, null until first recorded. */
  final MetricSeries[] metrics = new MetricSeries[TopicMetric.values().length];

  /** The topic's HTTP/S retry policy (its DeliveryPolicy, else SNS's default). */
  DeliveryPolicy httpPolicy;

  /** The seeded stream of this topic's message ids, looked up once (the publish hot path). */
  java.util.random.RandomGenerator ids;

  Topic(
      String name,
      String arn,
      boolean fifo,
      Map<String, String> attributes,
      DeliveryPolicy httpPolicy) {
    this.httpPolicy = httpPolicy;
    this.name = name;
    this.arn = arn;
    this.fifo = fifo;
    this.attributes = new LinkedHashMap<>(attributes);
  }

  void addSubscription(SubscriptionState s) {
    subscriptions.add(s);
    fanOut = subscriptions.toArray(fanOut);
  }

  void removeSubscription(SubscriptionState s) {
    subscriptions.remove(s);
    fanOut = subscriptions.toArray(new SubscriptionState[0]);
  }

  /** The subscriptions in creation order; the caller must not write to the array. */
  SubscriptionState[] fanOut() {
    return fanOut;
  }

  boolean contentBasedDeduplication() {
    return "true".equalsIgnoreCase(attributes.get("ContentBasedDeduplication"));
  }

  /** The FIFO topic-scope quotas of {@link SnsLimits}, made on the first publish. */
  SlidingWindowLimiter fifoMessages;

  SlidingWindowLimiter fifoBytes;

  boolean dedupPerGroup() {
    return "MessageGroup".equals(attributes.get("FifoThroughputScope"));
  }

  /** A remembered deduplication id. */
  record Dedup(PublishResult result, long expiresAtNanos) {}
}
