package dev.awssim.dynamodb;

import dev.awssim.dynamodb.capacity.CapacityCharge;
import dev.awssim.dynamodb.capacity.CapacityDecision;
import dev.awssim.dynamodb.capacity.CapacityException;
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
 * CapacityModel#tryConsume}, and tables' billing mode and throughput follow CreateTable and
 * UpdateTable.
 */
final class CapacityWiring implements ThroughputGate {
  private final CapacityModel model;

  CapacityWiring(CapacityModel model) {
    this.model = model;
  }

  CapacityModel model() {
    return model;
  }

  @Override
  public Throttle admit(List<Charge> charges) {
    List<CapacityCharge> converted = new ArrayList<>(charges.size());
    for (Charge charge : charges) {
      converted.add(
          new CapacityCharge(
              charge.tableName(),
              charge.indexName(),
              canonical(charge.partitionKey()),
              charge.write(),
              charge.units()));
    }
    CapacityDecision decision = model.tryConsume(converted);
    if (decision.isAdmitted()) {
      return null;
    }
    List<ThrottlingReason> reasons = new ArrayList<>();
    decision.reasons().forEach(r -> reasons.add(new ThrottlingReason(r.reason(), r.resourceArn())));
    return new Throttle(decision.errorCode(), decision.message(), reasons);
  }

  /** Registers a new table's capacity; an AWS error leaves nothing registered. */
  void createTable(TableDescription table) {
    translate(() -> model.createTable(table.tableName(), table.tableArn(), capacityOf(table)));
  }

  /** Applies an UpdateTable's capacity changes before the data plane does. */
  void updateTable(TableDescription current, UpdateTableRequest request) {
    TableCapacity capacity = capacityAfter(current, request);
    translate(() -> model.updateTable(current.tableName(), capacity));
  }

  void deleteTable(String tableName) {
    model.deleteTable(tableName);
  }

  private static TableCapacity capacityOf(TableDescription table) {
    Map<String, ProvisionedThroughput> indexes = new LinkedHashMap<>();
    for (GlobalSecondaryIndexDescription gsi : table.globalSecondaryIndexes()) {
      ProvisionedThroughputDescription t = gsi.provisionedThroughput();
      indexes.put(
          gsi.indexName(),
          t == null
              ? null
              : new ProvisionedThroughput(t.readCapacityUnits(), t.writeCapacityUnits()));
    }
    ProvisionedThroughputDescription t = table.provisionedThroughput();
    return build(
        billingMode(table),
        t == null ? null : new ProvisionedThroughput(t.readCapacityUnits(), t.writeCapacityUnits()),
        indexes);
  }

  private static TableCapacity capacityAfter(TableDescription current, UpdateTableRequest request) {
    TableCapacity before = capacityOf(current);
    BillingMode mode = request.billingMode() != null ? request.billingMode() : billingMode(current);
    ProvisionedThroughputDescription t = current.provisionedThroughput();
    ProvisionedThroughput table =
        request.provisionedThroughput() != null
            ? request.provisionedThroughput()
            : t == null
                ? null
                : new ProvisionedThroughput(t.readCapacityUnits(), t.writeCapacityUnits());
    Map<String, ProvisionedThroughput> indexes = new LinkedHashMap<>();
    before
        .indexes()
        .forEach(
            (name, c) ->
                indexes.put(
                    name,
                    new ProvisionedThroughput(c.readCapacityUnits(), c.writeCapacityUnits())));
    for (GlobalSecondaryIndexUpdate update : request.globalSecondaryIndexUpdates()) {
      if (update.create() != null) {
        indexes.put(update.create().indexName(), update.create().provisionedThroughput());
      } else if (update.deleteIndexName() != null) {
        indexes.remove(update.deleteIndexName());
      } else if (update.updateIndexName() != null) {
        indexes.put(update.updateIndexName(), update.updateThroughput());
      }
    }
    return build(mode, table, indexes).withKnobs(before.knobs());
  }

  private static TableCapacity build(
      BillingMode mode, ProvisionedThroughput table, Map<String, ProvisionedThroughput> indexes) {
    boolean onDemand = mode == BillingMode.PAY_PER_REQUEST;
    TableCapacity capacity =
        onDemand || table == null
            ? TableCapacity.onDemand()
            : TableCapacity.provisioned(table.readCapacityUnits(), table.writeCapacityUnits());
    for (Map.Entry<String, ProvisionedThroughput> index : indexes.entrySet()) {
      ProvisionedThroughput t = index.getValue();
      capacity =
          capacity.withIndex(
              index.getKey(),
              onDemand || t == null
                  ? IndexCapacity.onDemand()
                  : IndexCapacity.provisioned(t.readCapacityUnits(), t.writeCapacityUnits()));
    }
    return capacity;
  }

  private static BillingMode billingMode(TableDescription table) {
    return table.billingModeSummary() == null
        ? BillingMode.PROVISIONED
        : table.billingModeSummary().billingMode();
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
    switch (key.type()) {
      case S:
        return "S:" + key.s();
      case N:
        return "N:" + key.n();
      case B:
        return "B:" + Base64.getEncoder().encodeToString(key.b());
      default:
        return key.type() + ":" + key;
    }
  }
}
