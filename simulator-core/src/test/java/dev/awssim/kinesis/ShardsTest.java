package dev.awssim.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShardsTest {
  @Test
  void aSequenceNumberIsShardArrivalAndOrdinalInFixedWidthDigits() {
    String sequenceNumber = Shards.sequenceNumber(3, 1_700_000_000_123L, 42);
    assertEquals(
        "49" + "000000000003" + "00000001700000000123" + "0000000000000000000042", sequenceNumber);
    assertEquals(3, Shards.shardIndexOf(sequenceNumber));
    assertEquals(42, Shards.ordinalOf(sequenceNumber));
  }

  @Test
  void everyOrdinalWidth_padsTo22Digits_andReadsBack() {
    long ordinal = 0;
    for (int digits = 1; digits <= 19; digits++) {
      for (long value : new long[] {ordinal, ordinal * 10 + 9, Math.max(ordinal, 1) * 10 - 1}) {
        if (value < 0 || Long.toString(value).length() > 19) {
          continue;
        }
        String sequenceNumber = Shards.sequenceNumber(7, 1_700_000_000_123L, value);
        assertEquals(56, sequenceNumber.length(), () -> "ordinal " + value);
        assertEquals(value, Shards.ordinalOf(sequenceNumber));
        assertEquals(
            "0".repeat(22 - Long.toString(value).length()) + value, sequenceNumber.substring(34));
      }
      ordinal = ordinal == 0 ? 1 : ordinal * 10;
    }
    String max = Shards.sequenceNumber(7, 1_700_000_000_123L, Long.MAX_VALUE);
    assertEquals(Long.MAX_VALUE, Shards.ordinalOf(max));
    assertEquals(56, max.length());
  }

  @Test
  void zeroFieldsAreAllZeros() {
    String sequenceNumber = Shards.sequenceNumber(0, 0, 0);
    assertEquals("49" + "0".repeat(54), sequenceNumber);
    assertTrue(Shards.isSequenceNumber(sequenceNumber));
  }

  @Test
  void textOrderIsArrivalThenOrdinalOrder() {
    String earlier = Shards.sequenceNumber(1, 999, 5);
    String later = Shards.sequenceNumber(1, 1_000, 4);
    assertTrue(earlier.compareTo(later) < 0);
    assertTrue(
        Shards.sequenceNumber(1, 1_000, 9).compareTo(Shards.sequenceNumber(1, 1_000, 10)) < 0);
  }

  @Test
  void aShardsCursor_givesEveryWrittenRecordTheSameNumberAsTheFullRendering() {
    Shards.Cursor cursor = new Shards.Cursor(5);
    long millis = 1_700_000_000_123L;
    for (long ordinal = 0; ordinal < 120_000; ordinal++) {
      if (ordinal % 777 == 0) {
        millis += ordinal % 2 == 0 ? 1 : 86_400_000;
      }
      assertEquals(reference(5, millis, ordinal), cursor.sequenceNumber(millis, ordinal));
    }
    // out of order (a shard's ending sequence number repeats its last record's): written in full
    for (long ordinal :
        new long[] {119_999, 99, 9_999_999_999L, 10_000_000_000L, 0, Long.MAX_VALUE}) {
      assertEquals(reference(5, millis, ordinal), cursor.sequenceNumber(millis, ordinal));
    }
  }

  private static String reference(int shardIndex, long millis, long ordinal) {
    return String.format("49%012d%020d%022d", shardIndex, millis, ordinal);
  }
}
