package dev.awssim.dynamodb.capacity;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.awssim.engine.SimulationContext;
import dev.awssim.engine.metrics.Dimensions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's capacity and throttling model for one simulation; see the package essay.
 *
 * <pre>{@code
 * CapacityModel model = new CapacityModel(sim.context(), CapacityLimits.defaults());
 * model.createTable("Orders", arn, TableCapacity.provisioned(100, 100));
 * model.tryConsume(List.of(new CapacityCharge("Orders", null, "S:a", true, 1))).isAdmitted();
 * }</pre>
 */
public final class CapacityModel {
  static final String NAMESPACE = "AWS/DynamoDB";
  private static final long HOUR_NANOS = 3_600_000_000_000L;

  private final SimulationContext context;
  private final CapacityLimits limits;
  private final Map<String, Table> tables = new LinkedHashMap<>();

  /** Creates an empty model on the simulation's clock, metrics and trace. */
  public CapacityModel(SimulationContext context, CapacityLimits limits) {
    this.context = checkNotNull(context, "context");
    this.limits = checkNotNull(limits, "limits");
  }

  /**
   * Registers a table's capacity.
   *
   * @throws CapacityException ValidationException for provisioned units below 1,
   *     LimitExceededException over the table or account quota (provisioned tables count against
   *     the account's 80,000 RCU and WCU, {@code ServiceQuotas.html})
   */
  public void createTable(String tableName, String tableArn, TableCapacity capacity) {
    synchronized (context.lock()) {
      validate(tableName, capacity);
      Table table = new Table(tableName, tableArn, capacity, limits, now());
      table.configure(capacity, now());
      tables.put(tableName, table);
      recordProvisioned(table);
    }
  }

  /**
   * Changes a table's capacity: provisioned decreases (4 in the first UTC hour of a day, then 1 per
   * hour) and switches to on-demand (4 per rolling 24 h) are limited.
   *
   * @throws CapacityException ResourceNotFoundException, ValidationException or
   *     LimitExceededException (also over the table or account quota); nothing changes then
   */
  public void updateTable(String tableName, TableCapacity capacity) {
    synchronized (context.lock()) {
      Table table = table(tableName);
      validate(tableName, capacity);
      long now = now();
      boolean toOnDemand =
          capacity.billingMode() == BillingMode.PAY_PER_REQUEST
              && table.capacity.billingMode() == BillingMode.PROVISIONED;
      if (toOnDemand) {
        table.switches.removeIf(t -> t <= now - 24 * HOUR_NANOS);
        if (table.switches.size() >= limits.onDemandSwitchesPerDay()) {
          throw CapacityException.limitExceeded(
              "Subscriber limit exceeded: Billing mode updates to PAY_PER_REQUEST are limited to "
                  + limits.onDemandSwitchesPerDay()
                  + " per 24 hours for table "
                  + tableName);
        }
      }
      List<Resource> decreased = table.decreasedBy(capacity);
      for (Resource r : decreased) {
        if (!DecreaseRule.allows(r.decreases, now, context.clock().start().toEpochMilli())) {
          throw CapacityException.limitExceeded(
              "Subscriber limit exceeded: Provisioned throughput decreases are limited within a"
                  + " given UTC day ("
                  + r.arn
                  + ")");
        }
      }
      decreased.forEach(r -> r.decreases.add(now));
      if (toOnDemand) {
        table.switches.add(now);
      }
      table.configure(capacity, now);
      recordProvisioned(table);
    }
  }

  /** Forgets a table (no error if unknown). */
  public void deleteTable(String tableName) {
    synchronized (context.lock()) {
      tables.remove(tableName);
    }
  }

  /**
   * Tells the model the table's size, which splits partitions at 10 GB each ({@link
   * CapacityKnobs#partitionBytes}); cheap when no split is due, so the data plane calls it on every
   * write.
   *
   * @throws CapacityException ResourceNotFoundException for an unknown table
   */
  public void updateStorage(String tableName, long tableSizeBytes) {
    synchronized (context.lock()) {
      Table table = table(tableName);
      table.base.storageBytes = Math.max(0, tableSizeBytes);
      long partitionBytes = table.capacity.knobs().partitionBytes();
      if ((table.base.storageBytes + partitionBytes - 1) / partitionBytes > table.base.partitions) {
        table.configure(table.capacity, now());
      }
    }
  }

  /**
   * One atomic decision for one operation: admitted only if every charge fits (base-table
   * partition, each GSI partition, table and account quotas); consumes nothing when throttled.
   *
   * @throws CapacityException ResourceNotFoundException for an unknown table; ValidationException
   *     for an unknown index
   */
  public CapacityDecision tryConsume(List<CapacityCharge> charges) {
    return tryConsume(null, charges);
  }

