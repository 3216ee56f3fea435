package dev.awssim.dynamodb;

import com.google.common.collect.ImmutableMap;
import dev.awssim.dynamodb.capacity.CapacityCharge;
import dev.awssim.dynamodb.capacity.CapacityDecision;
import dev.awssim.dynamodb.capacity.CapacityException;
import dev.awssim.dynamodb.capacity.CapacityKnobs;
import dev.awssim.dynamodb.capacity.CapacityModel;
import dev.awssim.dynamodb.capacity.IndexCapacity;
import dev.awssim.dynamodb.capacity.TableCapacity;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Connects the data plane to the capacity model: every charge goes through {@link
 * CapacityModel#tryConsume}, and tables' billing mode, throughput, on-demand maximums, warm
 * throughput and stream follow CreateTable and UpdateTable.
 */
final class CapacityWiring implements ThroughputGate {
  private final CapacityModel model;
  private final CapacityKnobs knobs;

  CapacityWiring(CapacityModel model, CapacityKnobs knobs) {
    this.model = model;
    this.knobs = knobs;
  }

  CapacityModel model() {
    return model;
  }

  @Override
  public Throttle admit(List<Charge> charges) {
    return admit(null, charges);
  }

  @Override
  public Throttle admit(String operation, List<Charge> charges) {
    List<CapacityCharge> converted = new ArrayList<>(charges.size());
    for (Charge charge : charges) {
      converted.add(
          new CapacityCharge(
              charge.tableName(),
              charge.indexName(),
              canonical(charge.partitionKey()),
              charge.write(),
              charge.units(),
              charge.range()));
    }
    CapacityDecision decision = model.tryConsume(operation, converted);
    if (decision.isAdmitted()) {
      return null;
    }
    List<ThrottlingReason> reasons = new ArrayList<>();
    decision.reasons().forEach(r -> reasons.add(new ThrottlingReason(r.reason(), r.resourceArn())));
    return new Throttle(decision.errorCode(), decision.message(), reasons);
  }

  @Override
  public void storageChanged(String tableName, long tableBytes) {
    model.updateStorage(tableName, tableBytes);
  }

  @Override
  public void throttledRequest(String tableName, String operation) {
    model.recordThrottledRequest(tableName, operation);
  }

  /** Registers a new (validated) table's capacity; an AWS error leaves nothing registered. */
  void createTable(Table table, CreateTableRequest request) {
    boolean onDemand = table.billingMode == BillingMode.PAY_PER_REQUEST;
    ImmutableMap.Builder<String, IndexCapacity> indexes = ImmutableMap.builder();
    for (GlobalSecondaryIndex g : request.globalSecondaryIndexes()) {
      indexes.put(g.indexName(), capacity(g, onDemand));
    }
    TableCapacity capacity =
        new TableCapacity(
            modelMode(table.billingMode),
            capacity(
                IndexCapacity.onDemand(),
                onDemand,
                table.throughput,
                request.onDemandThroughput(),
                request.warmThroughput()),
            indexes.build(),
            knobs,
            request.streamSpecification() != null && request.streamSpecification().streamEnabled());
    translate(() -> model.createTable(table.name, table.arn, capacity));
  }

  /**
   * Applies a validated UpdateTable's capacity changes to the table's capacity as it stands (so
   * that what the request does not mention, such as on-demand maximums, stays); an AWS error
   * changes nothing.
   */
  void updateTable(Table table, UpdateTableRequest request) {
    TableCapacity before = model.capacity(table.name);
    BillingMode mode = request.billingMode() != null ? request.billingMode() : table.billingMode;
    boolean onDemand = mode == BillingMode.PAY_PER_REQUEST;
    ProvisionedThroughput tableThroughput =
        request.provisionedThroughput() != null
            ? request.provisionedThroughput()
            : table.throughput;
    Map<String, IndexCapacity> indexes = new LinkedHashMap<>(before.indexes());
    for (GlobalSecondaryIndexUpdate u : request.globalSecondaryIndexUpdates()) {
      if (u.create() != null) {
        indexes.put(u.create().indexName(), capacity(u.create(), onDemand));
      } else if (u.deleteIndexName() != null) {
        indexes.remove(u.deleteIndexName());
      } else if (u.updateIndexName() != null) {
        IndexCapacity current = indexes.get(u.updateIndexName());
        ProvisionedThroughput t =
            u.updateThroughput() != null
                ? u.updateThroughput()
                : new ProvisionedThroughput(
                    current.readCapacityUnits(), current.writeCapacityUnits());
        indexes.put(
            u.updateIndexName(),
            capacity(current, onDemand, t, u.updateOnDemandThroughput(), u.updateWarmThroughput()));
      }
    }
    ImmutableMap.Builder<String, IndexCapacity> after = ImmutableMap.builder();
    indexes.forEach(
        (name, c) -> after.put(name, onDemand ? capacity(c, true, null, null, null) : c));
    TableCapacity capacity =
        new TableCapacity(
            modelMode(mode),
            capacity(
                before.table(),
                onDemand,
                tableThroughput,
                request.onDemandThroughput(),
                request.warmThroughput()),
            after.build(),
            before.knobs(),
            request.streamSpecification() != null
                ? request.streamSpecification().streamEnabled()
                : before.streamEnabled());
    translate(() -> model.updateTable(table.name, capacity));
  }

  private static dev.awssim.dynamodb.capacity.BillingMode modelMode(BillingMode mode) {
    return dev.awssim.dynamodb.capacity.BillingMode.valueOf(mode.name());
  }

  void deleteTable(String tableName) {
    model.deleteTable(tableName);
  }

  /** The capacity of a GSI to create. */
  private static IndexCapacity capacity(GlobalSecondaryIndex g, boolean onDemand) {
    return capacity(
        IndexCapacity.onDemand(),
        onDemand,
        g.provisionedThroughput(),
        g.onDemandThroughput(),
        g.warmThroughput());
  }

  /**
   * {@code current} with the given throughput (ignored on-demand), and the on-demand maximums (-1 =
   * none) and warm throughput that are set; null fields keep their current values.
   */
  private static IndexCapacity capacity(
      IndexCapacity current,
      boolean onDemand,
      ProvisionedThroughput throughput,
      OnDemandThroughput maxima,
      WarmThroughput warm) {
    IndexCapacity c =
        new IndexCapacity(
            onDemand || throughput == null ? 0 : throughput.readCapacityUnits(),
            onDemand || throughput == null ? 0 : throughput.writeCapacityUnits(),
            current.maxReadRequestUnits(),
            current.maxWriteRequestUnits(),
            current.warmReadUnitsPerSecond(),
            current.warmWriteUnitsPerSecond());
    if (maxima != null) {
      c =
          c.withMaxRequestUnits(
              maximum(maxima.maxReadRequestUnits(), c.maxReadRequestUnits()),
              maximum(maxima.maxWriteRequestUnits(), c.maxWriteRequestUnits()));
    }
    if (warm != null) {
      c =
          c.withWarmThroughput(
              warm.readUnitsPerSecond() == null
                  ? c.warmReadUnitsPerSecond()
                  : warm.readUnitsPerSecond(),
              warm.writeUnitsPerSecond() == null
                  ? c.warmWriteUnitsPerSecond()
                  : warm.writeUnitsPerSecond());
    }
    return c;
  }

  /** The model's maximum (0 = none) for an OnDemandThroughput field (-1 = none, null = keep). */
  private static long maximum(Long requested, long current) {
    if (requested == null) {
      return current;
    }
    return requested == -1 ? 0 : requested;
  }

  private static void translate(Runnable change) {
    try {
      change.run();
    } catch (CapacityException e) {
      throw Errors.of(e.errorCode(), e.errorMessage());
    }
  }

  /** The partition key as a stable string: its type and value, binary in base64. */
  static String canonical(AttributeValue key) {
    if (key == null) {
      return "";
    }
    return switch (key.type()) {
      case S -> "S:" + key.s();
      case N -> "N:" + key.n();
      case B -> "B:" + Base64.getEncoder().encodeToString(key.b());
      default -> key.type() + ":" + key;
    };
  }
}
