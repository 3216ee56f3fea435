package dev.awssim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.google.common.collect.ImmutableMap;
import dev.awssim.engine.trace.TraceEventType;
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
            sim.trace()
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
}
