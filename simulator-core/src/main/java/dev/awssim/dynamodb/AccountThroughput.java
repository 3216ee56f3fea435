package dev.awssim.dynamodb;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.awssim.dynamodb.capacity.CapacityLimits;
import dev.awssim.internal.time.TimeUnits;
import dev.awssim.internal.time.UtcCalendar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB's capacity and throttling model for one account and Region (see the package essay): the
 * quotas that span tables, and the one place where tables' throughput is created, changed and
 * charged. Each {@link TableThroughput} belongs to its table; this object only knows them, in
 * creation order, for the account-wide sums.
 *
 * <p>Every method takes the virtual time {@code now} (nanoseconds since the simulation's start) and
 * neither reads a clock nor locks: the DynamoDB model calls it holding the simulation's lock, with
 * the time it read once for the call.
 */
final class AccountThroughput {
  private final CapacityLimits limits;
  private final UtcCalendar utc;
  private final Map<String, TableThroughput> tables = new LinkedHashMap<>();

  /**
   * An account without tables.
   *
   * @param limits the quotas and on-demand numbers
   * @param startEpochMillis the simulation's start instant, so that UTC days can be told apart
   * @throws NullPointerException if {@code limits} is null
   */
  public AccountThroughput(CapacityLimits limits, long startEpochMillis) {
    this.limits = checkNotNull(limits, "limits");
    this.utc = new UtcCalendar(java.time.Instant.ofEpochMilli(startEpochMillis));
  }

  /**
   * Validates a new table's capacity and, if it is valid, creates and counts its throughput; the
   * table's LSIs ({@code localIndexNames}) share the table's capacity.
   *
   * @throws CapacityException ValidationException for provisioned units below 1 or on-demand
   *     maximums out of range, LimitExceededException over the table or account quota (provisioned
   *     tables count against the account's 80,000 RCU and WCU, {@code ServiceQuotas.html}); nothing
   *     is created then
   */
  public TableThroughput createTable(
      String tableName,
      String tableArn,
      TableCapacity capacity,
      Set<String> localIndexNames,
      long now) {
    checkNotNull(tableName, "tableName");
    validate(tableName, capacity);
    TableThroughput table =
        new TableThroughput(tableName, tableArn, capacity, localIndexNames, limits, now);
    table.configure(capacity, now);
    tables.put(tableName, table);
    return table;
  }

  /**
   * Checks, without changing anything, that {@code table} may take the capacity {@code next}:
   * provisioned decreases (4 in the first UTC hour of a day, then 1 per hour) and switches to
   * on-demand (4 per rolling 24 h) are limited, and the table and account quotas hold.
   *
   * @throws CapacityException ValidationException or LimitExceededException
   */
  public void checkUpdate(TableThroughput table, TableCapacity next, long now) {
    validate(table.name, next);
    if (switchesToOnDemand(table, next)) {
      long recent = table.switches.stream().filter(t -> t > now - TimeUnits.NANOS_PER_DAY).count();
      if (recent >= limits.onDemandSwitchesPerDay()) {
        throw CapacityException.limitExceeded(
            "Subscriber limit exceeded: Billing mode updates to PAY_PER_REQUEST are limited to "
                + limits.onDemandSwitchesPerDay()
                + " per 24 hours for table "
                + table.name);
      }
    }
    for (Resource r : table.decreasedBy(next)) {
      if (!DecreaseRule.allows(r.decreases, now, utc)) {
        throw CapacityException.limitExceeded(
            "Subscriber limit exceeded: Provisioned throughput decreases are limited within a"
                + " given UTC day ("
                + r.arn
                + ")");
      }
    }
  }

  /**
   * Applies a capacity change that {@link #checkUpdate} accepted, counting its decreases and its
   * switch to on-demand.
   */
  public void update(TableThroughput table, TableCapacity next, long now) {
    table.decreasedBy(next).forEach(r -> r.decreases.add(now));
    if (switchesToOnDemand(table, next)) {
      table.switches.removeIf(t -> t <= now - TimeUnits.NANOS_PER_DAY);
      table.switches.add(now);
    }
    table.configure(next, now);
  }

  private static boolean switchesToOnDemand(TableThroughput table, TableCapacity next) {
    return next.payPerRequest() && !table.capacity.payPerRequest();
  }

  /** Forgets a deleted table: it no longer counts against the account. */
  public void deleteTable(TableThroughput table) {
    tables.remove(table.name, table);
  }

  /**
   * One atomic decision for one operation: admitted only if every charge fits (base-table
   * partition, each GSI partition, table and account quotas); consumes nothing when throttled.
   *
   * @throws CapacityException ValidationException for an index the table does not have
   */
  public CapacityDecision admit(List<CapacityCharge> charges, long now) {
    List<Applied> applied = charges.size() > 1 ? new ArrayList<>(charges.size()) : null;
    for (CapacityCharge charge : charges) {
      TableThroughput table = charge.table();
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
        if (applied != null) {
          applied.forEach(Applied::undo);
        }
        return refused;
      }
      long fromBurst = lane.onDemand ? 0 : Math.max(0, milli - lane.allowance(partition));
      lane.apply(partition, charge.partitionKey(), charge.range(), milli, fromBurst);
      if (applied != null) {
        applied.add(
            new Applied(lane, partition, charge.partitionKey(), charge.range(), milli, fromBurst));
      }
    }
    return CapacityDecision.admitted();
  }

  private long accountUsed(boolean write, long now) {
    long sum = 0;
    for (TableThroughput t : tables.values()) {
      sum += t.usedThisSecond(write, now);
    }
    return sum;
  }

  private void validate(String tableName, TableCapacity capacity) {
    if (capacity.payPerRequest()) {
      validateOnDemand(tableName, capacity);
      return;
    }
    long read = 0;
    long write = 0;
    for (IndexCapacity c : TableThroughput.all(capacity)) {
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
    for (TableThroughput other : tables.values()) {
      if (!other.name.equals(tableName) && !other.capacity.payPerRequest()) {
        for (IndexCapacity c : TableThroughput.all(other.capacity)) {
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

  /** On-demand maximums above the per-table quota are out of range (API_OnDemandThroughput). */
  private void validateOnDemand(String tableName, TableCapacity capacity) {
    for (IndexCapacity c : TableThroughput.all(capacity)) {
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

  private record Applied(
      Lane lane, int partition, PartitionKey key, boolean range, long milli, long fromBurst) {
    void undo() {
      lane.apply(partition, key, range, -milli, -fromBurst);
    }
  }
}
