package dev.awssim.dynamodb.capacity;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;

/**
 * A table's capacity configuration: billing mode, the table's own {@link IndexCapacity}, one per
 * GSI, and the [SIM] {@link CapacityKnobs}.
 *
 * <pre>{@code
 * TableCapacity.provisioned(100, 100).withIndex("byEmail", IndexCapacity.provisioned(100, 100));
 * }</pre>
 */
public record TableCapacity(
    BillingMode billingMode,
    IndexCapacity table,
    ImmutableMap<String, IndexCapacity> indexes,
    CapacityKnobs knobs) {
  public TableCapacity {
    checkNotNull(billingMode, "billingMode");
    checkNotNull(table, "table");
    checkNotNull(indexes, "indexes");
    checkNotNull(knobs, "knobs");
  }

  /** Provisioned with the given RCU and WCU, no GSIs, default knobs. */
  public static TableCapacity provisioned(long readCapacityUnits, long writeCapacityUnits) {
    return new TableCapacity(
        BillingMode.PROVISIONED,
        IndexCapacity.provisioned(readCapacityUnits, writeCapacityUnits),
        ImmutableMap.of(),
        CapacityKnobs.defaults());
  }

  /** On-demand, no maximum, no GSIs, default knobs. */
  public static TableCapacity onDemand() {
    return new TableCapacity(
        BillingMode.PAY_PER_REQUEST,
        IndexCapacity.onDemand(),
        ImmutableMap.of(),
        CapacityKnobs.defaults());
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
    return new TableCapacity(billingMode, table, builder.put(indexName, capacity).build(), knobs);
  }

  /** A copy with the table's own capacity replaced. */
  public TableCapacity withTable(IndexCapacity capacity) {
    return new TableCapacity(billingMode, capacity, indexes, knobs);
  }

  /** A copy with other knobs. */
  public TableCapacity withKnobs(CapacityKnobs value) {
    return new TableCapacity(billingMode, table, indexes, value);
  }

  /** A copy in another billing mode. */
  public TableCapacity withBillingMode(BillingMode value) {
    return new TableCapacity(value, table, indexes, knobs);
  }
}
