package dev.awssim.dax;

import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.internal.SimulationContext;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One DAX cluster in front of DynamoDB: an item cache (GetItem, BatchGetItem) and a query cache
 * (Query, Scan), each with its TTL and LRU eviction, and the rules of {@code
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.consistency.html}:
 *
 * <ul>
 *   <li>An eventually consistent read is served from the cache while the entry lives, [written,
 *       written + TTL); on a miss DAX reads DynamoDB (eventually consistent), stores the result and
 *       returns it. An item that does not exist is cached too (negative caching).
 *   <li>A strongly consistent read, and TransactGetItems, pass through to DynamoDB and are never
 *       cached.
 *   <li>A write through DAX goes to DynamoDB first; only when DynamoDB accepts it does DAX store
 *       the item in the item cache, whatever the old entry's age. A failed write (throttling
 *       included) caches nothing.
 *   <li>Writes never touch the query cache, and queries never fill the item cache; a write that
 *       bypasses DAX leaves the cached item stale until its TTL or eviction.
 * </ul>
 *
 * <p>The cluster knows nothing of DynamoDB's types: the caller (the DAX-backed {@code
 * DynamoDbClient} of simulator-awssdk) passes the DynamoDB call as a {@link Supplier} and keys and
 * values with value equality. Metrics are AWS's, namespace {@code AWS/DAX}, dimension {@code
 * ClusterId}: {@code ItemCacheHits}, {@code ItemCacheMisses}, {@code QueryCacheHits}, {@code
 * QueryCacheMisses}, {@code ScanCacheHits}, {@code ScanCacheMisses}, {@code
 * <Operation>RequestCount}, {@code TotalRequestCount}, {@code ErrorRequestCount}, {@code
 * ThrottledRequestCount} ({@code
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/dax-metrics-dimensions-dax.html}).
 */
public final class DaxCluster {
  /** The metrics namespace of DAX. */
  public static final String NAMESPACE = "AWS/DAX";

  /** The value an item-cache entry holds for an item that does not exist. */
  static final Object NO_ITEM = new Object();

  private final SimulationContext context;
  private final String name;
  private final DaxClusterConfig config;
  private final TtlLruCache items;
  private final TtlLruCache queries;
  private final Dimensions dimensions;
  private long second = Long.MIN_VALUE;
  private int readsThisSecond;
  private int writesThisSecond;

  DaxCluster(SimulationContext context, String name, DaxClusterConfig config) {
    this.context = context;
    this.name = name;
    this.config = config;
    this.items = new TtlLruCache(config.itemTtl().toNanos(), config.maxItemCacheEntries());
    this.queries = new TtlLruCache(config.queryTtl().toNanos(), config.maxQueryCacheEntries());
    this.dimensions = Dimensions.of("ClusterId", name);
  }

  /** The cluster's name. */
  public String name() {
    return name;
  }

  /** The cluster's settings. */
  public DaxClusterConfig config() {
    return config;
  }

  /**
   * One item read (GetItem, or one key of a BatchGetItem, counted as a GetItem): from the cache
   * when eventually consistent and cached, else from {@code dynamoDbRead}, whose result (null for
   * "no such item") is cached unless {@code consistentRead}.
   *
   * @param operation {@code GetItem} or {@code BatchGetItem}, for the request-count metric
   * @throws DaxException {@code ThrottlingException} when the nodes are saturated this second
   * @throws RuntimeException whatever {@code dynamoDbRead} throws; nothing is cached then
   */
  @SuppressWarnings("unchecked")
  public <V> V getItem(
      String operation,
      String tableName,
      Object key,
      boolean consistentRead,
      Supplier<V> dynamoDbRead) {
    synchronized (context.lock()) {
      admit(operation, false);
      if (consistentRead) {
        return call(dynamoDbRead);
      }
      ItemKey k = new ItemKey(tableName, key);
      long now = context.clock().nanos();
      TtlLruCache.Entry e = items.get(k, now);
      if (e != null) {
        count("ItemCacheHits");
        return e.value() == NO_ITEM ? null : (V) e.value();
      }
      count("ItemCacheMisses");
      V v = call(dynamoDbRead);
      items.put(k, v == null ? NO_ITEM : v, context.clock().nanos());
      return v;
    }
  }

