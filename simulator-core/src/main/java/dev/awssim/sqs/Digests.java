package dev.awssim.sqs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The digests SQS computes: MD5 of the body, MD5 of message attributes in AWS's documented encoding
 * ({@code sqs-message-metadata.html}, "Calculating the MD5 message digest for message attributes"),
 * and SHA-256 of the body for content-based deduplication. One instance per Sqs, used under the
 * simulation lock.
 */
final class Digests {
  private static final HexFormat HEX = HexFormat.of();
  private final MessageDigest md5 = digest("MD5");
  private final MessageDigest sha256 = digest("SHA-256");

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is required by every Java platform", e);
    }
  }

  /** The MD5 of {@code bytes}. */
  byte[] md5(byte[] bytes) {
    return md5.digest(bytes);
  }

  /** The big-endian 64 bits of {@code digest} at {@code offset}. */
  static long longAt(byte[] digest, int offset) {
    long value = 0;
    for (int i = offset; i < offset + Long.BYTES; i++) {
      value = value << 8 | (digest[i] & 0xFF);
    }
    return value;
  }

  static String hex(byte[] digest) {
    return HEX.formatHex(digest);
  }

  /** Hex SHA-256 of the UTF-8 body: the content-based deduplication id. */
  String sha256Hex(byte[] body) {
    return HEX.formatHex(sha256.digest(body));
  }

  /** Hex MD5 of {@code attributes} in AWS's encoding, or null when there are none. */
  String attributesMd5(Map<String, MessageAttributeValue> attributes) {
    if (attributes.isEmpty()) {
      return null;
    }
    for (Map.Entry<String, MessageAttributeValue> e : new TreeMap<>(attributes).entrySet()) {
      MessageAttributeValue v = e.getValue();
      putString(e.getKey());
      putString(v.dataType());
      if (v.binaryValueUnsafe() != null) {
        md5.update((byte) 2);
        putBytes(v.binaryValueUnsafe());
      } else {
        md5.update((byte) 1);
        putString(v.stringValue());
      }
    }
    return HEX.formatHex(md5.digest());
  }

  private void putString(String s) {
    putBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  private void putBytes(byte[] bytes) {
    int n = bytes.length;
    md5.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
    md5.update(bytes);
  }
}
