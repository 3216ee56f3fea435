package dev.awssim.kinesis;

import java.util.HashMap;
import java.util.Map;

/** A registered enhanced fan-out consumer and its live subscriptions, one per shard at most. */
final class StreamConsumer {
  final ConsumerDescription description;
  final Map<String, FanOut.Subscription> subscriptions = new HashMap<>();
  final Map<String, Long> lastSubscribeNanos = new HashMap<>();

  StreamConsumer(ConsumerDescription description) {
    this.description = description;
  }
}
