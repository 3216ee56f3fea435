package dev.awssim.kinesis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
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
  void dataOfEverySizeIsReadBackAcrossSlabsAndTheCallersArrayIsCopied() {
    RecordLog log = new RecordLog();
    byte[] reused = new byte[3_000];
    int[] sizes = {0, 1, 3_000, 700_000, 0, 5 * 1_048_576, 100, 262_144, 262_145, 7};
    for (int i = 0; i < sizes.length; i++) {
      byte[] data = sizes[i] == 3_000 ? reused : new byte[sizes[i]];
      Arrays.fill(data, (byte) (i + 1));
      assertEquals(i, log.append(data, "k" + i, i * SECOND, i));
      Arrays.fill(reused, (byte) -1);
    }
    for (int i = 0; i < 2_000; i++) {
      log.append(new byte[] {(byte) i, (byte) (i >> 8)}, "small", 10 * SECOND, 10);
    }
    for (int i = 0; i < sizes.length; i++) {
      byte[] data = log.data(i);
      assertEquals(sizes[i], data.length, "record " + i);
      assertEquals(sizes[i], log.dataLength(i));
      for (byte b : data) {
        assertEquals((byte) (i + 1), b, "record " + i);
      }
    }
    for (int i = 0; i < 2_000; i++) {
      assertArrayEquals(new byte[] {(byte) i, (byte) (i >> 8)}, log.data(sizes.length + i));
    }
    log.data(3)[0] = 42;
    assertEquals((byte) 4, log.data(3)[0]);
  }

  @Test
  void trimReleasesTheSlabsOfTrimmedRecordsAndKeepsTheOneBeingFilled() {
    RecordLog log = new RecordLog();
    for (int i = 0; i < 10_000; i++) {
      log.append(new byte[1_000], "k", i * SECOND, i * 1_000L);
    }
    int held = log.heldSlabs();
    // record 5,000 arrived at second 5,000: its retention ends at 91,400 s
    log.trim(91_400 * SECOND, RETENTION);
    assertEquals(5_001, log.first());
    assertTrue(log.heldSlabs() < held, log.heldSlabs() + " of " + held);
    assertEquals(1_000, log.data(5_001).length);
    log.trim(200_000 * SECOND, RETENTION);
    assertEquals(1, log.heldSlabs());
    assertEquals(10_000, log.append(new byte[] {9}, "k", 200_000 * SECOND, 0));
    assertArrayEquals(new byte[] {9}, log.data(10_000));
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
