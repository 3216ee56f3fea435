package dev.awssim.kinesis;

import com.google.common.base.Utf8;
import java.nio.charset.StandardCharsets;

/** Formatting shared by the shards: ids, sequence numbers, sizes. */
final class Shards {
  private static final String ZEROS = "0".repeat(12);
  private static final int PREFIX_DIGITS = 34;
  private static final int ORDINAL_DIGITS = 22;

  /** {@code ORDINAL_PADDING[n]}: n zeros, to pad an ordinal of 22 - n digits. */
  private static final String[] ORDINAL_PADDING = new String[ORDINAL_DIGITS];

  static {
    for (int n = 0; n < ORDINAL_DIGITS; n++) {
      ORDINAL_PADDING[n] = "0".repeat(n);
    }
  }

  private Shards() {}

  /** {@code shardId-000000000007}: a 12-digit zero-padded index ([OBS] kinesalite). */
  static String shardId(int index) {
    String digits = Integer.toString(index);
    return "shardId-" + ZEROS.substring(0, 12 - digits.length()) + digits;
  }

  /**
   * A 56-digit sequence number: "49", the shard index (12 digits), the arrival in epoch
   * milliseconds (20 digits) and the record's ordinal in its shard (22 digits). Fixed width, so
   * text order is numeric order; it grows within a shard, by more after longer gaps, as AWS says
   * ({@code https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecord.html}).
   */
  static String sequenceNumber(int shardIndex, long arrivalEpochMillis, long ordinal) {
    return sequenceNumber(sequencePrefix(shardIndex, arrivalEpochMillis), ordinal);
  }

  /**
   * The first 34 digits of the sequence numbers of a shard's records that arrived in one
   * millisecond: "49", the shard index and the arrival (a shard caches it, {@link
   * Shard#sequenceNumber(long, long)}).
   */
  static String sequencePrefix(int shardIndex, long arrivalEpochMillis) {
    byte[] digits = new byte[PREFIX_DIGITS];
    digits[0] = '4';
    digits[1] = '9';
    writeDigits(digits, 2, 12, shardIndex);
    writeDigits(digits, 14, 20, arrivalEpochMillis);
    return new String(digits, StandardCharsets.ISO_8859_1);
  }

  /** {@code prefix} and the ordinal as 22 zero-padded digits, built in one allocation. */
  static String sequenceNumber(String prefix, long ordinal) {
    return prefix + ORDINAL_PADDING[ORDINAL_DIGITS - digitCount(ordinal)] + ordinal;
  }

  /** The decimal digits of {@code value} (at least 0), by comparison: no division per digit. */
  private static int digitCount(long value) {
    long bound = 10;
    for (int count = 1; count < 19; count++) {
      if (value < bound) {
        return count;
      }
      bound *= 10;
    }
    return 19;
  }

  /** Writes {@code value} (at least 0) right-aligned and zero-padded into {@code width} digits. */
  private static void writeDigits(byte[] digits, int offset, int width, long value) {
    long rest = value;
    for (int i = offset + width - 1; i >= offset; i--) {
      digits[i] = (byte) ('0' + rest % 10);
      rest /= 10;
    }
  }

  /** The shard index a sequence number encodes, or -1 if it is not one of ours. */
  static int shardIndexOf(String sequenceNumber) {
    if (!isSequenceNumber(sequenceNumber)) {
      return -1;
    }
    long index = Long.parseLong(sequenceNumber.substring(2, 14));
    return index > Integer.MAX_VALUE ? -1 : (int) index;
  }

  /** The ordinal a sequence number encodes. */
  static long ordinalOf(String sequenceNumber) {
    return Long.parseLong(sequenceNumber.substring(34));
  }

  static boolean isSequenceNumber(String value) {
    if (value == null || value.length() != 56 || !value.startsWith("49")) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  static int utf8Length(String value) {
    return Utf8.encodedLength(value);
  }
}
