package dev.awssim.dynamodb;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * DynamoDB's capacity-unit arithmetic
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html),
 * with 1 KB = 1,024 bytes ([SIM]: AWS's pages say "KB" without defining it; 1,024 matches the item
 * size arithmetic of
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html).
 *
 * <pre>{@code
 * CapacityUnits.readUnits(8 * 1024, ReadMode.EVENTUALLY_CONSISTENT); // 1.0
 * CapacityUnits.writeUnits(1_638, false);                           // 2.0 (1.6 KB)
 * }</pre>
 */
final class CapacityUnits {
  /** Read units are priced per 4 KB. */
  public static final long READ_UNIT_BYTES = 4 * 1024;

  /** Write units are priced per 1 KB. */
  public static final long WRITE_UNIT_BYTES = 1024;

  private CapacityUnits() {}

  /**
   * Units of one item read (GetItem, or one BatchGetItem entry): size rounded up to 4 KB; a missing
   * item ({@code itemBytes == 0}) costs the minimum.
   *
   * @throws IllegalArgumentException if {@code itemBytes} is negative
   */
  public static double readUnits(long itemBytes, ReadMode mode) {
    return priced(blocks(itemBytes, READ_UNIT_BYTES), mode);
  }

  /**
   * Units of a Query or Scan page: the sizes of all items read (or evaluated) summed, then rounded
   * up to 4 KB once; an empty result costs the minimum.
   *
   * @throws IllegalArgumentException if {@code totalBytes} is negative
   */
  public static double queryReadUnits(long totalBytes, ReadMode mode) {
    return readUnits(totalBytes, mode);
  }

  /**
   * Units of one write of an item of {@code bytes}: rounded up to 1 KB, doubled when transactional.
   * A delete of an absent item or a failed condition on a new item passes 0 and costs 1 (2 when
   * transactional).
   *
   * @throws IllegalArgumentException if {@code bytes} is negative
   */
  public static double writeUnits(long bytes, boolean transactional) {
    long units = blocks(bytes, WRITE_UNIT_BYTES);
    return transactional ? 2.0 * units : units;
  }

  /**
   * Units of a PutItem over an existing item or of an UpdateItem: the larger of the before and
   * after images, rounded up to 1 KB.
   *
   * @throws IllegalArgumentException if a size is negative
   */
  public static double putOverExistingUnits(long beforeBytes, long afterBytes) {
    checkArgument(beforeBytes >= 0, "beforeBytes must not be negative: %s", beforeBytes);
    return writeUnits(Math.max(beforeBytes, afterBytes), false);
  }

  private static long blocks(long bytes, long unitBytes) {
    checkArgument(bytes >= 0, "bytes must not be negative: %s", bytes);
    return Math.max(1, (bytes + unitBytes - 1) / unitBytes);
  }

  private static double priced(long blocks, ReadMode mode) {
    checkNotNull(mode, "mode");
    return switch (mode) {
      case EVENTUALLY_CONSISTENT -> blocks / 2.0;
      case STRONGLY_CONSISTENT -> (double) blocks;
      case TRANSACTIONAL -> 2.0 * blocks;
    };
  }
}
