package dev.awssim.dynamodb;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;

/**
 * A partition key value as the capacity model sees it: its canonical text (type and value, e.g.
 * {@code "S:user#1"}) and its hash, computed once per request ({@link #of}), from which every table
 * or GSI picks its partition.
 *
 * @param text canonical text of the key value; what hot-key views show
 * @param hash 32-bit murmur3 hash of {@code text}
 */
record PartitionKey(String text, int hash) {
  /**
   * @throws NullPointerException if {@code text} is null
   */
  public PartitionKey {
    checkNotNull(text, "text");
  }

  /** The key with the given canonical text, hashed. */
  public static PartitionKey of(String text) {
    return new PartitionKey(
        text, Hashing.murmur3_32_fixed().hashString(text, StandardCharsets.UTF_8).asInt());
  }

  /** Which of {@code partitions} equal hash ranges the key falls in. */
  int partition(int partitions) {
    return (int) ((Integer.toUnsignedLong(hash) * partitions) >>> 32);
  }
}
