package dev.awssim.sqs;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;

/**
 * AWS's permitted nondeterminism, as seeded and opt-in behaviours (all off by default).
 *
 * <ul>
 *   <li>{@code duplicateProbability}: standard queues deliver at least once; a DeleteMessage may
 *       succeed without deleting ({@code API_DeleteMessage.html}). With this probability a
 *       successful delete on a standard queue is lost, and the message is delivered again when its
 *       visibility timeout ends.
 *   <li>{@code reorderProbability} and {@code reorderMaxDelay}: standard queues order on a best
 *       effort basis ({@code standard-queues.html}). With this probability a message sent to a
 *       standard queue is held back by a random extra delay up to the maximum, so that later
 *       messages can overtake it.
 *   <li>{@code shortPollSampling}: a short poll queries a weighted random subset of servers and can
 *       return fewer messages than are available, or none ({@code
 *       sqs-short-and-long-polling.html}). When on, a short poll of a queue with fewer than 1,000
 *       visible messages returns a seeded random number of them, from zero up to the number asked
 *       for.
 * </ul>
 *
 * <pre>{@code
 * sim.sqs().setFaults(SqsFaults.none().withDuplicateProbability(0.1).withShortPollSampling(true));
 * }</pre>
 *
 * @param duplicateProbability in [0, 1]
 * @param reorderProbability in [0, 1]
 * @param reorderMaxDelay the largest extra hold-back of a reordered message, positive
 * @param shortPollSampling whether short polls sample
 */
public record SqsFaults(
    double duplicateProbability,
    double reorderProbability,
    Duration reorderMaxDelay,
    boolean shortPollSampling) {
  private static final SqsFaults NONE = new SqsFaults(0, 0, Duration.ofSeconds(1), false);

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if a probability is outside [0, 1] or the delay is not
   *     positive
   * @throws NullPointerException if the delay is null
   */
  public SqsFaults {
    checkArgument(
        duplicateProbability >= 0 && duplicateProbability <= 1,
        "duplicateProbability must be in [0, 1]: %s",
        duplicateProbability);
    checkArgument(
        reorderProbability >= 0 && reorderProbability <= 1,
        "reorderProbability must be in [0, 1]: %s",
        reorderProbability);
    checkNotNull(reorderMaxDelay, "reorderMaxDelay");
    checkArgument(
        !reorderMaxDelay.isNegative() && !reorderMaxDelay.isZero(),
        "reorderMaxDelay must be positive: %s",
        reorderMaxDelay);
  }

  /** Deterministic delivery: no duplicates, no reordering, no sampling. */
  public static SqsFaults none() {
    return NONE;
  }

  /** These settings with another duplicate probability. */
  public SqsFaults withDuplicateProbability(double probability) {
    return new SqsFaults(probability, reorderProbability, reorderMaxDelay, shortPollSampling);
  }

  /** These settings with another reorder probability and hold-back. */
  public SqsFaults withReordering(double probability, Duration maxDelay) {
    return new SqsFaults(duplicateProbability, probability, maxDelay, shortPollSampling);
  }

  /** These settings with short-poll sampling on or off. */
  public SqsFaults withShortPollSampling(boolean enabled) {
    return new SqsFaults(duplicateProbability, reorderProbability, reorderMaxDelay, enabled);
  }
}
