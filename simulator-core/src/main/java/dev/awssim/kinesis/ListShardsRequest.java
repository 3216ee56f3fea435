package dev.awssim.kinesis;

/**
 * A ListShards call ({@code
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListShards.html}): either a stream
 * (with an optional start shard and filter) or the NextToken of an earlier page.
 *
 * <pre>{@code
 * ListShardsResult open = kinesis.listShards(
 *     ListShardsRequest.of("orders").withShardFilter(ShardFilter.of(ShardFilterType.AT_LATEST)));
 * }</pre>
 *
 * @param streamName the stream; not with {@code nextToken}
 * @param nextToken the NextToken of the previous page, or null
 * @param exclusiveStartShardId list the shards after this one; not with {@code nextToken}
 * @param maxResults 1-10,000 shards per page, or null for 10,000
 * @param shardFilter which shards to list, or null for every shard within retention
 */
public record ListShardsRequest(
    String streamName,
    String nextToken,
    String exclusiveStartShardId,
    Integer maxResults,
    ShardFilter shardFilter) {

  /** Every shard of {@code streamName} within retention, in one page of at most 10,000. */
  public static ListShardsRequest of(String streamName) {
    return new ListShardsRequest(streamName, null, null, null, null);
  }

  /** The page after the one that returned {@code nextToken}. */
  public static ListShardsRequest next(String nextToken) {
    return new ListShardsRequest(null, nextToken, null, null, null);
  }

  /** This request with at most {@code max} shards per page. */
  public ListShardsRequest withMaxResults(Integer max) {
    return new ListShardsRequest(streamName, nextToken, exclusiveStartShardId, max, shardFilter);
  }

  /** This request with {@code filter}. */
  public ListShardsRequest withShardFilter(ShardFilter filter) {
    return new ListShardsRequest(streamName, nextToken, exclusiveStartShardId, maxResults, filter);
  }
}
