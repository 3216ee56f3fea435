package dev.awssim.kinesis;

import java.util.LinkedHashMap;
import java.util.Map;

/** A registered enhanced fan-out consumer and its live subscriptions, one per shard at most. */
final class StreamConsumer {
  final ConsumerDescription description;

  /** When it registered, among all registrations: orders ListStreamConsumers and its tokens. */
  final long ordinal;

  /** Live subscriptions by shard id, in the order they started (deletion ends them in it). */
  final Map<String, FanOut.Subscription> subscriptions = new LinkedHashMap<>();

  final Map<String, Long> lastSubscribeNanos = new LinkedHashMap<>();

  StreamConsumer(ConsumerDescription description, long ordinal) {
    this.description = description;
    this.ordinal = ordinal;
  }
}
