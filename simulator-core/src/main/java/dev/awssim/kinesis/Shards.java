package dev.awssim.kinesis;

import com.google.common.base.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Formatting shared by the shards: ids, sequence numbers, sizes. */
final class Shards {
  private static final String ZEROS = "0".repeat(12);
  private static final int PREFIX_DIGITS = 34;
  private static final int ORDINAL_DIGITS = 22;

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
    return new Cursor(shardIndex).sequenceNumber(arrivalEpochMillis, ordinal);
  }

  /** Writes "49", the shard index and the arrival: the first 34 digits. */
  private static void writePrefix(byte[] digits, int shardIndex, long arrivalEpochMillis) {
    digits[0] = '4';
    digits[1] = '9';
    writeDigits(digits, 2, 12, shardIndex);
    writeDigits(digits, 14, 20, arrivalEpochMillis);
  }

  /**
   * The sequence numbers of the records written to one shard, each rendered by updating the digits
   * of the one before: a new arrival millisecond rewrites the 20 arrival digits, the next ordinal
   * adds one to the last ordinal's digits (usually one digit changes), and the string is a copy of
   * the 56 digits. Records arrive in ordinal order, so this is the common case; any other ordinal
   * is written in full. The result equals {@link Shards#sequenceNumber(int, long, long)}.
   */
  static final class Cursor {
    private final byte[] digits = new byte[PREFIX_DIGITS + ORDINAL_DIGITS];
    private final int shardIndex;
    private long epochMillis = -1;
    private long ordinal = -1;

    Cursor(int shardIndex) {
      this.shardIndex = shardIndex;
    }

    String sequenceNumber(long arrivalEpochMillis, long recordOrdinal) {
      if (epochMillis < 0 || arrivalEpochMillis != epochMillis) {
        writePrefix(digits, shardIndex, arrivalEpochMillis);
        epochMillis = arrivalEpochMillis;
      }
      if (ordinal >= 0 && recordOrdinal == ordinal + 1) {
        int i = digits.length - 1;
        while (digits[i] == '9') {
          digits[i--] = '0';
        }
        digits[i]++;
      } else {
        Arrays.fill(digits, PREFIX_DIGITS, digits.length, (byte) '0');
        long rest = recordOrdinal;
        for (int i = digits.length - 1; rest > 0; i--) {
          digits[i] = (byte) ('0' + rest % 10);
          rest /= 10;
        }
      }
      ordinal = recordOrdinal;
      return new String(digits, StandardCharsets.ISO_8859_1);
    }
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
