package dev.awssim.dynamodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * GetItem, Query and Scan
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html): a page reads at
 * most {@code Limit} items or 1 MB, the filter applies after the read, and a page that stopped
 * early carries a LastEvaluatedKey.
 */
final class Reads {
  private final DynamoDbLimits limits;
  private final CapacityGate gate;
  private final ExpressionCache expressions;

  Reads(DynamoDbLimits limits, CapacityGate gate, ExpressionCache expressions) {
    this.expressions = expressions;
    this.limits = limits;
    this.gate = gate;
  }

  GetItemResult get(Table table, GetItemRequest r, long now) {
    table.key.checkKey(r.key());
    ExpressionContext ctx = new ExpressionContext(r.expressionAttributeNames(), Map.of());
    List<DocumentPath> projection =
        r.projectionExpression() == null
            ? null
            : expressions.projection(r.projectionExpression(), ctx);
    ctx.checkAllUsed(projection != null);
    Map<String, AttributeValue> item = table.get(r.key());
    double units =
        Capacities.read(
            item == null ? 0 : Items.size(item), Capacities.readMultiplier(r.consistentRead()));
    List<CapacityCharge> charges =
        List.of(
            new CapacityCharge(
                table.throughput,
                null,
                Capacities.partitionKey(r.key().get(table.key.hashName())),
                false,
                units));
    gate.admitOrThrow("GetItem", charges, now);
    if (item != null && projection != null) {
      item = Projector.project(item, projection);
    }
    return new GetItemResult(item, Capacities.consumed(charges, r.returnConsumedCapacity(), table));
  }

  /** The index a Query or Scan reads, or null for the table; GSIs are eventually consistent. */
  private static SecondaryIndex readIndex(Table table, String indexName, boolean consistentRead) {
    SecondaryIndex index = indexName == null ? null : table.index(indexName);
    if (index != null && index.global && consistentRead) {
      throw Errors.validation("Consistent reads are not supported on global secondary indexes");
    }
    return index;
  }

  QueryResult query(Table table, QueryRequest r, long now) {
    SecondaryIndex index = readIndex(table, r.indexName(), r.consistentRead());
    KeySchema key = index == null ? table.key : index.key;
    ItemStore store = index == null ? table.store : index.store;
    ExpressionContext ctx =
        new ExpressionContext(r.expressionAttributeNames(), r.expressionAttributeValues());
    KeyCondition keyCondition =
        KeyCondition.parse(r.keyConditionExpression(), key, ctx, expressions);
    Condition filter =
        r.filterExpression() == null
            ? null
            : expressions.condition(r.filterExpression(), "FilterExpression", ctx);
    List<DocumentPath> projection =
        r.projectionExpression() == null
            ? null
            : expressions.projection(r.projectionExpression(), ctx);
    ctx.checkAllUsed(true);
    checkLimit(r.limit());
    if (filter != null) {
      checkFilterOnNonKeys(filter, key);
    }
    NavigableMap<List<AttributeValue>, Map<String, AttributeValue>> partition =
        store.partition(keyCondition.partitionKey());
    boolean forward = r.scanIndexForward() == null || r.scanIndexForward();
    NavigableMap<List<AttributeValue>, Map<String, AttributeValue>> ordered =
        forward ? partition : partition.descendingMap();
    if (r.exclusiveStartKey() != null) {
      if (!keyCondition.partitionKey().equals(r.exclusiveStartKey().get(key.hashName()))) {
        // A start key must lie in the partition the key condition selects; the message is the
        // one AWS answers (observed: dynalite's tests against DynamoDB).
        throw Errors.validation(
            "The provided starting key is outside query boundaries based on provided conditions");
      }
      List<AttributeValue> start = sortKeyOf(table, index, r.exclusiveStartKey());
      ordered = ordered.tailMap(start, false);
    }
    Page page = new Page(r.limit(), limits.maxPageBytes());
    for (Map<String, AttributeValue> item : ordered.values()) {
      if (!keyCondition.test(item)) {
        continue;
      }
      if (!page.read(item)) {
        break;
      }
    }
    return page.result(
        table,
        index,
        filter,
        projection,
        r.select(),
        r.consistentRead(),
        keyCondition.partitionKey(),
        r.returnConsumedCapacity(),
        gate,
        now);
  }

