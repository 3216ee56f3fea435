package dev.awssim.kinesis;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Shard iterators as opaque tokens: stream, shard, position and the instant the iterator was
 * issued, base64-encoded. An iterator expires 5 minutes after it is issued (reference 2.4).
 */
final class ShardIterators {
  /** A decoded iterator. */
  record Position(String streamName, String shardId, long ordinal, long issuedAtNanos) {}

  private ShardIterators() {}

  static String encode(String streamName, String shardId, long ordinal, long issuedAtNanos) {
    String raw = "v1|" + streamName + "|" + shardId + "|" + ordinal + "|" + issuedAtNanos;
    return Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** The position an iterator encodes, or null if it is not one of ours. */
  static Position decode(String iterator) {
    if (iterator == null || iterator.isEmpty() || iterator.length() > 512) {
      return null;
    }
    try {
      String[] parts =
          new String(Base64.getDecoder().decode(iterator), StandardCharsets.UTF_8).split("\\|", -1);
      if (parts.length != 5 || !parts[0].equals("v1")) {
        return null;
      }
      return new Position(parts[1], parts[2], Long.parseLong(parts[3]), Long.parseLong(parts[4]));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
