package dev.awssim.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecordLogTest {
  private static final long SECOND = 1_000_000_000L;
  private static final long RETENTION = 24 * 3_600 * SECOND;

  /** One record a second: record {@code i} arrives at second {@code i}. */
  private static RecordLog logOf(int records) {
    RecordLog log = new RecordLog();
    for (int i = 0; i < records; i++) {
      assertEquals(i, log.append(new byte[] {(byte) i}, "key-" + i, i * SECOND, i * 1_000L));
    }
    return log;
  }

  @Test
  void recordsAreReadBackByOrdinalAcrossChunks() {
    RecordLog log = logOf(5_000);
    for (int i : new int[] {0, 1_023, 1_024, 4_999}) {
      assertEquals("key-" + i, log.partitionKey(i));
      assertEquals((byte) i, log.data(i)[0]);
      assertEquals(i * SECOND, log.arrivalNanos(i));
      assertEquals(i * 1_000L, log.epochMillis(i));
    }
    assertFalse(log.has(5_000));
    assertEquals(5_000, log.next());
  }

  @Test
  void trimDropsExactlyTheRecordsWhoseRetentionEndedAtTheBoundary() {
    RecordLog log = logOf(100_000);
    // record 3,000 arrived at second 3,000: its 24 hours end at 89,400 s, and the end is excluded
    log.trim(89_400 * SECOND, RETENTION);
    assertEquals(3_001, log.first());
    assertFalse(log.has(3_000));
    assertTrue(log.has(3_001));
    assertEquals("key-3001", log.partitionKey(3_001));
    assertEquals("key-99999", log.partitionKey(99_999));
  }

  @Test
  void trimmingEveryRecordLeavesAnEmptyLogThatKeepsCounting() {
    RecordLog log = logOf(40_000);
    log.trim(200_000 * SECOND, RETENTION);
    assertEquals(40_000, log.first());
    assertFalse(log.has(39_999));
    assertEquals(40_000, log.append(new byte[1], "k", 200_000 * SECOND, 0));
    assertEquals("k", log.partitionKey(40_000));
  }

  @Test
  void firstAtOrAfterFindsTheFirstRetainedRecordAtATimestamp() {
    RecordLog log = logOf(3_000);
    assertEquals(1_500, log.firstAtOrAfter(1_499_500));
    assertEquals(1_500, log.firstAtOrAfter(1_500_000));
    assertEquals(3_000, log.firstAtOrAfter(9_999_999));
    log.trim(86_400 * SECOND + 1_000 * SECOND, RETENTION);
    assertEquals(1_001, log.firstAtOrAfter(0));
  }

  @Test
  void aTrimmedOrdinalIsNotReadable() {
    RecordLog log = logOf(10);
    log.trim(86_400 * SECOND + 5 * SECOND, RETENTION);
    assertFalse(log.has(5));
    assertTrue(log.has(6));
  }
}