  QueryResult scan(Table table, ScanRequest r, long now) {
    SecondaryIndex index = readIndex(table, r.indexName(), r.consistentRead());
    ItemStore store = index == null ? table.store : index.store;
    KeySchema key = index == null ? table.key : index.key;
    ExpressionContext ctx =
        new ExpressionContext(r.expressionAttributeNames(), r.expressionAttributeValues());
    Condition filter =
        r.filterExpression() == null
            ? null
            : expressions.condition(r.filterExpression(), "FilterExpression", ctx);
    List<DocumentPath> projection =
        r.projectionExpression() == null
            ? null
            : expressions.projection(r.projectionExpression(), ctx);
    ctx.checkAllUsed(filter != null || projection != null);
    checkLimit(r.limit());
    int total = r.totalSegments() == null ? 1 : r.totalSegments();
    int segment = r.segment() == null ? 0 : r.segment();
    if ((r.segment() == null) != (r.totalSegments() == null)
        || total < 1
        || total > 1_000_000
        || segment < 0
        || segment >= total) {
      throw Errors.validation(
          "The Segment parameter is required but was not present in the request when parameter TotalSegments is present, or Segment is not less than TotalSegments");
    }
    AttributeValue startPartition =
        r.exclusiveStartKey() == null ? null : r.exclusiveStartKey().get(key.hashName());
    List<AttributeValue> startSort =
        r.exclusiveStartKey() == null ? null : sortKeyOf(table, index, r.exclusiveStartKey());
    Page page = new Page(r.limit(), limits.maxPageBytes());
    // [SIM] a page that reads nothing is charged to the key range where it started
    page.emptyRange =
        startPartition != null
            ? startPartition
            : AttributeValue.s("segment " + segment + "/" + total);
    outer:
    for (AttributeValue partition : store.partitionsFrom(startPartition)) {
      if (segmentOf(partition, total) != segment) {
        continue;
      }
      NavigableMap<List<AttributeValue>, Map<String, AttributeValue>> items =
          store.partition(partition);
      if (partition.equals(startPartition)) {
        items = items.tailMap(startSort, false);
      }
      for (Map<String, AttributeValue> item : items.values()) {
        if (!page.read(item)) {
          break outer;
        }
      }
    }
    return page.result(
        table,
        index,
        filter,
        projection,
        r.select(),
        r.consistentRead(),
        null,
        r.returnConsumedCapacity(),
        gate,
        now);
  }

  /**
   * "A filter expression cannot contain partition key or sort key attributes. You need to specify
   * those attributes in the key condition expression, not the filter expression."
   * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html,
   * "FilterExpression")
   */
  private static void checkFilterOnNonKeys(Condition filter, KeySchema key) {
    for (String name : Condition.topLevelNames(filter)) {
      if (key.isKeyAttribute(name)) {
        throw Errors.validation(
            "Filter Expression can only contain non-primary key attributes: Primary key attribute: "
                + name);
      }
    }
  }

  /** The segment of a partition: segments split the hash order into contiguous ranges. */
  static int segmentOf(AttributeValue partition, int total) {
    long position = (long) partition.hashCode() - Integer.MIN_VALUE;
    return (int) ((position * total) >>> 32);
  }