  /**
   * As {@link #tryConsume(List)} for one call of the DynamoDB action {@code operation} (e.g. {@code
   * "PutItem"}), which a throttle records in {@code ThrottledRequests} with dimensions {@code
   * TableName} and {@code Operation} ({@code metrics-dimensions.html}); a batch's entries are not
   * counted there (only a batch throttled whole is, see {@link #recordThrottledRequest}).
   *
   * @throws CapacityException ResourceNotFoundException for an unknown table; ValidationException
   *     for an unknown index
   */
  public CapacityDecision tryConsume(String operation, List<CapacityCharge> charges) {
    synchronized (context.lock()) {
      long now = now();
      List<Applied> applied = new ArrayList<>(charges.size());
      for (CapacityCharge charge : charges) {
        Table table = table(charge.tableName());
        Resource resource = table.resource(charge.indexName());
        Lane lane = resource.lane(charge.write());
        lane.roll(now);
        int partition = resource.partitionOf(charge.partitionKey());
        long milli = charge.milliUnits();
        CapacityDecision refused =
            Admission.check(
                () -> table.usedThisSecond(charge.write(), now),
                resource,
                lane,
                partition,
                charge,
                milli,
                limits,
                () -> accountUsed(charge.write(), now));
        if (refused != null) {
          applied.forEach(Applied::undo);
          recordThrottle(operation, table, resource, charge, refused);
          return refused;
        }
        long fromBurst = lane.onDemand ? 0 : Math.max(0, milli - lane.allowance(partition));
        lane.apply(partition, charge.partitionKey(), charge.range(), milli, fromBurst);
        applied.add(
            new Applied(lane, partition, charge.partitionKey(), charge.range(), milli, fromBurst));
      }
      for (CapacityCharge charge : charges) {
        Resource resource = tables.get(charge.tableName()).resource(charge.indexName());
        resource
            .lane(charge.write())
            .consumed(context.metrics(), resource.dimensions)
            .recordHoldingLock(charge.units());
      }
      return CapacityDecision.admitted();
    }
  }

  /**
   * The partitions of a table ({@code indexName == null}) or a GSI, for learners.
   *
   * @throws CapacityException ResourceNotFoundException or ValidationException
   */
  public List<PartitionView> partitions(String tableName, String indexName) {
    synchronized (context.lock()) {
      Table table = table(tableName);
      table.rollAll(now());
      Resource r = table.resource(indexName);
      List<PartitionView> views = new ArrayList<>();
      for (int p = 0; p < r.partitions; p++) {
        long start = (((long) p) << 32) / r.partitions;
        long end = (((long) p + 1) << 32) / r.partitions - 1;
        views.add(
            new PartitionView(
                p,
                start,
                end,
                r.read.rateMilli / 1000.0 / r.partitions,
                r.write.rateMilli / 1000.0 / r.partitions,
                r.read.partUsed[p] / 1000.0,
                r.write.partUsed[p] / 1000.0,
                r.read.partTotal[p],
                r.write.partTotal[p],
                r.read.burstMilli / 1000.0,
                r.write.burstMilli / 1000.0,
                hottest(r, p)));
      }
      return views;
    }
  }

  private static List<PartitionView.HotKey> hottest(Resource r, int p) {
    List<PartitionView.HotKey> keys = new ArrayList<>();
    for (Lane lane : List.of(r.read, r.write)) {
      lane.lastKeys.forEach(
          (k, v) -> {
            if (r.partitionOf(k) == p) {
              keys.add(new PartitionView.HotKey(k, lane.write, v[0] / 1000.0));
            }
          });
    }
    keys.sort(
        Comparator.comparingDouble(PartitionView.HotKey::units)
            .reversed()
            .thenComparing(PartitionView.HotKey::partitionKey));
    return List.copyOf(keys.subList(0, Math.min(5, keys.size())));
  }

  private long accountUsed(boolean write, long now) {
    long sum = 0;
    for (Table t : tables.values()) {
      sum += t.usedThisSecond(write, now);
    }
    return sum;
  }

  /**
   * Counts one throttled request of {@code operation} on a table in {@code ThrottledRequests}: a
   * BatchGetItem or BatchWriteItem counts there only when every entry was throttled ({@code
   * metrics-dimensions.html}), which only the caller knows.
   */
  public void recordThrottledRequest(String tableName, String operation) {
    synchronized (context.lock()) {
      context
          .metrics()
          .record(NAMESPACE, "ThrottledRequests", requestDimensions(tableName, operation), 1);
    }
  }

  private static Dimensions requestDimensions(String tableName, String operation) {
    return operation == null
        ? Dimensions.of("TableName", tableName)
        : Dimensions.of("TableName", tableName, "Operation", operation);
  }

