package dev.awssim.dynamodb;

import dev.awssim.internal.SimulationContext;
import java.util.List;
import java.util.function.Function;

/**
 * Where the data plane asks for capacity: the account's decision on one call's charges, recorded in
 * the simulation's metrics and trace.
 */
final class CapacityGate {
  private final SimulationContext context;
  private final AccountThroughput account;
  private Function<List<CapacityCharge>, CapacityDecision> override;

  CapacityGate(SimulationContext context, AccountThroughput account) {
    this.context = context;
    this.account = account;
  }

  AccountThroughput account() {
    return account;
  }

  /** A test seam: decides every call instead of the account ({@code null} restores the account). */
  void override(Function<List<CapacityCharge>, CapacityDecision> decider) {
    this.override = decider;
  }

  /** The decision on one call of {@code operation} at {@code now}; never null. */
  CapacityDecision admit(String operation, List<CapacityCharge> charges, long now) {
    CapacityDecision decision =
        override != null ? override.apply(charges) : account.admit(charges, now);
    CapacityMetrics.record(context.metrics(), context.trace(), operation, charges, decision);
    return decision;
  }

  /** As {@link #admit}, raising the throttle as the DynamoDB error. */
  void admitOrThrow(String operation, List<CapacityCharge> charges, long now) {
    CapacityDecision decision = admit(operation, charges, now);
    if (!decision.isAdmitted()) {
      throw Errors.throttled(decision);
    }
  }

  /** Counts a batch whose every entry was throttled as one throttled request of the table. */
  void throttledRequest(String tableName, String operation) {
    CapacityMetrics.throttledRequest(context.metrics(), tableName, operation);
  }
}
