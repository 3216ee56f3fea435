package dev.awssim.dynamodb;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.awssim.internal.RandomIds;
import dev.awssim.internal.SimulationContext;
import dev.awssim.internal.time.Durations;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The DynamoDB data plane on virtual time: tables with GSIs and LSIs, items of every attribute
 * type, condition/update/projection expressions, Query and Scan with paging, batches and
 * transactions, with AWS's errors and capacity accounting. See the package documentation.
 *
 * <pre>{@code
 * DynamoDb db = sim.dynamoDb();
 * db.createTable(CreateTableRequest.of("Orders")
 *     .withKeySchema(List.of(new KeySchemaElement("id", KeyType.HASH)))
 *     .withAttributeDefinitions(List.of(new AttributeDefinition("id", ScalarAttributeType.S)))
 *     .withBillingMode(BillingMode.PAY_PER_REQUEST));
 * db.putItem("Orders", Map.of("id", AttributeValue.s("o-1")));
 * }</pre>
 *
 * <p>Every operation reports AWS's errors as {@link DynamoDbException}, with AWS's error code (all
 * status 400). Each public call reads the virtual clock once and runs at that instant.
 */
public final class DynamoDb {

  private final SimulationContext context;
  private final DynamoDbLimits limits;
  private final Map<String, Table> tables = new TreeMap<>();
  private final ItemWrites writes;
  private final Reads reads;
  private final Transactions transactions;
  private final DynamoDbStreams streams;
  private final CapacityGate gate;
  private final CapacityView capacity;

  /**
   * Creates the service on {@code context}.
   *
   * @throws NullPointerException if an argument is null
   */
  public DynamoDb(SimulationContext context, DynamoDbLimits limits) {
    this.context = checkNotNull(context, "context");
    this.limits = checkNotNull(limits, "limits");
    this.gate =
        new CapacityGate(
            context,
            new AccountThroughput(limits.capacityLimits(), context.clock().start().toEpochMilli()));
    ExpressionCache expressions = new ExpressionCache();
    this.writes = new ItemWrites(limits, gate, expressions);
    this.reads = new Reads(limits, gate, expressions);
    this.transactions = new Transactions(limits, writes, gate);
    this.streams = new DynamoDbStreams(context);
    this.capacity = new CapacityView(context, this::table);
  }

  /**
   * The tables' throughput as AWS does not show it: partitions, burst balance, on-demand peaks,
   * hottest keys ({@link CapacityView#partitions}) and each table's capacity configuration.
   */
  public CapacityView capacity() {
    return capacity;
  }

  /**
   * A test seam: {@code decider} decides every capacity charge instead of the account's throughput
   * ({@code null} restores the account).
   */
  void throughputGate(Function<List<CapacityCharge>, CapacityDecision> decider) {
    synchronized (context.lock()) {
      gate.override(decider);
    }
  }

  // ---------------------------------------------------------------- tables

  /**
   * Creates a table; it is ACTIVE at once ([SIM]: no CREATING delay, so it is usable right after
   * CreateTable and a waiter).
   *
   * @throws DynamoDbException ResourceInUseException if it exists; ValidationException if invalid
   */
  public TableDescription createTable(CreateTableRequest request) {
    synchronized (context.lock()) {
      long now = context.clock().nanos();
      Table table =
          TableDefinitions.create(
              request,
              tables::containsKey,
              context,
              "arn:aws:dynamodb:"
                  + context.account().region()
                  + ":"
                  + context.account().accountId()
                  + ":table/",
              now);
      checkStream(request.streamSpecification());
      Set<String> lsis =
          Set.copyOf(request.localSecondaryIndexes().stream().map(l -> l.indexName()).toList());
      TableCapacity requested = TableDefinitions.capacity(request, limits.capacityKnobs());
      table.throughput =
          capacityRule(
              () -> gate.account().createTable(table.name, table.arn, requested, lsis, now));
      CapacityMetrics.provisioned(context.metrics(), table.throughput);
      enableStream(table, request.streamSpecification(), now);
      tables.put(table.name, table);
      return describe(table);
    }
  }

  /**
   * Describes a table: status, keys, throughput, indexes, item count and storage size.
   *
   * @throws DynamoDbException ResourceNotFoundException if it does not exist
   */
  public TableDescription describeTable(String tableName) {
    synchronized (context.lock()) {
      return describe(table(tableName));
    }
  }

