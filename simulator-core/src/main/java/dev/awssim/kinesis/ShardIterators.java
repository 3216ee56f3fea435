package dev.awssim.kinesis;

/**
 * Shard iterators as opaque, sealed tokens holding stream, shard, position and the instant the
 * iterator was issued. An iterator expires 5 minutes after it is issued ({@code
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetShardIterator.html}); one that was
 * forged or altered does not open.
 */
final class ShardIterators {
  /** A decoded iterator. */
  record Position(String streamName, String shardId, long ordinal, long issuedAtNanos) {}

  /** The most characters of a ShardIterator (the API's length constraint). */
  static final int MAX_LENGTH = 512;

  private static final String VERSION = "i1";

  private final SealedTokens tokens;

  ShardIterators(SealedTokens tokens) {
    this.tokens = tokens;
  }

  String encode(String streamName, String shardId, long ordinal, long issuedAtNanos) {
    return tokens.seal(
        VERSION + "|" + streamName + "|" + shardId + "|" + ordinal + "|" + issuedAtNanos);
  }

  /** The position an iterator encodes, or null if it is not one this simulation issued. */
  Position decode(String iterator) {
    if (iterator == null || iterator.length() > MAX_LENGTH) {
      return null;
    }
    String raw = tokens.open(iterator);
    if (raw == null) {
      return null;
    }
    String[] parts = raw.split("\\|", -1);
    if (parts.length != 5 || !parts[0].equals(VERSION)) {
      return null;
    }
    try {
      long ordinal = Long.parseLong(parts[3]);
      long issued = Long.parseLong(parts[4]);
      return ordinal < 0 || issued < 0 ? null : new Position(parts[1], parts[2], ordinal, issued);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
