package dev.awssim.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.awssim.junit5.examples.ConsumerExample;
import dev.awssim.junit5.examples.ErrorExample;
import dev.awssim.junit5.examples.FailingExample;
import dev.awssim.junit5.examples.ParallelExample;
import dev.awssim.junit5.examples.TraceExample;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;

class AwsSimulatorExtensionTest {
  private static Events run(
      org.junit.platform.engine.DiscoverySelector selector, String... config) {
    EngineTestKit.Builder kit = EngineTestKit.engine("junit-jupiter").selectors(selector);
    for (int i = 0; i < config.length; i += 2) {
      kit.configurationParameter(config[i], config[i + 1]);
    }
    return kit.execute().testEvents();
  }

  private static Throwable failureOf(Event event) {
    return event
        .getPayload(org.junit.platform.engine.TestExecutionResult.class)
        .orElseThrow()
        .getThrowable()
        .orElseThrow();
  }

  @Test
  void failingTest_throwsItsOwnAssertionError_withSeedRerunPropertyAndTraceAttached() {
    Events events = run(selectClass(FailingExample.class));
    events.assertStatistics(s -> s.started(1).failed(1));
    Throwable thrown = failureOf(events.failed().list().get(0));
    // The test's own error, so the IDE still shows expected 2 and actual 1 side by side.
    AssertionFailedError assertion = assertInstanceOf(AssertionFailedError.class, thrown);
    assertEquals(2, assertion.getExpected().getValue());
    assertEquals(1, assertion.getActual().getValue());
    SimulationFailure failure = SimulationFailure.of(thrown).orElseThrow();
    assertEquals(7, failure.seed());
    assertTrue(failure.getMessage().contains("seed=7"));
    assertTrue(failure.getMessage().contains("-Dawssim.seed=7"));
    assertTrue(failure.getMessage().contains("\"type\":\"SENT\""), failure.getMessage());
  }

  @Test
  void unexpectedException_staysThatException_notAnAssertionFailure() {
    Events events = run(selectClass(ErrorExample.class));
    events.assertStatistics(s -> s.started(1).failed(1));
    Throwable thrown = failureOf(events.failed().list().get(0));
    assertInstanceOf(IllegalStateException.class, thrown);
    assertEquals(5, SimulationFailure.of(thrown).orElseThrow().seed());
  }

  @Test
  void seededTest_runsOneNamedInvocationPerSeed_andTheRerunPropertyReproducesTheTrace() {
    Events all = run(selectClass(TraceExample.class));
    all.assertStatistics(s -> s.started(3).succeeded(3));
    assertEquals(
        List.of("seed=1", "seed=2", "seed=3"),
        all.started().list().stream().map(e -> e.getTestDescriptor().getDisplayName()).toList());
    String seed2 = TraceExample.HASHES.get(2L);

    TraceExample.HASHES.clear();
    Events rerun = run(selectClass(TraceExample.class), "awssim.seed", "2");
    rerun.assertStatistics(s -> s.started(1).succeeded(1));
    assertEquals(seed2, TraceExample.HASHES.get(2L));
  }

  @Test
  void underDuplicates_idempotentConsumerPasses_naiveConsumerFailsNamingTheSeed() {
    run(selectMethod(ConsumerExample.class, "idempotentConsumer_chargesEachOrderOnce", SIM))
        .assertStatistics(s -> s.started(10).succeeded(10));
    Events naive =
        run(selectMethod(ConsumerExample.class, "naiveConsumer_chargesEachOrderOnce", SIM));
    assertTrue(naive.failed().count() > 0, "duplicates at 30% must trip a naive consumer");
    SimulationFailure failure =
        SimulationFailure.of(failureOf(naive.failed().list().get(0))).orElseThrow();
    assertTrue(failure.getMessage().contains("-Dawssim.seed=" + failure.seed()));
  }

  @Test
  void parallelExecution_eachTestHasItsOwnSimulator() {
    run(
            selectClass(ParallelExample.class),
            "junit.jupiter.execution.parallel.enabled",
            "true",
            "junit.jupiter.execution.parallel.mode.default",
            "concurrent")
        .assertStatistics(s -> s.started(20).succeeded(20));
  }

  @Test
  void faults_mapToTheSqsFaultProfile() {
    Faults none = Defaults.class.getAnnotation(Faults.class);
    assertEquals(0, AwsSimulatorExtension.toSqsFaults(none).duplicateProbability());
    Faults some = Some.class.getAnnotation(Faults.class);
    assertEquals(0.25, AwsSimulatorExtension.toSqsFaults(some).duplicateProbability());
    assertTrue(AwsSimulatorExtension.toSqsFaults(some).shortPollSampling());
  }

  private static final String SIM = "dev.awssim.AwsSimulator";

  @Faults
  private static final class Defaults {}

  @Faults(duplicates = 0.25, shortPollSampling = true)
  private static final class Some {}
}