  /**
   * Changes throughput, billing mode, on-demand maximums, warm throughput, the stream or GSIs (new
   * GSIs are backfilled at once, [SIM]). Everything is validated before anything changes: a
   * rejected call changes nothing, the capacity model included.
   *
   * @throws DynamoDbException ResourceNotFoundException, ValidationException (also for a request
   *     that changes nothing), LimitExceededException
   */
  public TableDescription updateTable(UpdateTableRequest request) {
    synchronized (context.lock()) {
      Table table = table(request.tableName());
      StreamSpecification spec = request.streamSpecification();
      boolean open = table.stream != null && table.stream.isOpen();
      if (spec != null && spec.streamEnabled() == open) {
        throw Errors.validation(
            open
                ? "Table already has an enabled stream: " + table.stream.arn
                : "Table does not have a stream to disable");
      }
      if (spec != null && !open) {
        checkStream(spec);
      }
      long now = context.clock().nanos();
      Runnable definitions = TableDefinitions.prepareUpdate(table, request);
      TableCapacity next = TableDefinitions.capacityAfter(table, request);
      capacityRule(
          () -> {
            gate.account().checkUpdate(table.throughput, next, now);
            return null;
          });
      // every check has passed: from here on, nothing fails
      definitions.run();
      gate.account().update(table.throughput, next, now);
      CapacityMetrics.provisioned(context.metrics(), table.throughput);
      if (spec != null && open) {
        table.stream.close(now);
      } else {
        enableStream(table, spec, now);
      }
      return describe(table);
    }
  }

  /**
   * Deletes a table and its items.
   *
   * @throws DynamoDbException ResourceNotFoundException if it does not exist
   */
  public TableDescription deleteTable(String tableName) {
    synchronized (context.lock()) {
      Table table = table(tableName);
      tables.remove(tableName);
      table.deleted = true;
      if (table.stream != null && table.stream.isOpen()) {
        table.stream.close(context.clock().nanos());
      }
      TableDescription d = describe(table);
      gate.account().deleteTable(table.throughput);
      return new TableDescription(
          d.tableName(),
          d.tableArn(),
          d.tableId(),
          TableStatus.DELETING,
          d.creationDateTime(),
          d.keySchema(),
          d.attributeDefinitions(),
          d.billingModeSummary(),
          d.provisionedThroughput(),
          d.globalSecondaryIndexes(),
          d.localSecondaryIndexes(),
          d.itemCount(),
          d.tableSizeBytes(),
          d.streamSpecification(),
          d.latestStreamArn(),
          d.latestStreamLabel(),
          d.onDemandThroughput(),
          d.warmThroughput());
    }
  }

  /** The names of all tables, in UTF-8 order. */
  public List<String> listTables() {
    synchronized (context.lock()) {
      return List.copyOf(tables.keySet());
    }
  }

  // ---------------------------------------------------------------- items

  /**
   * PutItem: creates or replaces an item, optionally under a condition.
   *
   * @throws DynamoDbException ConditionalCheckFailedException, ValidationException,
   *     ResourceNotFoundException, or a throttling error
   * @throws NullPointerException if {@code request} is null
   */
  public PutItemResult putItem(PutItemRequest request) {
    checkNotNull(request, "request");
    synchronized (context.lock()) {
      return writes.put(table(request.tableName()), request, context.clock().nanos());
    }
  }

  /** PutItem of {@code item} with no condition. */
  public PutItemResult putItem(String tableName, Map<String, AttributeValue> item) {
    return putItem(PutItemRequest.of(tableName, item));
  }

  /**
   * GetItem: the item with the key, or a result with a null item.
   *
   * @throws DynamoDbException ValidationException, ResourceNotFoundException, or a throttling error
   * @throws NullPointerException if {@code request} is null
   */
  public GetItemResult getItem(GetItemRequest request) {
    checkNotNull(request, "request");
    synchronized (context.lock()) {
      return reads.get(table(request.tableName()), request, context.clock().nanos());
    }
  }

  /** An eventually consistent GetItem of the whole item; null when absent. */
  public Map<String, AttributeValue> getItem(String tableName, Map<String, AttributeValue> key) {
    return getItem(GetItemRequest.of(tableName, key)).item();
  }

