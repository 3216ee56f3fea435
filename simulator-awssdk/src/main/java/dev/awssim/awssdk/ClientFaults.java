package dev.awssim.awssdk;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.util.Set;

/**
 * Faults the simulated SDK clients inject before each attempt, drawn from seeded streams: the
 * service's throttling error on chosen operations with a given probability (the SDK then retries as
 * it would in AWS), and latency added to every call on virtual time. None by default.
 *
 * <pre>{@code
 * SimulatedAws aws = SimulatedAws.builder(sim)
 *     .faults(ClientFaults.none()
 *         .withThrottling(0.2, Set.of("PutItem", "SendMessage"))
 *         .withAddedLatency(Duration.ofMillis(50)))
 *     .build();
 * }</pre>
 *
 * @param throttleProbability the chance, in [0, 1], that an attempt of a chosen operation is
 *     throttled
 * @param throttledOperations the operations (such as {@code PutItem}) that may be throttled; empty
 *     means every operation
 * @param addedLatency virtual time added before every attempt of every operation
 */
public record ClientFaults(
    double throttleProbability, Set<String> throttledOperations, Duration addedLatency) {

  /**
   * Validates the faults.
   *
   * @throws IllegalArgumentException if the probability is outside [0, 1] or the latency negative
   */
  public ClientFaults {
    checkArgument(
        throttleProbability >= 0 && throttleProbability <= 1,
        "throttleProbability must be in [0, 1]: %s",
        throttleProbability);
    throttledOperations = ImmutableSet.copyOf(checkNotNull(throttledOperations, "operations"));
    checkNotNull(addedLatency, "addedLatency");
    checkArgument(!addedLatency.isNegative(), "addedLatency must not be negative");
  }

  /** No faults. */
  public static ClientFaults none() {
    return new ClientFaults(0, Set.of(), Duration.ZERO);
  }

  /** These faults, throttling {@code operations} (all when empty) with {@code probability}. */
  public ClientFaults withThrottling(double probability, Set<String> operations) {
    return new ClientFaults(probability, operations, addedLatency);
  }

  /** These faults, adding {@code latency} of virtual time to every call. */
  public ClientFaults withAddedLatency(Duration latency) {
    return new ClientFaults(throttleProbability, throttledOperations, latency);
  }

  boolean throttles(String operation) {
    return throttleProbability > 0
        && (throttledOperations.isEmpty() || throttledOperations.contains(operation));
  }
}