  /**
   * A Query or Scan: from the query cache when eventually consistent and this exact request was
   * answered within the query TTL, else from {@code dynamoDbRead}, cached (an empty result too)
   * unless {@code consistentRead} or the query TTL is zero.
   *
   * @param operation {@code Query} or {@code Scan}
   * @param request the request with every parameter that shapes the answer (value equality)
   * @throws DaxException {@code ThrottlingException} when the nodes are saturated this second
   */
  @SuppressWarnings("unchecked")
  public <V> V query(
      String operation, Object request, boolean consistentRead, Supplier<V> dynamoDbRead) {
    synchronized (context.lock()) {
      admit(operation, false);
      String prefix = "Scan".equals(operation) ? "Scan" : "Query";
      if (consistentRead) {
        return call(dynamoDbRead);
      }
      long now = context.clock().nanos();
      TtlLruCache.Entry e = queries.get(request, now);
      if (e != null) {
        count(prefix + "CacheHits");
        return (V) e.value();
      }
      count(prefix + "CacheMisses");
      V v = call(dynamoDbRead);
      if (!config.queryTtl().isZero()) {
        queries.put(request, v, context.clock().nanos());
      }
      return v;
    }
  }

  /**
   * A write through DAX: {@code dynamoDbWrite} first; if it succeeds, {@code cacheAfter} says which
   * item-cache entries to set (write-through), and the result is returned. If it throws, nothing is
   * cached and the error goes to the caller.
   *
   * @param operation {@code PutItem}, {@code UpdateItem}, {@code DeleteItem}, {@code
   *     BatchWriteItem} or {@code TransactWriteItems}
   * @throws DaxException {@code ThrottlingException} when the primary node is saturated this second
   */
  public <R> R write(
      String operation, Supplier<R> dynamoDbWrite, Function<R, List<ItemUpdate>> cacheAfter) {
    synchronized (context.lock()) {
      admit(operation, true);
      R result = call(dynamoDbWrite);
      long now = context.clock().nanos();
      for (ItemUpdate u : cacheAfter.apply(result)) {
        ItemKey k = new ItemKey(u.tableName(), u.key());
        if (u.evict()) {
          items.remove(k);
        } else {
          items.put(k, u.item() == null ? NO_ITEM : u.item(), now);
        }
      }
      return result;
    }
  }

  /**
   * A call DAX forwards without caching (TransactGetItems).
   *
   * @throws DaxException {@code ThrottlingException} when the nodes are saturated this second
   */
  public <R> R passThrough(String operation, Supplier<R> dynamoDbCall) {
    synchronized (context.lock()) {
      admit(operation, false);
      return call(dynamoDbCall);
    }
  }

  /** Live and expired-but-not-yet-evicted entries in the item cache. */
  public int itemCacheSize() {
    synchronized (context.lock()) {
      return items.size();
    }
  }

  /** Entries in the query cache. */
  public int queryCacheSize() {
    synchronized (context.lock()) {
      return queries.size();
    }
  }

  /** Entries evicted from the item cache because it was full. */
  public long itemCacheEvictions() {
    synchronized (context.lock()) {
      return items.evictions();
    }
  }

  private <R> R call(Supplier<R> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      count("ErrorRequestCount");
      throw e;
    }
  }

  /**
   * Counts the request, and throttles it when node throttling is on: reads spread over every node,
   * writes go to the primary only ({@code DAX.concepts.html}), counted per whole second.
   */
  private void admit(String operation, boolean write) {
    count(requestCountMetric(operation));
    count("TotalRequestCount");
    if (config.nodeRequestsPerSecond() == 0) {
      return;
    }
    long s = context.clock().now().getEpochSecond();
    if (s != second) {
      second = s;
      readsThisSecond = 0;
      writesThisSecond = 0;
    }
    int perNode = config.nodeRequestsPerSecond();
    boolean over =
        write
            ? writesThisSecond + readsThisSecond / config.nodes() >= perNode
            : readsThisSecond + writesThisSecond >= (long) perNode * config.nodes();
    if (over) {
      count("ThrottledRequestCount");
      throw DaxException.throttling(name);
    }
    if (write) {
      writesThisSecond++;
    } else {
      readsThisSecond++;
    }
  }

  private static String requestCountMetric(String operation) {
    return operation.startsWith("Transact") ? operation + "Count" : operation + "RequestCount";
  }

  private void count(String metric) {
    context.metrics().record(NAMESPACE, metric, dimensions, 1);
  }

  private record ItemKey(String tableName, Object key) {}
}
