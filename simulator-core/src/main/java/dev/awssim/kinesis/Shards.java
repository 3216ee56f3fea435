package dev.awssim.kinesis;

import com.google.common.base.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Formatting shared by the shards: ids, sequence numbers, sizes. */
final class Shards {
  private static final String ZEROS = "0".repeat(12);

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
    byte[] digits = new byte[56];
    Arrays.fill(digits, (byte) '0');
    digits[0] = '4';
    digits[1] = '9';
    writeDigits(digits, 2, 12, shardIndex);
    writeDigits(digits, 14, 20, arrivalEpochMillis);
    writeDigits(digits, 34, 22, ordinal);
    return new String(digits, StandardCharsets.ISO_8859_1);
  }

  /**
   * Writes {@code value} (at least 0) right-aligned into {@code width} digits at {@code offset},
   * over the zeros already there: only its significant digits cost a division.
   */
  private static void writeDigits(byte[] digits, int offset, int width, long value) {
    int i = offset + width - 1;
    for (long rest = value; rest != 0 && i >= offset; rest /= 10) {
      digits[i--] = (byte) ('0' + rest % 10);
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
