package dev.awssim.sqs;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Receipt handles: {@code AQEB} followed by hex fields (queue id, message sequence, receive number,
 * check value). A handle names one receive of one message; a later receive of the same message gets
 * a new handle ({@code sqs-queue-message-identifiers.html}). The check value is a keyed mix of the
 * other fields with a per-queue secret from a seeded stream, so handles are reproducible and a
 * hand-edited handle is recognised as invalid.
 */
final class ReceiptHandles {
  private static final String PREFIX = "AQEB";
  private static final int LENGTH = PREFIX.length() + 8 + 16 + 8 + 16;
  private static final byte[] HEX = {
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'
  };

  private ReceiptHandles() {}

  /** A parsed handle. */
  record Receipt(int queueId, long sequence, int receiveCount) {}

  static String encode(int queueId, long sequence, int receiveCount, long secret) {
    byte[] text = new byte[LENGTH];
    for (int i = 0; i < PREFIX.length(); i++) {
      text[i] = (byte) PREFIX.charAt(i);
    }
    writeHex(text, 4, queueId & 0xFFFFFFFFL, 8);
    writeHex(text, 12, sequence, 16);
    writeHex(text, 28, receiveCount & 0xFFFFFFFFL, 8);
    writeHex(text, 36, check(queueId, sequence, receiveCount, secret), 16);
    return new String(text, StandardCharsets.ISO_8859_1);
  }

  /** The receipt of {@code handle}, or null if it is not a well-formed handle of this queue. */
  static Receipt decode(String handle, int queueId, long secret) {
    if (handle == null || handle.length() != LENGTH || !handle.startsWith(PREFIX)) {
      return null;
    }
    int id;
    long sequence;
    int count;
    long check;
    try {
      id = (int) HexFormat.fromHexDigitsToLong(handle, 4, 12);
      sequence = HexFormat.fromHexDigitsToLong(handle, 12, 28);
      count = (int) HexFormat.fromHexDigitsToLong(handle, 28, 36);
      check = HexFormat.fromHexDigitsToLong(handle, 36, LENGTH);
    } catch (IllegalArgumentException notHex) {
      return null;
    }
    if (id != queueId || check != check(id, sequence, count, secret)) {
      return null;
    }
    return new Receipt(id, sequence, count);
  }

  private static long check(int queueId, long sequence, int receiveCount, long secret) {
    long z = secret ^ (sequence * 0x9E3779B97F4A7C15L) ^ ((long) queueId << 32 | receiveCount);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static void writeHex(byte[] text, int offset, long value, int digits) {
    for (int i = 0; i < digits; i++) {
      text[offset + i] = HEX[(int) (value >>> ((digits - 1 - i) * 4)) & 0xF];
    }
  }
}
