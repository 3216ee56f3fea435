package dev.awssim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.google.common.collect.ImmutableMap;
import dev.awssim.engine.AwsAccount;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.engine.metrics.MetricsRetention;
import dev.awssim.engine.trace.TraceEventType;
import dev.awssim.internal.SimulatorAccess;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AwsSimulatorTest {
  enum DemoEvent implements TraceEventType {
    TICK;

    @Override
    public String service() {
      return "demo";
    }
  }

  /** A small script: actors that draw from a seeded stream and record what they drew. */
  private static String runScript(long seed, int actors) {
    AwsSimulator sim = AwsSimulator.withSeed(seed);
    for (int i = 0; i < actors; i++) {
      String name = "actor-" + i;
      sim.every(
          Duration.ofMillis(100 + i),
          () -> {
            int draw = sim.random(name).nextInt(1000);
            SimulatorAccess.context(sim)
                .trace()
                .record(DemoEvent.TICK, name, ImmutableMap.of("draw", Integer.toString(draw)));
          });
    }
    sim.advanceBy(Duration.ofSeconds(5));
    return sim.trace().hash();
  }

  @Test
  void defaults_fixedStartAndSeed() {
    AwsSimulator sim = AwsSimulator.builder().build();
    assertEquals(Instant.parse("2025-01-01T00:00:00Z"), sim.now());
    assertEquals(0, sim.seed());
  }

  @Test
  void startInstant_isConfigurable() {
    Instant start = Instant.parse("2030-06-01T12:00:00Z");
    AwsSimulator sim = AwsSimulator.builder().startInstant(start).build();
    sim.advanceBy(Duration.ofHours(12));
    assertEquals(start.plus(Duration.ofHours(12)), sim.javaClock().instant());
  }

  @Test
  void property_sameSeedAndScript_giveTheSameTraceHash() {
    qt().withExamples(30)
        .forAll(longs().all(), integers().between(1, 5))
        .checkAssert(
            (seed, actors) -> assertEquals(runScript(seed, actors), runScript(seed, actors)));
  }

  @Test
  void differentSeeds_giveDifferentTraces() {
    assertNotEquals(runScript(1, 3), runScript(2, 3));
  }

  @Test
  void builder_rejectsBadArguments() {
    assertThrows(NullPointerException.class, () -> AwsSimulator.builder().startInstant(null));
    assertThrows(IllegalArgumentException.class, () -> AwsSimulator.builder().traceCapacity(0));
  }

  @Test
  void account_defaultsTo000000000000InUsEast1_andReachesTheServicesContext() {
    AwsSimulator sim = AwsSimulator.withSeed(1);

    assertEquals(new AwsAccount("000000000000", "us-east-1"), sim.account());
    assertEquals(sim.account(), SimulatorAccess.context(sim).account());
  }

  @Test
  void account_setOnTheBuilder_isTheContextsAccount() {
    AwsSimulator sim = AwsSimulator.builder().accountId("123456789012").region("eu-west-2").build();

    assertEquals("123456789012", SimulatorAccess.context(sim).account().accountId());
    assertEquals("eu-west-2", SimulatorAccess.context(sim).account().region());
  }

  @Test
  void account_malformed_isRefusedWhenBuilt() {
    assertThrows(
        IllegalArgumentException.class,
        () -> AwsSimulator.builder().accountId("12345678901").build());
    assertThrows(
        IllegalArgumentException.class, () -> AwsSimulator.builder().region("Mars").build());
    assertThrows(NullPointerException.class, () -> AwsSimulator.builder().region(null));
  }

  @Test
  void metricsSwitchedOff_recordNothing() {
    AwsSimulator sim = AwsSimulator.builder().metricsEnabled(false).build();
    MetricKey key = new MetricKey("AWS/SQS", "NumberOfMessagesSent", Dimensions.none());

    SimulatorAccess.context(sim).metrics().series(key).record(1);

    assertFalse(sim.metrics().isEnabled());
    assertEquals(0, sim.metrics().total(key));
  }

  @Test
  void metricsRetention_setOnTheBuilder_isTheRecordersRetention() {
    MetricsRetention day = MetricsRetention.cloudWatch().capped(Duration.ofDays(1));

    assertEquals(day, AwsSimulator.builder().metricsRetention(day).build().metrics().retention());
    assertEquals(MetricsRetention.cloudWatch(), AwsSimulator.withSeed(1).metrics().retention());
  }

  @Test
  void trace_byDefault_retains100000Events_andHashesEveryOne() {
    AwsSimulator sim = AwsSimulator.withSeed(1);
    AwsSimulator other = AwsSimulator.withSeed(1);
    SimulatorAccess.context(other)
        .trace()
        .record(DemoEvent.TICK, "first", ImmutableMap.of("n", "x"));
    for (int i = 0; i < 100_000; i++) {
      SimulatorAccess.context(sim).trace().record(DemoEvent.TICK, "r");
      SimulatorAccess.context(other).trace().record(DemoEvent.TICK, "r");
    }
    SimulatorAccess.context(sim).trace().record(DemoEvent.TICK, "r");

    assertEquals(100_000, sim.trace().events().size());
    assertEquals(100_000, other.trace().events().size());
    assertEquals(100_001, other.trace().recordedCount());
    assertNotEquals(sim.trace().hash(), other.trace().hash());
  }

  @Test
  void advanceBy_pastTheClocksRange_isRefused() {
    AwsSimulator sim = AwsSimulator.withSeed(1);

    assertThrows(IllegalArgumentException.class, () -> sim.advanceBy(Duration.ofDays(365 * 300)));
    assertThrows(
        IllegalArgumentException.class, () -> sim.advanceTo(sim.clock().end().plusSeconds(1)));
    assertEquals(sim.clock().start(), sim.now());
  }

  enum ForgedEvent implements TraceEventType {
    SENT;

    @Override
    public String service() {
      return "sqs";
    }
  }

  @Test
  void recordEvent_lands_inOrder_withTheServicesEvents_andCountsInTheHash() {
    AwsSimulator sim = AwsSimulator.withSeed(1);
    String url = sim.sqs().createQueue("orders");
    sim.advanceBy(Duration.ofSeconds(2));
    sim.recordEvent(DemoEvent.TICK, "orders", ImmutableMap.of("n", "1"));
    sim.sqs().sendMessage(url, "hello");

    var events = sim.trace().events();
    var tick = events.stream().filter(e -> e.type() == DemoEvent.TICK).findFirst().orElseThrow();
    assertEquals(sim.clock().start().plusSeconds(2), tick.time());
    assertEquals("1", tick.attributes().get("n"));
    int tickAt = events.indexOf(tick);
    assertEquals("sqs", events.get(tickAt + 1).type().service(), "the send comes after the tick");

    AwsSimulator without = AwsSimulator.withSeed(1);
    String url2 = without.sqs().createQueue("orders");
    without.advanceBy(Duration.ofSeconds(2));
    without.sqs().sendMessage(url2, "hello");
    assertNotEquals(without.trace().hash(), sim.trace().hash());
  }

  @Test
  void recordEvent_refusesAwssimsOwnServices_andRecordsNothing() {
    AwsSimulator sim = AwsSimulator.withSeed(1);
    String before = sim.trace().hash();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> sim.recordEvent(ForgedEvent.SENT, "orders", ImmutableMap.of()));
    assertEquals(
        "service sqs is recorded by awssim itself; give your events a service name of your own",
        e.getMessage());
    assertEquals(before, sim.trace().hash());
    assertEquals(0, sim.trace().events().size());
  }

  @Test
  void atomically_holdsTheLock_soAPacedClockDoesNotMoveInside() throws Exception {
    AwsSimulator sim = AwsSimulator.withSeed(1);
    Instant seen =
        sim.atomically(
            () -> {
              assertEquals(true, Thread.holdsLock(SimulatorAccess.context(sim).lock()));
              return sim.now();
            });
    assertEquals(sim.clock().start(), seen);
    int[] runs = {0};
    sim.atomically(
        () -> {
          runs[0]++;
        });
    assertEquals(1, runs[0]);
    assertFalse(Thread.holdsLock(SimulatorAccess.context(sim).lock()));
  }
}
