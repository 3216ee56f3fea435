package dev.awssim.dynamodb;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import dev.awssim.dynamodb.capacity.CapacityKnobs;

/**
 * A table's capacity configuration: on-demand or provisioned ({@code BillingMode} PAY_PER_REQUEST
 * or PROVISIONED), the table's own {@link IndexCapacity}, one per GSI, the [SIM] {@link
 * CapacityKnobs}, and whether DynamoDB Streams is enabled (which turns off hot-item isolation on
 * provisioned tables, {@code burst-adaptive-capacity.html#isolate-frequent-access-items}).
 *
 * <pre>{@code
 * TableCapacity.provisioned(100, 100).withIndex("byEmail", IndexCapacity.provisioned(100, 100));
 * }</pre>
 */
record TableCapacity(
    boolean payPerRequest,
    IndexCapacity table,
    ImmutableMap<String, IndexCapacity> indexes,
    CapacityKnobs knobs,
    boolean streamEnabled) {
  /**
   * Validates the configuration.
   *
   * @throws NullPointerException if a component is null
   */
  public TableCapacity {
    checkNotNull(table, "table");
    checkNotNull(indexes, "indexes");
    checkNotNull(knobs, "knobs");
  }

  /** A configuration of a table without a stream. */
  public TableCapacity(
      boolean payPerRequest,
      IndexCapacity table,
      ImmutableMap<String, IndexCapacity> indexes,
      CapacityKnobs knobs) {
    this(payPerRequest, table, indexes, knobs, false);
  }

  /** Provisioned with the given RCU and WCU, no GSIs, default knobs. */
  public static TableCapacity provisioned(long readCapacityUnits, long writeCapacityUnits) {
    return new TableCapacity(
        false,
        IndexCapacity.provisioned(readCapacityUnits, writeCapacityUnits),
        ImmutableMap.of(),
        CapacityKnobs.defaults());
  }

  /** On-demand, no maximum, no GSIs, default knobs. */
  public static TableCapacity onDemand() {
    return new TableCapacity(
        true, IndexCapacity.onDemand(), ImmutableMap.of(), CapacityKnobs.defaults());
  }

  /** A copy with one more (or a replaced) GSI. */
  public TableCapacity withIndex(String indexName, IndexCapacity capacity) {
    ImmutableMap.Builder<String, IndexCapacity> builder = ImmutableMap.builder();
    indexes.forEach(
        (name, c) -> {
          if (!name.equals(indexName)) {
            builder.put(name, c);
          }
        });
    return new TableCapacity(
        payPerRequest, table, builder.put(indexName, capacity).build(), knobs, streamEnabled);
  }

  /** A copy with the table's own capacity replaced. */
  public TableCapacity withTable(IndexCapacity capacity) {
    return new TableCapacity(payPerRequest, capacity, indexes, knobs, streamEnabled);
  }

  /** A copy with other knobs. */
  public TableCapacity withKnobs(CapacityKnobs value) {
    return new TableCapacity(payPerRequest, table, indexes, value, streamEnabled);
  }

  /** A copy on-demand (PAY_PER_REQUEST, {@code true}) or provisioned. */
  public TableCapacity withPayPerRequest(boolean value) {
    return new TableCapacity(value, table, indexes, knobs, streamEnabled);
  }

  /** A copy with DynamoDB Streams enabled or not. */
  public TableCapacity withStreamEnabled(boolean value) {
    return new TableCapacity(payPerRequest, table, indexes, knobs, value);
  }

  /**
   * The knobs in force: "This isolation functionality is not available for tables using Provisioned
   * Read/Write Capacity Mode that have enabled DynamoDB Streams" ({@code
   * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/burst-adaptive-capacity.html#isolate-frequent-access-items}),
   * so a provisioned table with a stream never isolates hot items; an on-demand one still does.
   */
  CapacityKnobs effectiveKnobs() {
    return streamEnabled && !payPerRequest ? knobs.withHotItemIsolation(false) : knobs;
  }
}
