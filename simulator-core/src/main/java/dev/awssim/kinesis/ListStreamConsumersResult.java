package dev.awssim.kinesis;

import java.util.List;

/**
 * A page of ListStreamConsumers.
 *
 * @param consumers the consumers of this page, in registration order
 * @param nextToken where the next page starts (valid for 300 seconds), or null on the last page
 */
public record ListStreamConsumersResult(List<ConsumerDescription> consumers, String nextToken) {
  /** Copies the consumers. */
  public ListStreamConsumersResult {
    consumers = List.copyOf(consumers);
  }
}
