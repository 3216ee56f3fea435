package dev.awssim.dax;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;

/**
 * A DAX cluster's cache settings: the item and query caches' TTLs (the parameter group's {@code
 * record-ttl-millis} and {@code query-ttl-millis}), how many entries each cache holds before LRU
 * eviction, the node count, and the optional per-node request capacity. Sources: {@code
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.concepts.html}, {@code
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.cluster-management.html}.
 *
 * <pre>{@code
 * DaxClusterConfig shortLived = DaxClusterConfig.defaults().withItemTtl(Duration.ofSeconds(30));
 * }</pre>
 *
 * @param itemTtl how long an item-cache entry is served; zero means entries leave only by LRU
 *     eviction or a write-through
 * @param queryTtl how long a query-cache entry is served; zero means query results are not cached
 * @param maxItemCacheEntries item-cache entries before the least recently used is evicted
 * @param maxQueryCacheEntries query-cache entries before the least recently used is evicted
 * @param nodes the node count (1 to 11)
 * @param nodeRequestsPerSecond requests per second one node serves before {@code
 *     ThrottlingException}; 0 turns node throttling off
 */
public record DaxClusterConfig(
    Duration itemTtl,
    Duration queryTtl,
    int maxItemCacheEntries,
    int maxQueryCacheEntries,
    int nodes,
    int nodeRequestsPerSecond) {

  /**
   * The item cache's default TTL, 5 minutes ({@code record-ttl-millis} = 300,000; {@code
   * DAX.cluster-management.html}).
   */
  public static final Duration DEFAULT_ITEM_TTL = Duration.ofMinutes(5);

  /**
   * The query cache's default TTL, 5 minutes ({@code query-ttl-millis} = 300,000; {@code
   * DAX.cluster-management.html}).
   */
  public static final Duration DEFAULT_QUERY_TTL = Duration.ofMinutes(5);

  /**
   * A cluster has at most 11 nodes, a primary and up to 10 read replicas ({@code
   * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.concepts.cluster.html}).
   */
  public static final int MAX_NODES = 11;

  /**
   * Validates the settings.
   *
   * @throws NullPointerException if a TTL is null
   * @throws IllegalArgumentException if a TTL is negative or a count is out of range
   */
  public DaxClusterConfig {
    checkNotNull(itemTtl, "itemTtl");
    checkNotNull(queryTtl, "queryTtl");
    checkArgument(!itemTtl.isNegative(), "itemTtl: %s", itemTtl);
    checkArgument(!queryTtl.isNegative(), "queryTtl: %s", queryTtl);
    checkArgument(maxItemCacheEntries > 0, "maxItemCacheEntries: %s", maxItemCacheEntries);
    checkArgument(maxQueryCacheEntries > 0, "maxQueryCacheEntries: %s", maxQueryCacheEntries);
    checkArgument(nodes >= 1 && nodes <= MAX_NODES, "nodes: %s", nodes);
    checkArgument(nodeRequestsPerSecond >= 0, "nodeRequestsPerSecond: %s", nodeRequestsPerSecond);
  }

  /**
   * AWS's TTLs, caches bounded only by memory (AWS does not publish an entry count), one node, no
   * node throttling.
   */
  public static DaxClusterConfig defaults() {
    return new DaxClusterConfig(
        DEFAULT_ITEM_TTL, DEFAULT_QUERY_TTL, Integer.MAX_VALUE, Integer.MAX_VALUE, 1, 0);
  }

  /** These settings with item TTL {@code ttl}. */
  public DaxClusterConfig withItemTtl(Duration ttl) {
    return new DaxClusterConfig(
        ttl, queryTtl, maxItemCacheEntries, maxQueryCacheEntries, nodes, nodeRequestsPerSecond);
  }

  /** These settings with query TTL {@code ttl}. */
  public DaxClusterConfig withQueryTtl(Duration ttl) {
    return new DaxClusterConfig(
        itemTtl, ttl, maxItemCacheEntries, maxQueryCacheEntries, nodes, nodeRequestsPerSecond);
  }

  /** These settings with LRU caches of at most {@code items} and {@code queries} entries. */
  public DaxClusterConfig withMaxEntries(int items, int queries) {
    return new DaxClusterConfig(itemTtl, queryTtl, items, queries, nodes, nodeRequestsPerSecond);
  }

  /**
   * These settings with {@code nodes} nodes each serving {@code requestsPerSecond} (0: no limit).
   */
  public DaxClusterConfig withNodes(int nodes, int requestsPerSecond) {
    return new DaxClusterConfig(
        itemTtl, queryTtl, maxItemCacheEntries, maxQueryCacheEntries, nodes, requestsPerSecond);
  }
}
