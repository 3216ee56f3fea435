package dev.awssim.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.dynamodb.capacity.CapacityKnobs;
import dev.awssim.dynamodb.capacity.CapacityLimits;
import dev.awssim.dynamodb.capacity.PartitionView;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class AccountThroughputPropertyTest {
  private static final String ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/T";

  @Test
  void randomWorkloads_perSecondConsumptionWithinRatePlusBurstAndKeyCeiling() {
    for (long seed = 1; seed <= 30; seed++) {
      AwsSimulator sim = AwsSimulator.builder().seed(seed).build();
      RandomGenerator r = sim.random("workload");
      long rate = 1L + r.nextInt(2_000);
      TestAccount model = new TestAccount(sim, CapacityLimits.defaults());
      model.createTable(
          "T",
          ARN,
          TableCapacity.provisioned(rate, rate)
              .withKnobs(CapacityKnobs.defaults().withMinPartitions(1 + r.nextInt(6))));
      double admitted = 0;
      long window = -1;
      double burstBefore = 0;
      double thisSecond = 0;
      for (int s = 0; s < 60; s++) {
        long second = sim.clock().nanos() / 1_000_000_000L;
        if (second != window) {
          window = second;
          burstBefore = model.partitions("T", null).get(0).writeBurstBalance();
          thisSecond = 0;
        }
        double admittedNow = 0;
        int ops = r.nextInt(300);
        for (int i = 0; i < ops; i++) {
          double units = (1 + r.nextInt(40)) / 2.0;
          CapacityCharge c = model.charge("T", null, "S:k" + r.nextInt(20), true, units);
          if (model.tryConsume(List.of(c)).isAdmitted()) {
            admittedNow += units;
          }
        }
        thisSecond += admittedNow;
        admitted += admittedNow;
        assertTrue(
            thisSecond <= rate + burstBefore + 1e-9,
            "seed " + seed + " step " + s + ": " + thisSecond + " > " + rate + "+" + burstBefore);
        for (PartitionView p : model.partitions("T", null)) {
          assertTrue(p.writeConsumedThisSecond() <= rate + burstBefore + 1e-9, "seed " + seed);
        }
        sim.advanceBy(Duration.ofMillis(r.nextInt(2_000)));
      }
      double reported =
          sim.metrics()
              .total(
                  new MetricKey(
                      "AWS/DynamoDB",
                      "ConsumedWriteCapacityUnits",
                      Dimensions.of("TableName", "T")));
      assertEquals(admitted, reported, 1e-9, "seed " + seed);
    }
  }

  @Test
  void consumedCapacity_equalsSumOfItemSizesComputedIndependently() {
    for (long seed = 1; seed <= 50; seed++) {
      RandomGenerator r = AwsSimulator.withSeed(seed).random("sizes");
      long total = 0;
      double batch = 0;
      for (int i = 0; i < 20; i++) {
        long bytes = r.nextInt(400 * 1024);
        total += bytes;
        batch += CapacityUnits.readUnits(bytes, ReadMode.STRONGLY_CONSISTENT);
        assertEquals(
            (double) ((bytes + 1023) / 1024 == 0 ? 1 : (bytes + 1023) / 1024),
            CapacityUnits.writeUnits(bytes, false),
            "seed " + seed);
      }
      double query = CapacityUnits.queryReadUnits(total, ReadMode.STRONGLY_CONSISTENT);
      assertEquals((double) Math.max(1, -Math.floorDiv(-total, 4096)), query, "seed " + seed);
      assertTrue(query <= batch, "seed " + seed + ": a query rounds once, a batch per item");
    }
  }

  @Test
  void sameSeedSameScript_sameTraceHash() {
    assertEquals(traceHash(7), traceHash(7));
  }

  private static String traceHash(long seed) {
    AwsSimulator sim = AwsSimulator.builder().seed(seed).traceEnabled(true).build();
    TestAccount model = new TestAccount(sim, CapacityLimits.defaults());
    model.createTable("T", ARN, TableCapacity.provisioned(10, 10));
    RandomGenerator r = sim.random("script");
    for (int i = 0; i < 500; i++) {
      model.tryConsume(List.of(model.charge("T", null, "S:" + r.nextInt(5), true, 1)));
      sim.advanceBy(Duration.ofMillis(r.nextInt(50)));
    }
    assertTrue(!sim.trace().events().isEmpty(), "seed " + seed);
    return String.valueOf(sim.trace().hash());
  }
}
