package dev.awssim.kinesis;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, tamper-evident tokens (shard iterators, ListShards next tokens): the payload and an
 * HMAC-SHA256 tag over it, base64-encoded. The key comes from the simulation's seeded random
 * stream, so the same seed gives the same tokens, while a token that was forged or altered fails
 * its tag and is rejected as AWS rejects one (InvalidArgumentException, {@code
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetRecords.html}).
 *
 * <p>Not thread-safe: callers hold the simulation's lock.
 */
final class SealedTokens {
  private static final int TAG_BYTES = 16;
  private static final int KEY_BYTES = 32;

  private final Mac mac;

  SealedTokens(RandomGenerator random) {
    byte[] key = new byte[KEY_BYTES];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) random.nextInt(256);
    }
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  /** The payload with its tag, base64-encoded. */
  String seal(String payload) {
    byte[] body = payload.getBytes(StandardCharsets.UTF_8);
    byte[] sealed = Arrays.copyOf(body, body.length + TAG_BYTES);
    System.arraycopy(tag(body), 0, sealed, body.length, TAG_BYTES);
    return Base64.getEncoder().encodeToString(sealed);
  }

  /** The payload of a token this codec sealed, or null if it is malformed, forged or altered. */
  String open(String token) {
    if (token == null || token.isEmpty()) {
      return null;
    }
    byte[] sealed;
    try {
      sealed = Base64.getDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (sealed.length <= TAG_BYTES) {
      return null;
    }
    byte[] body = Arrays.copyOf(sealed, sealed.length - TAG_BYTES);
    byte[] given = Arrays.copyOfRange(sealed, body.length, sealed.length);
    if (!MessageDigest.isEqual(tag(body), given)) {
      return null;
    }
    return new String(body, StandardCharsets.UTF_8);
  }

  private byte[] tag(byte[] body) {
    return Arrays.copyOf(mac.doFinal(body), TAG_BYTES);
  }
}