  /**
   * UpdateItem: applies an UpdateExpression (creating the item if absent), optionally under a
   * condition.
   *
   * @throws DynamoDbException ConditionalCheckFailedException, ValidationException,
   *     ResourceNotFoundException, or a throttling error
   * @throws NullPointerException if {@code request} is null
   */
  public UpdateItemResult updateItem(UpdateItemRequest request) {
    checkNotNull(request, "request");
    synchronized (context.lock()) {
      return writes.update(table(request.tableName()), request, context.clock().nanos());
    }
  }

  /**
   * DeleteItem: deletes the item (deleting an absent item succeeds).
   *
   * @throws DynamoDbException ConditionalCheckFailedException, ValidationException,
   *     ResourceNotFoundException, or a throttling error
   * @throws NullPointerException if {@code request} is null
   */
  public DeleteItemResult deleteItem(DeleteItemRequest request) {
    checkNotNull(request, "request");
    synchronized (context.lock()) {
      return writes.delete(table(request.tableName()), request, context.clock().nanos());
    }
  }

  /**
   * Query: one page of the items of one partition key, in sort-key order.
   *
   * @throws DynamoDbException ValidationException, ResourceNotFoundException, or a throttling error
   * @throws NullPointerException if {@code request} is null
   */
  public QueryResult query(QueryRequest request) {
    checkNotNull(request, "request");
    synchronized (context.lock()) {
      return reads.query(table(request.tableName()), request, context.clock().nanos());
    }
  }

  /**
   * Scan: one page of the table's (or segment's) items.
   *
   * @throws DynamoDbException ValidationException, ResourceNotFoundException, or a throttling error
   * @throws NullPointerException if {@code request} is null
   */
  public QueryResult scan(ScanRequest request) {
    checkNotNull(request, "request");
    synchronized (context.lock()) {
      return reads.scan(table(request.tableName()), request, context.clock().nanos());
    }
  }

  /**
   * BatchGetItem: up to 100 keys over several tables, each item charged on its own; keys the gate
   * throttles or that pass the 16 MB response size come back as UnprocessedKeys.
   *
   * @throws DynamoDbException ValidationException for the whole batch (too many keys, duplicate
   *     keys, a bad key), ResourceNotFoundException, a throttling error when no key was read
   */
  public BatchGetItemResult batchGetItem(
      Map<String, KeysAndAttributes> requestItems, ReturnConsumedCapacity returnConsumedCapacity) {
    synchronized (context.lock()) {
      return Batches.get(
          this::table, requestItems, returnConsumedCapacity, limits, gate, context.clock().nanos());
    }
  }

  /**
   * BatchWriteItem: up to 25 puts and deletes over several tables, without conditions; requests the
   * gate throttles come back as UnprocessedItems.
   *
   * @throws DynamoDbException ValidationException for the whole batch (more than 25 requests, two
   *     on one item, an oversize item or key), ResourceNotFoundException, a throttling error when
   *     no request could be processed
   */
  public BatchWriteItemResult batchWriteItem(
      Map<String, List<WriteRequest>> requestItems, ReturnConsumedCapacity returnConsumedCapacity) {
    synchronized (context.lock()) {
      return Batches.write(
          this::table,
          requestItems,
          returnConsumedCapacity,
          limits,
          writes,
          gate,
          context.clock().nanos());
    }
  }

  /**
   * TransactWriteItems: all actions apply, or none does.
   *
   * @throws DynamoDbException TransactionCanceledException with CancellationReasons in request
   *     order; ValidationException (more than 100 actions, two on one item, more than 4 MB);
   *     IdempotentParameterMismatchException for a reused token with other parameters
   * @throws NullPointerException if {@code request} is null
   */
  public TransactWriteItemsResult transactWriteItems(TransactWriteItemsRequest request) {
    checkNotNull(request, "request");
    synchronized (context.lock()) {
      return transactions.write(this::table, request, context.clock().nanos());
    }
  }

