package dev.awssim.kinesis;

import com.google.common.primitives.Longs;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash key of a partition key: the MD5 of its UTF-8 bytes read as a big-endian unsigned 128-bit
 * integer ({@code https://docs.aws.amazon.com/streams/latest/dev/key-concepts.html}). One digest is
 * reused, so callers hold the simulation's lock.
 */
final class PartitionKeyHasher {
  private static final int MD5_BYTES = 16;

  private final MessageDigest md5;
  private final byte[] digest = new byte[MD5_BYTES];

  PartitionKeyHasher() {
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has MD5", e);
    }
  }

  HashKey hash(String partitionKey) {
    md5.update(partitionKey.getBytes(StandardCharsets.UTF_8));
    try {
      md5.digest(digest, 0, MD5_BYTES);
    } catch (DigestException e) {
      throw new IllegalStateException("an MD5 digest is 16 bytes", e);
    }
    return new HashKey(
        Longs.fromBytes(
            digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6], digest[7]),
        Longs.fromBytes(
            digest[8],
            digest[9],
            digest[10],
            digest[11],
            digest[12],
            digest[13],
            digest[14],
            digest[15]));
  }
}
