package dev.awssim.kinesis;

import com.google.common.primitives.Longs;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash key of a partition key: the MD5 of its UTF-8 bytes read as a big-endian unsigned 128-bit
 * integer ({@code https://docs.aws.amazon.com/streams/latest/dev/key-concepts.html}). One digest
 * and one buffer are reused, so callers hold the simulation's lock.
 *
 * <p>A write needs the key's UTF-8 length (the record's size counts it) before its hash (a record
 * too large is refused before its explicit hash key is checked), so {@link #utf8Length(String)}
 * encodes the key once and {@link #hash(String)} digests that encoding when it is the same key. An
 * ASCII key, the usual kind, is encoded into the buffer without allocating.
 */
final class PartitionKeyHasher {
  private static final int MD5_BYTES = 16;

  /** A partition key has at most 256 characters, so an ASCII one fits. */
  private static final int ASCII_BUFFER = 256;

  private final MessageDigest md5;
  private final byte[] digest = new byte[MD5_BYTES];
  private final byte[] ascii = new byte[ASCII_BUFFER];

  /** The key last encoded, its UTF-8 bytes (the ASCII buffer or an array of its own) and length. */
  private String encodedKey;

  private byte[] encoded;
  private int encodedLength;

  PartitionKeyHasher() {
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has MD5", e);
    }
  }

  /** The number of bytes of the key's UTF-8 encoding, as {@link Shards#utf8Length(String)}. */
  int utf8Length(String partitionKey) {
    encode(partitionKey);
    return encodedLength;
  }

  @SuppressWarnings("ReferenceEquality") // the very key encoded last: an equal one is re-encoded
  HashKey hash(String partitionKey) {
    if (partitionKey != encodedKey) {
      encode(partitionKey);
    }
    md5.update(encoded, 0, encodedLength);
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

  private void encode(String partitionKey) {
    encodedKey = null;
    int chars = partitionKey.length();
    boolean isAscii = chars <= ASCII_BUFFER;
    for (int i = 0; isAscii && i < chars; i++) {
      char c = partitionKey.charAt(i);
      ascii[i] = (byte) c;
      isAscii = c < 0x80;
    }
    if (isAscii) {
      encoded = ascii;
      encodedLength = chars;
    } else {
      // Counted first: it rejects what the encoder would replace (an unpaired surrogate).
      try {
        encodedLength = Shards.utf8Length(partitionKey);
      } catch (IllegalArgumentException e) {
        // A partition key is a Unicode string (API_PutRecord.html); one with an unpaired
        // surrogate has no UTF-8 form, so no MD5. AWS's error for it is not documented: the
        // model's constraint error, as for a key out of length [SIM].
        throw KinesisErrors.validation(
            "partitionKey", partitionKey, "Member must be a well-formed Unicode string");
      }
      encoded = partitionKey.getBytes(StandardCharsets.UTF_8);
    }
    encodedKey = partitionKey;
  }
}