  private void recordThrottle(
      String operation, Table table, Resource resource, CapacityCharge charge, CapacityDecision d) {
    String rw = charge.write() ? "Write" : "Read";
    context.metrics().record(NAMESPACE, rw + "ThrottleEvents", resource.dimensions, 1);
    if (!"BatchGetItem".equals(operation) && !"BatchWriteItem".equals(operation)) {
      context
          .metrics()
          .record(NAMESPACE, "ThrottledRequests", requestDimensions(table.name, operation), 1);
    }
    String reason = d.reasons().get(0).reason();
    String limitType = reason.substring(reason.indexOf(rw) + rw.length()).replace("Exceeded", "");
    context.metrics().record(NAMESPACE, rw + limitType + "ThrottleEvents", resource.dimensions, 1);
    if (context.trace().isEnabled()) {
      context
          .trace()
          .record(
              CapacityTraceEvent.THROTTLED,
              resource.arn,
              com.google.common.collect.ImmutableMap.of(
                  "reason",
                  reason,
                  "partitionKey",
                  charge.partitionKey(),
                  "partition",
                  Integer.toString(resource.partitionOf(charge.partitionKey())),
                  "units",
                  Double.toString(charge.units())));
    }
  }

  private void recordProvisioned(Table table) {
    for (Resource r : table.resources()) {
      context
          .metrics()
          .record(
              NAMESPACE, "ProvisionedReadCapacityUnits", r.dimensions, r.read.rateMilli / 1000.0);
      context
          .metrics()
          .record(
              NAMESPACE, "ProvisionedWriteCapacityUnits", r.dimensions, r.write.rateMilli / 1000.0);
    }
  }

  private void validate(String tableName, TableCapacity capacity) {
    checkNotNull(tableName, "tableName");
    if (capacity.billingMode() != BillingMode.PROVISIONED) {
      validateOnDemand(tableName, capacity);
      return;
    }
    long read = 0;
    long write = 0;
    for (IndexCapacity c : all(capacity)) {
      if (c.readCapacityUnits() < 1 || c.writeCapacityUnits() < 1) {
        throw CapacityException.validation(
            "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified and be greater than 0");
      }
      read += c.readCapacityUnits();
      write += c.writeCapacityUnits();
    }
    if (Math.max(read, write) > limits.tableUnits()) {
      throw CapacityException.limitExceeded(
          "Subscriber limit exceeded: table "
              + tableName
              + " exceeds the per-table throughput quota of "
              + limits.tableUnits());
    }
    long accountRead = read;
    long accountWrite = write;
    for (Table other : tables.values()) {
      if (!other.name.equals(tableName)
          && other.capacity.billingMode() == BillingMode.PROVISIONED) {
        for (IndexCapacity c : all(other.capacity)) {
          accountRead += c.readCapacityUnits();
          accountWrite += c.writeCapacityUnits();
        }
      }
    }
    if (Math.max(accountRead, accountWrite) > limits.accountUnits()) {
      throw CapacityException.limitExceeded(
          "Subscriber limit exceeded: the provisioned throughput of the account would exceed its"
              + " quota of "
              + limits.accountUnits()
              + " read and "
              + limits.accountUnits()
              + " write capacity units (table "
              + tableName
              + ")");
    }
  }

  private static List<IndexCapacity> all(TableCapacity capacity) {
    List<IndexCapacity> all = new ArrayList<>(capacity.indexes().values());
    all.add(capacity.table());
    return all;
  }

  /** On-demand maximums above the per-table quota are out of range (API_OnDemandThroughput). */
  private void validateOnDemand(String tableName, TableCapacity capacity) {
    for (IndexCapacity c : all(capacity)) {
      for (long max : new long[] {c.maxReadRequestUnits(), c.maxWriteRequestUnits()}) {
        if (max > limits.tableUnits()) {
          throw CapacityException.validation(
              "One or more parameter values were invalid: Requested OnDemandThroughput for table "
                  + tableName
                  + " is outside of valid range");
        }
      }
    }
  }

  /**
   * The capacity configuration of a table as it stands.
   *
   * @throws CapacityException ResourceNotFoundException for an unknown table
   */
  public TableCapacity capacity(String tableName) {
    synchronized (context.lock()) {
      return table(tableName).capacity;
    }
  }

  /**
   * What the table ({@code indexName == null}) or a GSI can serve at once, as DescribeTable's
   * {@code WarmThroughput} shows it.
   *
   * @throws CapacityException ResourceNotFoundException or ValidationException
   */
  public WarmThroughputView warmThroughput(String tableName, String indexName) {
    synchronized (context.lock()) {
      Table table = table(tableName);
      Resource r = table.resource(indexName);
      IndexCapacity c =
          indexName == null ? table.capacity.table() : table.capacity.indexes().get(indexName);
      if (table.capacity.billingMode() == BillingMode.PAY_PER_REQUEST) {
        return new WarmThroughputView(2 * r.read.peakMilli / 1000, 2 * r.write.peakMilli / 1000);
      }
      return new WarmThroughputView(
          Math.max(c.readCapacityUnits(), c.warmReadUnitsPerSecond()),
          Math.max(c.writeCapacityUnits(), c.warmWriteUnitsPerSecond()));
    }
  }

  private Table table(String name) {
    Table t = tables.get(name);
    if (t == null) {
      throw CapacityException.notFound(name);
    }
    return t;
  }

  private long now() {
    return context.clock().nanos();
  }

  private record Applied(
      Lane lane, int partition, String key, boolean range, long milli, long fromBurst) {
    void undo() {
      lane.apply(partition, key, range, -milli, -fromBurst);
    }
  }
}
