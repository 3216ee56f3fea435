package dev.awssim.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CapacityUnitsTest {
  private static final long KB = 1024;

  @Test
  void readUnits_eightKbItem_costs2Strong1Eventual4Transactional() {
    assertEquals(2.0, CapacityUnits.readUnits(8 * KB, ReadMode.STRONGLY_CONSISTENT));
    assertEquals(1.0, CapacityUnits.readUnits(8 * KB, ReadMode.EVENTUALLY_CONSISTENT));
    assertEquals(4.0, CapacityUnits.readUnits(8 * KB, ReadMode.TRANSACTIONAL));
  }

  @Test
  void readUnits_roundsUpTo4Kb() {
    assertEquals(1.0, CapacityUnits.readUnits(3_584, ReadMode.STRONGLY_CONSISTENT)); // 3.5 KB
    assertEquals(3.0, CapacityUnits.readUnits(10 * KB, ReadMode.STRONGLY_CONSISTENT)); // 12 KB
    assertEquals(1.0, CapacityUnits.readUnits(4 * KB, ReadMode.STRONGLY_CONSISTENT));
    assertEquals(2.0, CapacityUnits.readUnits(4 * KB + 1, ReadMode.STRONGLY_CONSISTENT));
  }

  @Test
  void readUnits_missingItem_costsMinimum() {
    assertEquals(1.0, CapacityUnits.readUnits(0, ReadMode.STRONGLY_CONSISTENT));
    assertEquals(0.5, CapacityUnits.readUnits(0, ReadMode.EVENTUALLY_CONSISTENT));
  }

  @Test
  void batchGet_roundsEachItem_1point5And6point5KbCost12Kb() {
    double units =
        CapacityUnits.readUnits(1_536, ReadMode.STRONGLY_CONSISTENT)
            + CapacityUnits.readUnits(6_656, ReadMode.STRONGLY_CONSISTENT);
    assertEquals(3.0, units);
  }

  @Test
  void queryReadUnits_roundsTotalOnce() {
    assertEquals(
        11.0, CapacityUnits.queryReadUnits(41_779, ReadMode.STRONGLY_CONSISTENT)); // 40.8 KB
    assertEquals(24.0, CapacityUnits.queryReadUnits(1_500 * 64, ReadMode.STRONGLY_CONSISTENT));
    assertEquals(10.0, CapacityUnits.queryReadUnits(80 * KB, ReadMode.EVENTUALLY_CONSISTENT));
    assertEquals(0.5, CapacityUnits.queryReadUnits(0, ReadMode.EVENTUALLY_CONSISTENT));
  }

  @Test
  void writeUnits_roundsUpTo1Kb_transactionalDoubles() {
    assertEquals(2.0, CapacityUnits.writeUnits(1_639, false)); // 1.6 KB
    assertEquals(1.0, CapacityUnits.writeUnits(500, false));
    assertEquals(4.0, CapacityUnits.writeUnits(1_639, true));
    assertEquals(1.0, CapacityUnits.writeUnits(0, false)); // delete of an absent item
  }

  @Test
  void batchWrite_500BytesAnd3point5Kb_cost5() {
    assertEquals(
        5.0, CapacityUnits.writeUnits(500, false) + CapacityUnits.writeUnits(3_584, false));
  }

  @Test
  void putOverExisting_chargesLargerImage() {
    assertEquals(3.0, CapacityUnits.putOverExistingUnits(3 * KB, 100));
    assertEquals(3.0, CapacityUnits.putOverExistingUnits(100, 3 * KB));
  }
}
