package dev.awssim.internal;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Identifiers drawn from a seeded stream, so that message ids and receipt handles repeat from run
 * to run (unlike the JDK's random UUIDs, which the build forbids).
 *
 * <pre>{@code
 * String messageId = RandomIds.uuid(streams.stream("sqs/orders/ids")).toString();
 * }</pre>
 */
public final class RandomIds {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final char[] ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private RandomIds() {}

  /** A version-4 style UUID whose bits come from {@code random}. */
  public static UUID uuid(RandomGenerator random) {
    long most = (random.nextLong() & ~0xF000L) | 0x4000L;
    long least = (random.nextLong() & ~(0x3L << 62)) | (0x2L << 62);
    return new UUID(most, least);
  }

  /**
   * A string of {@code length} lowercase hexadecimal digits.
   *
   * @throws IllegalArgumentException if {@code length} is negative
   */
  public static String hex(RandomGenerator random, int length) {
    return fromAlphabet(random, length, HEX);
  }

  /**
   * A string of {@code length} ASCII letters and digits.
   *
   * @throws IllegalArgumentException if {@code length} is negative
   */
  public static String alphanumeric(RandomGenerator random, int length) {
    return fromAlphabet(random, length, ALPHANUMERIC);
  }

  private static String fromAlphabet(RandomGenerator random, int length, char[] alphabet) {
    checkArgument(length >= 0, "length must not be negative: %s", length);
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = alphabet[random.nextInt(alphabet.length)];
    }
    return new String(chars);
  }
}