  /**
   * TransactGetItems: reads up to 100 items, at most 4 MB in all, as one snapshot, at 2 units per 4
   * KB.
   *
   * @throws DynamoDbException ValidationException (more than 100 gets, two on one item, items past
   *     4 MB), ResourceNotFoundException, TransactionCanceledException when throttled
   */
  public TransactGetItemsResult transactGetItems(
      List<GetItemRequest> gets, ReturnConsumedCapacity returnConsumedCapacity) {
    synchronized (context.lock()) {
      return transactions.get(this::table, gets, returnConsumedCapacity, context.clock().nanos());
    }
  }

  /** The DynamoDB Streams API over this service's table streams. */
  public DynamoDbStreams streams() {
    return streams;
  }

  /**
   * UpdateTimeToLive: enables or disables TTL on a Number attribute of epoch seconds; ENABLED at
   * once ([SIM]). One change per table per hour.
   *
   * @throws DynamoDbException ValidationException when already in that state or changed less than
   *     an hour ago; ResourceNotFoundException
   */
  public TimeToLiveSpecification updateTimeToLive(
      String tableName, TimeToLiveSpecification specification) {
    synchronized (context.lock()) {
      Table table = table(tableName);
      if (specification == null
          || specification.attributeName() == null
          || specification.attributeName().isEmpty()) {
        throw Errors.validation(
            "The attribute name of the time to live specification must not be empty");
      }
      TimeToLive ttl = table.ttl;
      long now = context.clock().nanos();
      if (ttl != null && ttl.enabled == specification.enabled()) {
        throw Errors.validation("TimeToLive is already " + (ttl.enabled ? "enabled" : "disabled"));
      }
      if (ttl == null && !specification.enabled()) {
        throw Errors.validation("TimeToLive is already disabled");
      }
      if (ttl != null && now < ttl.lastChangeNanos + TimeToLive.CHANGE_INTERVAL_NANOS) {
        throw Errors.validation(
            "Time to live has been modified multiple times within a fixed interval");
      }
      if (ttl == null) {
        ttl = new TimeToLive(context, Durations.toNanosSaturated(limits.ttlDeletionDelay()));
        table.ttl = ttl;
      }
      ttl.enabled = specification.enabled();
      ttl.attributeName = specification.attributeName();
      ttl.lastChangeNanos = now;
      if (ttl.enabled) {
        TimeToLive enabled = ttl;
        table
            .store
            .partitionsFrom(null)
            .forEach(
                p ->
                    table
                        .store
                        .partition(p)
                        .values()
                        .forEach(item -> enabled.onWrite(table, item, now)));
      }
      return specification;
    }
  }

  /**
   * DescribeTimeToLive.
   *
   * @throws DynamoDbException ResourceNotFoundException
   */
  public TimeToLiveDescription describeTimeToLive(String tableName) {
    synchronized (context.lock()) {
      TimeToLive ttl = table(tableName).ttl;
      return ttl == null || !ttl.enabled
          ? new TimeToLiveDescription(TimeToLiveStatus.DISABLED, null)
          : new TimeToLiveDescription(TimeToLiveStatus.ENABLED, ttl.attributeName);
    }
  }

  private static TableDescription describe(Table table) {
    return TableDefinitions.describe(table);
  }

  /** Runs a rule of the capacity layer, raising its rejection as the DynamoDB error. */
  private static <T> T capacityRule(java.util.function.Supplier<T> rule) {
    try {
      return rule.get();
    } catch (CapacityException e) {
      throw Errors.of(e.errorCode(), e.errorMessage());
    }
  }

  private static void checkStream(StreamSpecification spec) {
    if (spec != null && spec.streamEnabled() && spec.streamViewType() == null) {
      throw Errors.validation("StreamViewType is required when a stream is enabled");
    }
  }

  private void enableStream(Table table, StreamSpecification spec, long now) {
    if (spec == null || !spec.streamEnabled()) {
      return;
    }
    String suffix = RandomIds.hex(context.random().stream("dynamodb/" + table.name + "/shards"), 8);
    table.stream =
        new Stream(table, spec.streamViewType(), context.clock().toInstant(now), now, suffix);
    streams.register(table.stream);
  }

  private Table table(String name) {
    if (name == null) {
      throw Errors.required("tableName");
    }
    Table table = tables.get(name);
    if (table == null) {
      throw Errors.tableNotFound(name);
    }
    return table;
  }

  static String newTableId(SimulationContext context, String name) {
    return RandomIds.uuid(context.random().stream("dynamodb/" + name + "/id")).toString();
  }
}
