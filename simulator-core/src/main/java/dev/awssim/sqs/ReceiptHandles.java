package dev.awssim.sqs;

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

  private ReceiptHandles() {}

  /** A parsed handle. */
  record Receipt(int queueId, long sequence, int receiveCount) {}

  static String encode(int queueId, long sequence, int receiveCount, long secret) {
    StringBuilder sb = new StringBuilder(LENGTH).append(PREFIX);
    appendHex(sb, queueId & 0xFFFFFFFFL, 8);
    appendHex(sb, sequence, 16);
    appendHex(sb, receiveCount & 0xFFFFFFFFL, 8);
    appendHex(sb, check(queueId, sequence, receiveCount, secret), 16);
    return sb.toString();
  }

  /** The receipt of {@code handle}, or null if it is not a well-formed handle of this queue. */
  static Receipt decode(String handle, int queueId, long secret) {
    if (handle == null || handle.length() != LENGTH || !handle.startsWith(PREFIX)) {
      return null;
    }
    try {
      int id = (int) Long.parseUnsignedLong(handle.substring(4, 12), 16);
      long sequence = Long.parseUnsignedLong(handle.substring(12, 28), 16);
      int count = (int) Long.parseUnsignedLong(handle.substring(28, 36), 16);
      long check = Long.parseUnsignedLong(handle.substring(36, 52), 16);
      if (id != queueId || check != check(id, sequence, count, secret)) {
        return null;
      }
      return new Receipt(id, sequence, count);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static long check(int queueId, long sequence, int receiveCount, long secret) {
    long z = secret ^ (sequence * 0x9E3779B97F4A7C15L) ^ ((long) queueId << 32 | receiveCount);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static void appendHex(StringBuilder sb, long value, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      sb.append(Character.forDigit((int) (value >>> shift) & 0xF, 16));
    }
  }
}
