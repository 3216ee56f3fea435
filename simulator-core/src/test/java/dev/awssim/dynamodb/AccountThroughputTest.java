package dev.awssim.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.dynamodb.capacity.CapacityKnobs;
import dev.awssim.dynamodb.capacity.CapacityLimits;
import dev.awssim.dynamodb.capacity.PartitionView;
import dev.awssim.dynamodb.capacity.ThrottlingReason;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountThroughputTest {
  private static final String ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/T";

  private final AwsSimulator sim = AwsSimulator.withSeed(42);
  private final TestAccount model = new TestAccount(sim, CapacityLimits.defaults());

  private CapacityDecision write(String key, double units) {
    return model.tryConsume(List.of(model.charge("T", null, key, true, units)));
  }

  /** Writes {@code count} one-KB items on {@code key} in the current second; returns throttles. */
  private int writes(String key, int count) {
    int throttled = 0;
    for (int i = 0; i < count; i++) {
      if (!write(key, 1).isAdmitted()) {
        throttled++;
      }
    }
    return throttled;
  }

  @Test
  void burst_idleFiveMinutesThen400WritesPerSecondOn100Wcu_lasts100Seconds() {
    model.createTable("T", ARN, TableCapacity.provisioned(100, 100));
    sim.advanceBy(Duration.ofMinutes(5));
    for (int s = 0; s < 100; s++) {
      assertEquals(0, writes("S:k" + (s % 7), 400), "second " + s);
      sim.advanceBy(Duration.ofSeconds(1));
    }
    assertEquals(300, writes("S:k", 400), "second 100: burst spent, only 100 WCU left");
  }

  @Test
  void adaptive_400WcuOverFourPartitionsOneAt150_neverThrottles() {
    model.createTable(
        "T",
        ARN,
        TableCapacity.provisioned(400, 400)
            .withKnobs(CapacityKnobs.defaults().withMinPartitions(4).withBurstSeconds(0)));
    assertEquals(4, model.partitions("T", null).size());
    List<String> keys = keysOnDistinctPartitions(4);
    for (int s = 0; s < 600; s++) {
      assertTrue(write(keys.get(0), 150).isAdmitted(), "second " + s);
      for (int p = 1; p < 4; p++) {
        assertTrue(write(keys.get(p), 50).isAdmitted(), "second " + s);
      }
      sim.advanceBy(Duration.ofSeconds(1));
    }
  }

  @Test
  void withoutAdaptive_hotPartitionAt150OfShare100_isThrottled() {
    model.createTable(
        "T",
        ARN,
        TableCapacity.provisioned(400, 400)
            .withKnobs(
                CapacityKnobs.defaults()
                    .withMinPartitions(4)
                    .withBurstSeconds(0)
                    .withAdaptiveCapacity(false)));
    String hot = keysOnDistinctPartitions(4).get(0);
    CapacityDecision d = write(hot, 150);
    assertFalse(d.isAdmitted());
    assertEquals("ProvisionedThroughputExceededException", d.errorCode());
    assertEquals(
        new ThrottlingReason("TableWriteProvisionedThroughputExceeded", ARN), d.reasons().get(0));
  }

  @Test
  void hotKey_1200WritesPerSecondOn10000WcuTable_isThrottledAt1000() {
    model.createTable("T", ARN, TableCapacity.provisioned(10_000, 10_000));
    sim.advanceBy(Duration.ofMinutes(5));
    assertEquals(200, writes("S:hot", 1_200));
    CapacityDecision d = write("S:hot", 1);
    assertEquals("ProvisionedThroughputExceededException", d.errorCode());
    assertEquals("TableWriteKeyRangeThroughputExceeded", d.reasons().get(0).reason());
    assertTrue(write("S:other", 1).isAdmitted());
  }

  @Test
  void onDemand_newTable_sustains4000WritesAnd12000Reads() {
    model.createTable("T", ARN, TableCapacity.onDemand());
    assertEquals(0, writes4000("S:", 4_000));
    CapacityDecision d = write("S:extra", 1);
    assertEquals("ThrottlingException", d.errorCode());
    for (int i = 0; i < 4; i++) {
      assertTrue(read("S:r" + i, 3_000).isAdmitted());
    }
    assertFalse(read("S:r9", 1).isAdmitted());
  }

  @Test
  void onDemand_twicePreviousPeakPasses_threeTimesThrottlesWithin30Minutes() {
    model.createTable("T", ARN, TableCapacity.onDemand());
    // previous peak 2,000 WRU (new table): 4,000 passes, 6,000 throttles
    for (int s = 0; s < 1_800; s++) {
      assertEquals(0, writes4000("S:", 4_000), "second " + s);
      sim.advanceBy(Duration.ofSeconds(1));
    }
    // 30 minutes after the first 4,000 second, 4,000 is the previous peak: 8,000 passes
    assertEquals(0, writes4000("S:", 8_000));
    sim.advanceBy(Duration.ofSeconds(1));
    assertEquals(4_000, writes4000("S:", 12_000), "three times the peak: 4,000 throttled");
  }

  @Test
  void onDemand_maxWriteRequestUnits_throttlesWithMaxReason() {
    model.createTable("T", ARN, TableCapacity.onDemand().withTable(new IndexCapacity(0, 0, 0, 10)));
    assertTrue(write("S:a", 10).isAdmitted());
    CapacityDecision d = write("S:a", 1);
    assertEquals("ThrottlingException", d.errorCode());
    assertEquals("TableWriteMaxOnDemandThroughputExceeded", d.reasons().get(0).reason());
  }

  @Test
  void gsi_withoutCapacity_throttlesBaseWriteAndConsumesNothing() {
    model.createTable(
        "T",
        ARN,
        TableCapacity.provisioned(100, 100)
            .withIndex("g", IndexCapacity.provisioned(1, 1))
            .withKnobs(CapacityKnobs.defaults().withBurstSeconds(0)));
    List<CapacityCharge> put =
        List.of(model.charge("T", null, "S:a", true, 2), model.charge("T", "g", "S:x", true, 2));
    CapacityDecision d = model.tryConsume(put);
    assertEquals("ProvisionedThroughputExceededException", d.errorCode());
    assertEquals(
        new ThrottlingReason("IndexWriteProvisionedThroughputExceeded", ARN + "/index/g"),
        d.reasons().get(0));
    assertEquals(0.0, model.partitions("T", null).get(0).writeConsumedThisSecond());
    assertEquals(
        1.0,
        sim.metrics()
            .total(
                new MetricKey(
                    "AWS/DynamoDB",
                    "WriteThrottleEvents",
                    Dimensions.of("TableName", "T", "GlobalSecondaryIndexName", "g"))));
  }

  @Test
  void metrics_consumedAndThrottled_useAwsNames() {
    model.createTable(
        "T",
        ARN,
        TableCapacity.provisioned(5, 5).withKnobs(CapacityKnobs.defaults().withBurstSeconds(0)));
    writes("S:a", 7);
    Dimensions table = Dimensions.of("TableName", "T");
    assertEquals(5.0, total("ConsumedWriteCapacityUnits", table));
    assertEquals(2.0, total("WriteThrottleEvents", table));
    assertEquals(2.0, total("ThrottledRequests", table));
    assertEquals(2.0, total("WriteProvisionedThroughputThrottleEvents", table));
    assertEquals(5.0, total("ProvisionedWriteCapacityUnits", table));
  }

  @Test
  void partitions_splitByThroughputAndStorage() {
    model.createTable("T", ARN, TableCapacity.provisioned(3_000, 1_000));
    assertEquals(2, model.partitions("T", null).size());
    model.updateTable("T", TableCapacity.provisioned(3_000, 3_000));
    assertEquals(4, model.partitions("T", null).size());
    model.updateStorage("T", 45L * 1024 * 1024 * 1024);
    assertEquals(5, model.partitions("T", null).size());
    model.updateTable("T", TableCapacity.provisioned(100, 100));
    assertEquals(5, model.partitions("T", null).size(), "partitions never merge");
  }

  /**
   * A GSI has partitions of its own, and a partition holds up to 10 GB
   * (HowItWorks.Partitions.html): the GSI splits on its own storage, whatever the table stores.
   */
  @Test
  void gsiPartitions_splitOnTheGsisOwnStorage_pastTenGb() {
    long tenGb = 10L * 1024 * 1024 * 1024;
    model.createTable(
        "T", ARN, TableCapacity.provisioned(1, 1).withIndex("g", IndexCapacity.provisioned(1, 1)));
    model.updateStorage("T", "g", tenGb);
    assertEquals(1, model.partitions("T", "g").size(), "exactly 10 GB");
    model.updateStorage("T", "g", tenGb + 1);
    assertEquals(2, model.partitions("T", "g").size(), "one byte past 10 GB");
    assertEquals(1, model.partitions("T", null).size(), "the table's partitions are its own");
  }

  @Test
  void partitions_showHottestKeysOfLastSecond() {
    model.createTable("T", ARN, TableCapacity.provisioned(100, 100));
    writes("S:hot", 30);
    writes("S:cold", 2);
    sim.advanceBy(Duration.ofSeconds(1));
    PartitionView p = model.partitions("T", null).get(0);
    assertEquals("S:hot", p.hottestKeys().get(0).partitionKey());
    assertEquals(30.0, p.hottestKeys().get(0).units());
    assertEquals(32.0, p.writeConsumedTotal());
  }

  @Test
  void updateTable_fifthDecreaseInFirstHour_isLimitExceeded() {
    model.createTable("T", ARN, TableCapacity.provisioned(100, 100));
    for (int i = 1; i <= 4; i++) {
      model.updateTable("T", TableCapacity.provisioned(100 - i, 100));
    }
    CapacityException e =
        assertThrows(
            CapacityException.class,
            () -> model.updateTable("T", TableCapacity.provisioned(50, 100)));
    assertEquals("LimitExceededException", e.errorCode());
    sim.advanceBy(Duration.ofHours(2));
    model.updateTable("T", TableCapacity.provisioned(50, 100));
    assertThrows(
        CapacityException.class, () -> model.updateTable("T", TableCapacity.provisioned(40, 100)));
    sim.advanceBy(Duration.ofHours(1));
    model.updateTable("T", TableCapacity.provisioned(40, 100));
  }

  @Test
  void updateTable_decreaseTriedEveryMinuteOfAUtcDay_27Succeed() {
    java.time.Instant midnight =
        sim.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofDays(1));
    sim.advanceTo(midnight);
    model.createTable("T", ARN, TableCapacity.provisioned(10_000, 100));
    int decreases = 0;
    for (int minute = 0; minute < 24 * 60; minute++) {
      try {
        model.updateTable("T", TableCapacity.provisioned(10_000 - decreases - 1, 100));
        decreases++;
      } catch (CapacityException e) {
        assertEquals("LimitExceededException", e.errorCode());
      }
      sim.advanceBy(Duration.ofMinutes(1));
    }
    // 4 in the first hour of the UTC day, then one per hour: 27 (ServiceQuotas.html).
    assertEquals(27, decreases);
  }

  @Test
  void updateTable_fifthSwitchToOnDemandIn24Hours_isLimitExceeded() {
    model.createTable("T", ARN, TableCapacity.provisioned(100, 100));
    for (int i = 0; i < 4; i++) {
      model.updateTable("T", TableCapacity.onDemand());
      model.updateTable("T", TableCapacity.provisioned(100, 100));
    }
    CapacityException e =
        assertThrows(
            CapacityException.class, () -> model.updateTable("T", TableCapacity.onDemand()));
    assertEquals("LimitExceededException", e.errorCode());
    sim.advanceBy(Duration.ofHours(24));
    model.updateTable("T", TableCapacity.onDemand());
  }

  @Test
  void createTable_zeroUnitsOrOverTableQuota_isRejected() {
    assertEquals(
        "ValidationException",
        assertThrows(
                CapacityException.class,
                () -> model.createTable("T", ARN, TableCapacity.provisioned(0, 1)))
            .errorCode());
    assertEquals(
        "LimitExceededException",
        assertThrows(
                CapacityException.class,
                () -> model.createTable("T", ARN, TableCapacity.provisioned(40_001, 1)))
            .errorCode());
  }

  @Test
  void onDemand_overAccountQuota_isRequestLimitExceeded() {
    TestAccount small = new TestAccount(sim, CapacityLimits.defaults().withAccountUnits(1_500));
    small.createTable("A", ARN, TableCapacity.onDemand());
    small.createTable("B", ARN + "B", TableCapacity.onDemand());
    assertTrue(small.tryConsume(List.of(small.charge("A", null, "S:a", true, 1_000))).isAdmitted());
    CapacityDecision d = small.tryConsume(List.of(small.charge("B", null, "S:a", true, 1_000)));
    assertEquals("RequestLimitExceeded", d.errorCode());
    assertEquals("TableWriteAccountLimitExceeded", d.reasons().get(0).reason());
  }

  private double total(String metric, Dimensions dimensions) {
    return sim.metrics().total(new MetricKey("AWS/DynamoDB", metric, dimensions));
  }

  private CapacityDecision read(String key, double units) {
    return model.tryConsume(List.of(model.charge("T", null, key, false, units)));
  }

  /** Writes {@code total} units as 1,000-unit charges on distinct keys; returns units throttled. */
  private int writes4000(String prefix, int total) {
    int throttled = 0;
    for (int i = 0; i < total / 1_000; i++) {
      if (!write(prefix + i, 1_000).isAdmitted()) {
        throttled += 1_000;
      }
    }
    return throttled;
  }

  private List<String> keysOnDistinctPartitions(int n) {
    String[] found = new String[n];
    int seen = 0;
    for (int i = 0; seen < n; i++) {
      String key = "S:k" + i;
      write(key, 0);
      int p = partitionOf(key);
      if (found[p] == null) {
        found[p] = key;
        seen++;
      }
    }
    return List.of(found);
  }

  private int partitionOf(String key) {
    sim.advanceBy(Duration.ofSeconds(1));
    write(key, 0.5);
    for (PartitionView v : model.partitions("T", null)) {
      if (v.writeConsumedThisSecond() > 0) {
        sim.advanceBy(Duration.ofSeconds(1));
        return v.index();
      }
    }
    throw new AssertionError(key);
  }
}
