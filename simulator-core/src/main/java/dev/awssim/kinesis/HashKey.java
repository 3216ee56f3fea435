package dev.awssim.kinesis;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * An unsigned 128-bit hash key, as two longs (no BigInteger on the write path). A partition key's
 * hash key is the MD5 of its UTF-8 bytes read as a big-endian unsigned integer ({@code
 * https://docs.aws.amazon.com/streams/latest/dev/key-concepts.html}, [INTERP]/[OBS], as kinesalite
 * does); see {@link PartitionKeyHasher}.
 */
record HashKey(long high, long low) implements Comparable<HashKey> {
  static final HashKey MIN = new HashKey(0, 0);
  static final HashKey MAX = new HashKey(-1L, -1L);
  static final BigInteger SPACE = BigInteger.ONE.shiftLeft(128);
  private static final Pattern DECIMAL = Pattern.compile("0|[1-9]\\d{0,38}");

  /** Parses a decimal hash key; null if it is not an integer in [0, 2^128 - 1]. */
  static HashKey parse(String decimal) {
    if (decimal == null || !DECIMAL.matcher(decimal).matches()) {
      return null;
    }
    BigInteger value = new BigInteger(decimal);
    return value.compareTo(SPACE) < 0 ? of(value) : null;
  }

  static HashKey of(BigInteger value) {
    return new HashKey(value.shiftRight(64).longValue(), value.longValue());
  }

  BigInteger toBigInteger() {
    BigInteger high = new BigInteger(Long.toUnsignedString(this.high));
    return high.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(low)));
  }

  HashKey plusOne() {
    return low == -1L ? new HashKey(high + 1, 0) : new HashKey(high, low + 1);
  }

  HashKey minusOne() {
    return low == 0 ? new HashKey(high - 1, -1L) : new HashKey(high, low - 1);
  }

  @Override
  public int compareTo(HashKey other) {
    int byHigh = Long.compareUnsigned(high, other.high);
    return byHigh != 0 ? byHigh : Long.compareUnsigned(low, other.low);
  }

  @Override
  public String toString() {
    return toBigInteger().toString();
  }
}
