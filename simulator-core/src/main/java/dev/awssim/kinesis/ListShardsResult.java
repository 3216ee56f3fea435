package dev.awssim.kinesis;

import java.util.List;

/**
 * A page of ListShards.
 *
 * @param shards the shards of this page, in creation order
 * @param nextToken where the next page starts, or null
 */
public record ListShardsResult(List<ShardDescription> shards, String nextToken) {
  /** Copies the shards. */
  public ListShardsResult {
    shards = List.copyOf(shards);
  }
}
