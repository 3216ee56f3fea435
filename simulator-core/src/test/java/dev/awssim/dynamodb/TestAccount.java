package dev.awssim.dynamodb;

import dev.awssim.AwsSimulator;
import dev.awssim.dynamodb.capacity.CapacityLimits;
import dev.awssim.dynamodb.capacity.PartitionView;
import dev.awssim.internal.SimulatorAccess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drives an {@link AccountThroughput} the way the DynamoDB model does: tables by name, every call
 * at the simulation's current instant, decisions recorded in its metrics.
 */
final class TestAccount {
  private final AwsSimulator sim;
  private final AccountThroughput account;
  private final Map<String, TableThroughput> tables = new LinkedHashMap<>();

  TestAccount(AwsSimulator sim, CapacityLimits limits) {
    this.sim = sim;
    this.account = new AccountThroughput(limits, sim.clock().start().toEpochMilli());
  }

  void createTable(String name, String arn, TableCapacity capacity) {
    TableThroughput table = account.createTable(name, arn, capacity, Set.of(), now());
    tables.put(name, table);
    CapacityMetrics.provisioned(SimulatorAccess.context(sim).metrics(), table);
  }

  void updateTable(String name, TableCapacity capacity) {
    TableThroughput table = tables.get(name);
    account.checkUpdate(table, capacity, now());
    account.update(table, capacity, now());
    CapacityMetrics.provisioned(SimulatorAccess.context(sim).metrics(), table);
  }

  void updateStorage(String name, long bytes) {
    updateStorage(name, null, bytes);
  }

  void updateStorage(String name, String index, long bytes) {
    tables.get(name).storageChanged(index, bytes, now());
  }

  CapacityCharge charge(String table, String index, String key, boolean write, double units) {
    return new CapacityCharge(tables.get(table), index, PartitionKey.of(key), write, units);
  }

  CapacityDecision tryConsume(List<CapacityCharge> charges) {
    CapacityDecision decision = account.admit(charges, now());
    CapacityMetrics.record(
        SimulatorAccess.context(sim).metrics(),
        SimulatorAccess.context(sim).trace(),
        null,
        charges,
        decision);
    return decision;
  }

  List<PartitionView> partitions(String name, String index) {
    return tables.get(name).partitions(index, now());
  }

  private long now() {
    return sim.clock().nanos();
  }
}