  private static void checkLimit(Integer limit) {
    if (limit != null && limit < 1) {
      throw Errors.validation(
          "1 validation error detected: Value '"
              + limit
              + "' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
    }
  }

  private static List<AttributeValue> sortKeyOf(
      Table table, SecondaryIndex index, Map<String, AttributeValue> startKey) {
    try {
      return index == null ? table.sortKey(startKey) : index.sortKey(startKey);
    } catch (NullPointerException e) {
      throw Errors.validation(
          "The provided starting key is invalid: The provided key element does not match the schema");
    }
  }

  /** The items one page reads, stopping at Limit items or the page size. */
  private static final class Page {
    private final Integer limit;
    private final long maxBytes;
    private final List<Map<String, AttributeValue>> read = new ArrayList<>();
    private long bytes;
    private boolean stopped;
    private AttributeValue emptyRange;

    Page(Integer limit, long maxBytes) {
      this.limit = limit;
      this.maxBytes = maxBytes;
    }

    /**
     * Reads {@code item}; false when the page is now full (Limit items, or 1 MB reached by this
     * item), so that the page ends with a LastEvaluatedKey.
     */
    boolean read(Map<String, AttributeValue> item) {
      read.add(item);
      bytes += Items.size(item);
      if ((limit != null && read.size() >= limit) || bytes >= maxBytes) {
        stopped = true;
        return false;
      }
      return true;
    }

    /**
     * A Scan page reads key ranges, not one key: its units, rounded once for the page, are shared
     * among the partition keys it read in proportion to their bytes (each share counted against its
     * partition, never against one key's ceiling).
     */
    private List<CapacityCharge> rangeCharges(
        Table table, String indexName, String hashName, double units) {
      long totalMilli = Math.round(units * 1000);
      if (read.isEmpty() || bytes == 0) {
        return List.of(
            new CapacityCharge(
                table.throughput,
                indexName,
                Capacities.partitionKey(emptyRange),
                false,
                units,
                true));
      }
      Map<AttributeValue, Long> bytesByKey = new LinkedHashMap<>();
      for (Map<String, AttributeValue> item : read) {
        bytesByKey.merge(item.get(hashName), Items.size(item), Long::sum);
      }
      List<CapacityCharge> charges = new ArrayList<>(bytesByKey.size());
      long givenMilli = 0;
      long seenBytes = 0;
      for (Map.Entry<AttributeValue, Long> e : bytesByKey.entrySet()) {
        seenBytes += e.getValue();
        // cumulative shares, so that they add up to the page's units exactly
        long upTo = Math.floorDiv(totalMilli * seenBytes, bytes);
        charges.add(
            new CapacityCharge(
                table.throughput,
                indexName,
                Capacities.partitionKey(e.getKey()),
                false,
                (upTo - givenMilli) / 1000.0,
                true));
        givenMilli = upTo;
      }
      return charges;
    }

    QueryResult result(
        Table table,
        SecondaryIndex index,
        Condition filter,
        List<DocumentPath> projection,
        Select select,
        boolean consistent,
        AttributeValue partition,
        ReturnConsumedCapacity mode,
        CapacityGate gate,
        long now) {
      double units = Capacities.read(bytes, Capacities.readMultiplier(consistent));
      String indexName = index == null ? null : index.name;
      List<CapacityCharge> charges;
      if (partition != null) {
        charges =
            List.of(
                new CapacityCharge(
                    table.throughput, indexName, Capacities.partitionKey(partition), false, units));
        gate.admitOrThrow("Query", charges, now);
      } else {
        List<CapacityCharge> ranges =
            rangeCharges(
                table,
                indexName,
                index == null ? table.key.hashName() : index.key.hashName(),
                units);
        gate.admitOrThrow("Scan", ranges, now);
        // the page's units as one charge, so that ConsumedCapacity is the page's rounded units
        charges =
            List.of(
                new CapacityCharge(
                    table.throughput, indexName, ranges.get(0).partitionKey(), false, units, true));
      }
      List<Map<String, AttributeValue>> items = new ArrayList<>();
      for (Map<String, AttributeValue> item : read) {
        if (filter == null || filter.test(item)) {
          items.add(projection == null ? item : Projector.project(item, projection));
        }
      }
      Map<String, AttributeValue> last = null;
      if (stopped && !read.isEmpty()) {
        Map<String, AttributeValue> lastItem = read.get(read.size() - 1);
        last = new LinkedHashMap<>(table.key.keyOf(lastItem));
        if (index != null) {
          last.putAll(index.key.keyOf(lastItem));
        }
      }
      int count = items.size();
      return new QueryResult(
          select == Select.COUNT ? List.of() : items,
          count,
          read.size(),
          last,
          Capacities.consumed(charges, mode, table));
    }
  }
}
