package dev.awssim.kinesis;

import java.util.HashMap;
import java.util.Map;

/** A registered enhanced fan-out consumer and its live subscriptions, one per shard at most. */
final class StreamConsumer {
  final ConsumerDescription description;

  /** When it registered, among all registrations: orders ListStreamConsumers and its tokens. */
  final long ordinal;

  final Map<String, FanOut.Subscription> subscriptions = new HashMap<>();
  final Map<String, Long> lastSubscribeNanos = new HashMap<>();

  StreamConsumer(ConsumerDescription description, long ordinal) {
    this.description = description;
    this.ordinal = ordinal;
  }
}
